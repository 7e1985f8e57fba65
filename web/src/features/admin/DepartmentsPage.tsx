import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Form, Input, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { useLocalized } from '../../i18n/localized'
import { ProblemAlert } from '../workbench/ProblemAlert'
import { showFieldErrors } from './fields'
import { useDepartments, type Department } from './queries'

const FIELDS = ['code', 'nameZh', 'nameEn', 'creditCode', 'address', 'phone'] as const
type NewDepartment = Record<(typeof FIELDS)[number], string>

/** 部门：列表与新建 Departments: list and create (system admin). */
export function DepartmentsPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const departments = useDepartments()
  const client = useQueryClient()
  const [form] = Form.useForm<NewDepartment>()
  const create = useMutation({
    mutationFn: async (body: NewDepartment) =>
      orThrow(await api.POST('/api/v1/departments', { body })),
    onSuccess: async () => {
      form.resetFields()
      await client.invalidateQueries({ queryKey: ['admin', 'departments'] })
    },
    onError: (error) => showFieldErrors(form, FIELDS, error, text),
  })
  return (
    <>
      <Typography.Title level={1}>{t('admin.departments.title')}</Typography.Title>
      {departments.isError && <LoadFailed error={departments.error} />}
      <Table<Department>
        rowKey="id"
        size="small"
        loading={departments.isPending}
        dataSource={departments.data ?? []}
        pagination={false}
        columns={[
          { title: t('admin.departments.code'), dataIndex: 'code' },
          { title: t('admin.departments.name'), render: (_, d) => text(d.name) },
          { title: t('admin.departments.creditCode'), dataIndex: 'creditCode' },
          { title: t('admin.departments.phone'), dataIndex: 'phone' },
        ]}
      />
      <Typography.Title level={2}>{t('admin.departments.create')}</Typography.Title>
      <Form<NewDepartment>
        form={form}
        layout="vertical"
        className="admin-form"
        onFinish={(values) => create.mutate(values)}
      >
        {FIELDS.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`admin.departments.${name}`)}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input />
          </Form.Item>
        ))}
        <ProblemAlert error={create.error} />
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          {t('admin.departments.create')}
        </Button>
      </Form>
    </>
  )
}
