import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Form, Input, InputNumber, Select, Table, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { ProblemAlert } from '../workbench/ProblemAlert'

interface LoadForm {
  year: number
  json: string
}

/** Parses the pasted notice; the reason names where the JSON breaks. */
function parseYear(
  json: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; reason: string } {
  try {
    const value: unknown = JSON.parse(json)
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { ok: false, reason: '/' }
    return { ok: true, value: value as Record<string, unknown> }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** 工作日历 The holiday calendar: loaded years, one year's arrangement, loading a new year. */
export function CalendarPage() {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const years = useQuery({
    queryKey: ['admin', 'calendar'],
    queryFn: async () => orThrow(await api.GET('/api/v1/calendar/years')),
  })
  const [picked, setPicked] = useState<number | null>(null)
  const shown = picked ?? years.data?.[years.data.length - 1]?.year ?? null
  const year = useQuery({
    queryKey: ['admin', 'calendar', shown],
    enabled: shown !== null,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/calendar/years/{year}', { params: { path: { year: shown ?? 0 } } }),
      ),
  })
  const [form] = Form.useForm<LoadForm>()
  const load = useMutation({
    mutationFn: async (v: LoadForm) => {
      const parsed = parseYear(v.json)
      if (!parsed.ok) throw new Error(t('admin.calendar.badJson', { reason: parsed.reason }))
      return orThrow(
        await api.PUT('/api/v1/calendar/years/{year}', {
          params: { path: { year: v.year } },
          body: parsed.value,
        }),
      )
    },
    onSuccess: async (_, v) => {
      await client.invalidateQueries({ queryKey: ['admin', 'calendar'] })
      setPicked(v.year)
      form.resetFields()
    },
  })
  const en = i18n.language === 'en'
  return (
    <>
      <Typography.Title level={1}>{t('admin.calendar.title')}</Typography.Title>
      {years.isError && <LoadFailed error={years.error} />}
      <label className="admin-inline-label" htmlFor="admin-calendar-year">
        {t('admin.calendar.year')}
      </label>{' '}
      <Select
        id="admin-calendar-year"
        style={{ minWidth: 120 }}
        value={shown ?? undefined}
        onChange={(v: number) => setPicked(v)}
        options={(years.data ?? []).map((y) => ({ value: y.year, label: String(y.year) }))}
      />
      {year.isError && <LoadFailed error={year.error} />}
      {year.data && (
        <>
          <Typography.Paragraph type="secondary">{year.data.source}</Typography.Paragraph>
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            dataSource={year.data.holidays}
            columns={[
              {
                title: t('admin.calendar.holiday'),
                render: (_, h) => (en ? h.nameEn : h.name),
              },
              { title: t('admin.calendar.days'), render: (_, h) => h.days.join(', ') },
              {
                title: t('admin.calendar.makeUp'),
                render: (_, h) => h.makeUpWorkdays.join(', ') || '—',
              },
            ]}
          />
        </>
      )}
      <Typography.Title level={2}>{t('admin.calendar.load')}</Typography.Title>
      <Alert type="info" showIcon title={t('admin.calendar.loadHint')} />
      <Form<LoadForm>
        form={form}
        layout="vertical"
        className="admin-form"
        onFinish={(v) => load.mutate(v)}
      >
        <Form.Item
          name="year"
          label={t('admin.calendar.year')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <InputNumber min={1949} max={2200} />
        </Form.Item>
        <Form.Item
          name="json"
          label={t('admin.calendar.json')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Input.TextArea rows={10} className="admin-json" spellCheck={false} />
        </Form.Item>
        <ProblemAlert error={load.error} />
        {load.isSuccess && (
          <Alert
            type="success"
            showIcon
            role="status"
            title={t('admin.calendar.loaded', { year: load.variables.year })}
          />
        )}
        <Button type="primary" htmlType="submit" loading={load.isPending}>
          {t('admin.calendar.load')}
        </Button>
      </Form>
    </>
  )
}
