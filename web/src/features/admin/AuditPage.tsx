import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, DatePicker, Form, Input, Space, Table, Typography } from 'antd'
import type { Dayjs } from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { ProblemAlert } from '../workbench/ProblemAlert'
import type { AuditQuery, AuditRecord } from './queries'

const PAGE = 20
interface Filters {
  action?: string
  actorId?: string
  subjectType?: string
  subjectId?: string
  window?: [Dayjs | null, Dayjs | null] | null
}

function toQuery(f: Filters): AuditQuery {
  const q: AuditQuery = { limit: PAGE }
  for (const k of ['action', 'actorId', 'subjectType', 'subjectId'] as const) {
    const v = f[k]?.trim()
    if (v) q[k] = v
  }
  const [from, to] = f.window ?? []
  if (from) q.from = from.toISOString()
  if (to) q.to = to.toISOString()
  return q
}

/** 审计日志 The audit log (auditor): search, page through, verify the hash chain. */
export function AuditPage() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<AuditQuery>({ limit: PAGE })
  // Cursors of the pages seen so far: the chain is paged by sequence number.
  const [cursors, setCursors] = useState<number[]>([0])
  const afterSeq = cursors[cursors.length - 1] ?? 0
  const records = useQuery({
    queryKey: ['admin', 'audit', filters, afterSeq],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/audit/records', { params: { query: { ...filters, afterSeq } } }),
      ),
  })
  const verify = useMutation({
    mutationFn: async () => orThrow(await api.POST('/api/v1/audit/verify')),
  })
  const next = records.data?.nextAfterSeq ?? null
  return (
    <>
      <Typography.Title level={1}>{t('admin.audit.title')}</Typography.Title>
      <Form<Filters>
        layout="inline"
        onFinish={(f) => {
          setFilters(toQuery(f))
          setCursors([0])
        }}
      >
        <Form.Item name="action" label={t('admin.audit.action')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="actorId" label={t('admin.audit.actor')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="subjectType" label={t('admin.audit.subjectType')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="subjectId" label={t('admin.audit.subjectId')}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="window" label={t('admin.audit.window')}>
          <DatePicker.RangePicker
            showTime
            allowEmpty={[true, true]}
            placeholder={[t('admin.audit.from'), t('admin.audit.to')]}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('admin.audit.search')}
        </Button>
      </Form>
      {records.isError && <LoadFailed error={records.error} />}
      <Table<AuditRecord>
        rowKey="seq"
        size="small"
        className="admin-audit-table"
        loading={records.isPending}
        dataSource={records.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('admin.audit.seq'), dataIndex: 'seq' },
          { title: t('admin.audit.at'), dataIndex: 'at' },
          { title: t('admin.audit.action'), dataIndex: 'action' },
          {
            title: t('admin.audit.actor'),
            render: (_, r) => `${r.actorKind}${r.actorId ? ` ${r.actorId}` : ''}`,
          },
          {
            title: t('admin.audit.subject'),
            render: (_, r) => `${r.subjectType} ${r.subjectId}`,
          },
        ]}
      />
      <Space className="admin-pager">
        <Button disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('admin.audit.previous')}
        </Button>
        <Button
          disabled={next === null}
          onClick={() => next !== null && setCursors((c) => [...c, next])}
        >
          {t('admin.audit.next')}
        </Button>
      </Space>
      <Typography.Title level={2}>{t('admin.audit.verifyTitle')}</Typography.Title>
      <Button onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('admin.audit.verify')}
      </Button>
      <ProblemAlert error={verify.error} />
      {verify.data && (
        <Alert
          role="status"
          showIcon
          type={verify.data.ok ? 'success' : 'error'}
          title={
            verify.data.ok
              ? t('admin.audit.chainOk', { checked: verify.data.checked })
              : t('admin.audit.chainBad', {
                  seq: verify.data.firstBad?.seq,
                  id: verify.data.firstBad?.id,
                  reason: verify.data.firstBad?.reason,
                })
          }
        />
      )}
    </>
  )
}
