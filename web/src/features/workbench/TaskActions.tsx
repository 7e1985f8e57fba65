import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Checkbox, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ColleagueSelect } from './ColleagueSelect'
import { ProblemAlert } from './ProblemAlert'
import type { FormLeaf } from './form-fields'
import type { TaskAction, TaskDetail } from './queries'
import { sendAction, type ActionValues } from './task-commands'

// Taken at once: nothing to say, nothing to pick.
const DIRECT: readonly TaskAction[] = ['claim', 'resolve']
const DANGER: readonly TaskAction[] = ['reject', 'return', 'removeSigner']

/** The buttons for exactly the actions the engine accepts now, each with its dialog. */
export function TaskActions({ task, leaves }: { task: TaskDetail; leaves: FormLeaf[] }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [open, setOpen] = useState<TaskAction | null>(null)
  const mutation = useMutation({
    mutationFn: ({ action, values }: { action: TaskAction; values: ActionValues }) =>
      sendAction(task.id, action, values),
    onSuccess: async () => {
      setOpen(null)
      await client.invalidateQueries({ queryKey: ['workbench'] })
    },
  })
  if (task.actions.length === 0) return <p>{t('workbench.task.noActions')}</p>
  const run = (action: TaskAction, values: ActionValues = {}) => mutation.mutate({ action, values })
  return (
    <>
      <Space wrap>
        {task.actions.map((action) => (
          <Button
            key={action}
            type={action === 'approve' || action === 'claim' ? 'primary' : 'default'}
            danger={DANGER.includes(action)}
            loading={mutation.isPending && mutation.variables.action === action}
            onClick={() => {
              mutation.reset()
              if (DIRECT.includes(action)) run(action)
              else setOpen(action)
            }}
          >
            {t(`workbench.action.${action}`)}
          </Button>
        ))}
      </Space>
      {!open && <ProblemAlert error={mutation.error} />}
      {open && (
        <ActionDialog
          action={open}
          task={task}
          leaves={leaves}
          pending={mutation.isPending}
          error={mutation.error}
          onCancel={() => setOpen(null)}
          onSubmit={(values) => run(open, values)}
        />
      )}
    </>
  )
}

function ActionDialog({
  action,
  task,
  leaves,
  pending,
  error,
  onCancel,
  onSubmit,
}: {
  action: TaskAction
  task: TaskDetail
  leaves: FormLeaf[]
  pending: boolean
  error: unknown
  onCancel: () => void
  onSubmit: (values: ActionValues) => void
}) {
  const { t } = useTranslation()
  const [form] = Form.useForm<ActionValues>()
  const picked = Form.useWatch('fields', form) ?? []
  const title = t(`workbench.action.${action}`)
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('workbench.field.required', { field }),
  })
  const reasonLabel = t('workbench.field.reason')
  return (
    <Modal
      open
      title={title}
      okText={t('workbench.submit')}
      cancelText={t('workbench.cancel')}
      confirmLoading={pending}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<ActionValues>
        form={form}
        layout="vertical"
        name={`action-${action}`}
        initialValues={{ position: 'after', days: 5 }}
        onFinish={onSubmit}
      >
        {action === 'removeSigner' && <p>{t('workbench.confirm', { action: title })}</p>}
        {action === 'approve' && (
          <Form.Item name="reason" label={t('workbench.field.opinion')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
        {(action === 'reject' || action === 'return' || action === 'extension') && (
          <Form.Item name="reason" label={reasonLabel} rules={[required(reasonLabel)]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        )}
        {action === 'return' && (
          <Form.Item
            name="nodeId"
            label={t('workbench.field.returnTo')}
            rules={[required(t('workbench.field.returnTo'))]}
          >
            <Select options={task.returnTargets.map((r) => ({ value: r.nodeId, label: r.name }))} />
          </Form.Item>
        )}
        {action === 'correction' && (
          <>
            <Form.Item
              name="fields"
              label={t('workbench.field.fields')}
              rules={[
                { required: true, type: 'array', min: 1, message: t('workbench.field.pickFields') },
              ]}
            >
              <Checkbox.Group className="field-picker">
                {leaves.map((leaf) => (
                  <Checkbox key={leaf.pointer} value={leaf.pointer}>
                    {leaf.label}
                  </Checkbox>
                ))}
              </Checkbox.Group>
            </Form.Item>
            {picked.map((pointer) => {
              const label = t('workbench.field.fieldReason', {
                field: leaves.find((l) => l.pointer === pointer)?.label ?? pointer,
              })
              return (
                <Form.Item
                  key={pointer}
                  name={['fieldReasons', pointer]}
                  label={label}
                  rules={[required(label)]}
                >
                  <Input maxLength={500} />
                </Form.Item>
              )
            })}
          </>
        )}
        {(action === 'transfer' || action === 'delegate') && (
          <Form.Item
            name="to"
            label={t('workbench.field.to')}
            rules={[required(t('workbench.field.to'))]}
          >
            <ColleagueSelect />
          </Form.Item>
        )}
        {action === 'addSigner' && (
          <>
            <Form.Item
              name="to"
              label={t('workbench.field.signer')}
              rules={[required(t('workbench.field.signer'))]}
            >
              <ColleagueSelect />
            </Form.Item>
            <Form.Item name="position" label={t('workbench.field.position')}>
              <Radio.Group>
                <Radio value="before">{t('workbench.field.before')}</Radio>
                <Radio value="after">{t('workbench.field.after')}</Radio>
              </Radio.Group>
            </Form.Item>
          </>
        )}
        {action === 'copy' && (
          <Form.Item
            name="to"
            label={t('workbench.field.toList')}
            rules={[required(t('workbench.field.toList'))]}
          >
            <ColleagueSelect multiple />
          </Form.Item>
        )}
        {(action === 'copy' || action === 'correction') && (
          <Form.Item name="note" label={t('workbench.field.note')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        )}
        {action === 'extension' && (
          <Form.Item name="days" label={t('workbench.field.days')} rules={[{ required: true }]}>
            <InputNumber min={1} max={10} />
          </Form.Item>
        )}
      </Form>
      <ProblemAlert error={error} />
    </Modal>
  )
}
