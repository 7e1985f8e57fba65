import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Form, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { useLocalized } from '../../i18n/localized'
import { ProblemAlert } from '../workbench/ProblemAlert'
import { showFieldErrors } from './fields'
import type { Department, Staff } from './queries'
import { STAFF_ROLES, isPlatformRole } from './roles'

interface RoleForm {
  role: string
  departmentId?: string
}

/** 分配角色 Assign a role to one staff member (security admin). */
export function RoleDialog({
  staff,
  departments,
  onClose,
}: {
  staff: Staff
  departments: Department[]
  onClose: () => void
}) {
  const { t } = useTranslation()
  const text = useLocalized()
  const client = useQueryClient()
  const [form] = Form.useForm<RoleForm>()
  const role = Form.useWatch('role', form)
  const assign = useMutation({
    mutationFn: async (v: RoleForm) =>
      orThrow(
        await api.POST('/api/v1/staff/{id}/roles', {
          params: { path: { id: staff.id } },
          body: {
            role: v.role,
            departmentId: isPlatformRole(v.role) ? null : (v.departmentId ?? null),
          },
        }),
      ),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin', 'staff'] })
      onClose()
    },
    onError: (error) => showFieldErrors(form, ['role', 'departmentId'], error, text),
  })
  return (
    <Modal
      open
      title={t('admin.staff.assignTitle', { name: staff.name })}
      okText={t('admin.staff.assign')}
      cancelText={t('admin.cancel')}
      confirmLoading={assign.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<RoleForm>
        form={form}
        layout="vertical"
        initialValues={{ departmentId: staff.departmentId ?? undefined }}
        onFinish={(v) => assign.mutate(v)}
      >
        <Form.Item
          name="role"
          label={t('admin.staff.role')}
          rules={[{ required: true, message: t('admin.required') }]}
        >
          <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`admin.roles.${r}`) }))} />
        </Form.Item>
        {role && !isPlatformRole(role) && (
          <Form.Item
            name="departmentId"
            label={t('admin.staff.department')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Select options={departments.map((d) => ({ value: d.id, label: text(d.name) }))} />
          </Form.Item>
        )}
        <ProblemAlert error={assign.error} />
      </Form>
    </Modal>
  )
}
