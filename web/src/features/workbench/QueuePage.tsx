import { Select, Space, Table, Tag, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { LoadFailed, Loading } from '../../app/status'
import { useLocalized } from '../../i18n/localized'
import { SlaTag } from './SlaTag'
import './workbench.css'
import { StaffOnly } from './StaffOnly'
import { useMe, useQueue, type QueueEntry } from './queries'

const STATES = ['open', 'suspended', 'completed', 'cancelled'] as const
const CHANNELS = ['web', 'app', 'miniprogram', 'counter'] as const
type State = (typeof STATES)[number]

/** 部门待办: the department's tasks, least time left first, with filters. */
export function QueuePage() {
  return (
    <StaffOnly>
      <Queue />
    </StaffOnly>
  )
}

function Queue() {
  const { t } = useTranslation()
  const text = useLocalized()
  const me = useMe()
  const [state, setState] = useState<State>('open')
  const [item, setItem] = useState<string>()
  const [channel, setChannel] = useState<string>()
  const queue = useQueue({
    sort: 'urgency',
    state,
    limit: 100,
    ...(item ? { item } : {}),
    ...(channel ? { channel } : {}),
  })
  // The items offered are those in the queue as loaded (one, once filtered by it).
  const seen = Object.fromEntries((queue.data ?? []).map((row) => [row.item_code, row.item_name]))
  const itemOptions = Object.entries(seen).map(([code, name]) => ({
    value: code,
    label: text(name),
  }))

  const columns: ColumnsType<QueueEntry> = [
    {
      title: t('workbench.caseNumber'),
      dataIndex: 'case_number',
      render: (value: string, row) => <Link to={`/workbench/tasks/${row.id}`}>{value}</Link>,
    },
    { title: t('workbench.item'), render: (_, row) => text(row.item_name) },
    { title: t('workbench.step'), dataIndex: 'name_zh' },
    {
      title: t('workbench.sla'),
      render: (_, row) => (
        <Space size={4} wrap>
          <SlaTag state={row.sla_state} daysLeft={row.days_left} />
          {row.urged > 0 && (
            <Tag className="urged-tag">{t('workbench.urged', { count: row.urged })}</Tag>
          )}
          {row.extension_pending && (
            <Tag className="sla-tag sla-paused">{t('workbench.extensionPending')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('workbench.filterChannel'),
      render: (_, row) => t(`workbench.channel.${row.channel}`, { defaultValue: row.channel }),
    },
    {
      title: t('workbench.assignee'),
      render: (_, row) =>
        row.assignee_id === null
          ? t('workbench.unclaimed')
          : row.assignee_id === me.data?.id
            ? t('workbench.me')
            : t('workbench.others'),
    },
    {
      title: t('workbench.openedAt'),
      render: (_, row) => new Date(row.opened_at).toLocaleString(),
    },
  ]

  return (
    <article className="workbench">
      <Typography.Title level={1}>{t('workbench.title')}</Typography.Title>
      <section className="workbench-filters" aria-label={t('workbench.filters')}>
        <label>
          <span>{t('workbench.filterStatus')}</span>
          <Select<State>
            aria-label={t('workbench.filterStatus')}
            value={state}
            onChange={setState}
            style={{ minWidth: 120 }}
            options={STATES.map((s) => ({ value: s, label: t(`workbench.state.${s}`) }))}
          />
        </label>
        <label>
          <span>{t('workbench.filterItem')}</span>
          <Select<string>
            aria-label={t('workbench.filterItem')}
            value={item ?? ''}
            onChange={(value) => setItem(value || undefined)}
            style={{ minWidth: 200 }}
            options={[{ value: '', label: t('workbench.all') }, ...itemOptions]}
          />
        </label>
        <label>
          <span>{t('workbench.filterChannel')}</span>
          <Select<string>
            aria-label={t('workbench.filterChannel')}
            value={channel ?? ''}
            onChange={(value) => setChannel(value || undefined)}
            style={{ minWidth: 120 }}
            options={[
              { value: '', label: t('workbench.all') },
              ...CHANNELS.map((c) => ({ value: c, label: t(`workbench.channel.${c}`) })),
            ]}
          />
        </label>
      </section>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <LoadFailed error={queue.error} />
      ) : (
        <Table<QueueEntry>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={queue.data}
          pagination={false}
          scroll={{ x: true }}
          rowClassName={(row) => (row.urged > 0 ? 'queue-row-urged' : '')}
          locale={{ emptyText: t('workbench.empty') }}
        />
      )}
    </article>
  )
}
