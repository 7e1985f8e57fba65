import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Button, Input, Space, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { ProblemAlert } from './ProblemAlert'
import { SlaTag } from './SlaTag'
import './workbench.css'
import { StaffOnly } from './StaffOnly'
import { useWorkOrders, type WorkOrder } from './queries'

interface Limit {
  state: string
  remainingDays: number | null
  deadline: { known: boolean; value?: string }
}

const limitOf = (order: WorkOrder, step: 'respond' | 'rectify' | 'close'): Limit | null =>
  (order.clock?.[step] as Limit | undefined) ?? null

/** 差评整改: work orders from bad ratings with their respond / rectify / close clocks. */
export function WorkOrdersPage() {
  return (
    <StaffOnly>
      <WorkOrders />
    </StaffOnly>
  )
}

function WorkOrders() {
  const { t } = useTranslation()
  const orders = useWorkOrders()
  const clock = (step: 'respond' | 'rectify' | 'close') => (_: unknown, order: WorkOrder) => {
    const limit = limitOf(order, step)
    if (!limit) return '—'
    return (
      <Space direction="vertical" size={0}>
        <SlaTag state={limit.state} daysLeft={limit.remainingDays} />
        {limit.deadline.known && (
          <span>{t('workbench.deadline', { date: limit.deadline.value })}</span>
        )}
      </Space>
    )
  }
  const columns: ColumnsType<WorkOrder> = [
    {
      title: t('workbench.workOrders.status'),
      render: (_, o) =>
        t(`workbench.workOrders.statusName.${o.status}`, { defaultValue: o.status }),
    },
    { title: t('workbench.workOrders.respond'), render: clock('respond') },
    { title: t('workbench.workOrders.rectify'), render: clock('rectify') },
    { title: t('workbench.workOrders.close'), render: clock('close') },
    { title: t('workbench.openedAt'), render: (_, o) => new Date(o.openedAt).toLocaleString() },
    { title: t('workbench.task.actions'), render: (_, o) => <WorkOrderStep order={o} /> },
  ]
  return (
    <article className="workbench">
      <Typography.Title level={1}>{t('workbench.workOrders.title')}</Typography.Title>
      {orders.isPending ? (
        <Loading />
      ) : orders.isError ? (
        <LoadFailed error={orders.error} />
      ) : (
        <Table<WorkOrder>
          rowKey="id"
          columns={columns}
          dataSource={orders.data}
          pagination={false}
          scroll={{ x: true }}
          locale={{ emptyText: t('workbench.workOrders.empty') }}
        />
      )}
    </article>
  )
}

/** The next step of an order: respond while open, report the rectification once responded. */
function WorkOrderStep({ order }: { order: WorkOrder }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [text, setText] = useState('')
  const step =
    order.status === 'open' ? 'response' : order.status === 'responded' ? 'rectification' : null
  const send = useMutation({
    mutationFn: async () => {
      const path = { params: { path: { id: order.id } }, body: { text: text.trim() } }
      return orThrow(
        step === 'response'
          ? await api.POST('/api/v1/approval/work-orders/{id}/response', path)
          : await api.POST('/api/v1/approval/work-orders/{id}/rectification', path),
      )
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['workbench', 'work-orders'] }),
  })
  if (!step) return null
  const label =
    step === 'response' ? t('workbench.workOrders.doRespond') : t('workbench.workOrders.doRectify')
  return (
    <Space direction="vertical">
      <Input.TextArea
        aria-label={`${label} ${t('workbench.workOrders.text')}`}
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <Button disabled={text.trim() === ''} loading={send.isPending} onClick={() => send.mutate()}>
        {label}
      </Button>
      <ProblemAlert error={send.error} />
    </Space>
  )
}
