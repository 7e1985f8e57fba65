import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { useLocalized } from '../../i18n/localized'
import { ProblemAlert } from '../workbench/ProblemAlert'
import { useAdminRoles } from './access'
import { showFieldErrors } from './fields'
import { useDepartments, useStaff, type Staff } from './queries'
import { RoleDialog } from './RoleDialog'

const FIELDS = ['account', 'name', 'departmentId', 'phone', 'password'] as const
interface NewStaff {
  account: string
  name: string
  departmentId?: string
  phone: string
  password: string
}

/**
 * 工作人员与角色 Staff and roles: the system admin creates accounts, the security admin grants
 * and revokes roles (三员分立); both see the list.
 */
export function StaffPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const { roles } = useAdminRoles()
  const staff = useStaff()
  const departments = useDepartments()
  const client = useQueryClient()
  const [assigning, setAssigning] = useState<Staff | null>(null)
  const [form] = Form.useForm<NewStaff>()
  const deptName = (id: string | null) => {
    const d = departments.data?.find((x) => x.id === id)
    return d ? text(d.name) : '—'
  }
  const refresh = () => client.invalidateQueries({ queryKey: ['admin', 'staff'] })
  const create = useMutation({
    mutationFn: async (v: NewStaff) =>
      orThrow(
        await api.POST('/api/v1/staff', { body: { ...v, departmentId: v.departmentId ?? null } }),
      ),
    onSuccess: async () => {
      form.resetFields()
      await refresh()
    },
    onError: (error) => showFieldErrors(form, FIELDS, error, text),
  })
  const revoke = useMutation({
    mutationFn: async (v: { id: string; role: string; departmentId: string | null }) =>
      orThrow(
        await api.POST('/api/v1/staff/{id}/roles/revoke', {
          params: { path: { id: v.id } },
          body: { role: v.role, departmentId: v.departmentId },
        }),
      ),
    onSuccess: refresh,
  })
  const grants = roles.has('security_admin')
  return (
    <>
      <Typography.Title level={1}>{t('admin.staff.title')}</Typography.Title>
      {staff.isError && <LoadFailed error={staff.error} />}
      <ProblemAlert error={revoke.error} />
      <Table<Staff>
        rowKey="id"
        size="small"
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('admin.staff.account'), dataIndex: 'account' },
          { title: t('admin.staff.name'), dataIndex: 'name' },
          { title: t('admin.staff.department'), render: (_, s) => deptName(s.departmentId) },
          {
            title: t('admin.staff.roles'),
            render: (_, s) => (
              <Space size={[0, 4]} wrap>
                {s.roles.map((r) => (
                  <Tag
                    key={`${r.role}:${r.departmentId ?? ''}`}
                    closable={grants}
                    closeIcon={grants ? undefined : false}
                    onClose={(e) => {
                      e.preventDefault()
                      revoke.mutate({ id: s.id, ...r })
                    }}
                  >
                    {t(`admin.roles.${r.role}`, { defaultValue: r.role })}
                    {r.departmentId ? ` · ${deptName(r.departmentId)}` : ''}
                  </Tag>
                ))}
              </Space>
            ),
          },
          ...(grants
            ? [
                {
                  title: t('admin.actions'),
                  render: (_: unknown, s: Staff) => (
                    <Button
                      size="small"
                      onClick={() => setAssigning(s)}
                      aria-label={t('admin.staff.assignTitle', { name: s.name })}
                    >
                      {t('admin.staff.assign')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {assigning && (
        <RoleDialog
          staff={assigning}
          departments={departments.data ?? []}
          onClose={() => setAssigning(null)}
        />
      )}
      {roles.has('system_admin') && (
        <>
          <Typography.Title level={2}>{t('admin.staff.create')}</Typography.Title>
          <Form<NewStaff>
            form={form}
            layout="vertical"
            className="admin-form"
            onFinish={(v) => create.mutate(v)}
          >
            <Form.Item
              name="account"
              label={t('admin.staff.account')}
              extra={t('admin.staff.accountHint')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('admin.staff.name')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="departmentId" label={t('admin.staff.department')}>
              <Select
                allowClear
                options={(departments.data ?? []).map((d) => ({
                  value: d.id,
                  label: text(d.name),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="phone"
              label={t('admin.staff.phone')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <Input inputMode="tel" />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('admin.staff.password')}
              rules={[{ required: true, message: t('admin.required') }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <ProblemAlert error={create.error} />
            <Button type="primary" htmlType="submit" loading={create.isPending}>
              {t('admin.staff.create')}
            </Button>
          </Form>
        </>
      )}
    </>
  )
}
