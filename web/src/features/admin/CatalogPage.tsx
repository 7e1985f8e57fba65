import { useQuery } from '@tanstack/react-query'
import { Card, Col, Input, Row, Table, Typography } from 'antd'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import type { paths } from '../../api/schema'
import { SchemaForm } from '../../components/SchemaForm'
import type { FormValue } from '../../components/schema-form-rules'
import { useLocalized } from '../../i18n/localized'

const ProcessViewer = lazy(() => import('./ProcessViewer'))

/** The published version's BPMN process, drawn read-only. */
function ProcessCard({ id, version }: { id: string; version: number }) {
  const { t } = useTranslation()
  const process = useQuery({
    queryKey: ['admin', 'catalog', id, version, 'process'],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/catalog/items/{id}/versions/{version}', {
          params: { path: { id, version } },
        }),
      ),
  })
  return (
    <Card title={<h2 className="admin-card-title">{t('admin.catalog.process')}</h2>}>
      {process.isError && <LoadFailed error={process.error} />}
      {process.data &&
        (process.data.processXml ? (
          <Suspense fallback={<Loading />}>
            <ProcessViewer xml={process.data.processXml} label={t('admin.catalog.process')} />
          </Suspense>
        ) : (
          <p>{t('admin.catalog.noProcess')}</p>
        ))}
    </Card>
  )
}

type ItemSummary =
  paths['/api/v1/catalog/items']['get']['responses'][200]['content']['application/json']['items'][number]

/** One item's form: its JSON Schema as text beside the form it draws (a preview, sends nothing). */
function FormPreview({ id }: { id: string }) {
  const { t } = useTranslation()
  const item = useQuery({
    queryKey: ['admin', 'catalog', id],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/catalog/items/{id}', { params: { path: { id } } })),
  })
  const [value, setValue] = useState<FormValue>({})
  if (item.isError) return <LoadFailed error={item.error} />
  if (!item.data) return <Loading />
  const schema = item.data.content.formSchema
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card title={<h2 className="admin-card-title">{t('admin.catalog.schema')}</h2>}>
          <Input.TextArea
            readOnly
            aria-label={t('admin.catalog.schema')}
            className="admin-json"
            autoSize={{ minRows: 10, maxRows: 30 }}
            value={JSON.stringify(schema, null, 2)}
          />
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card title={<h2 className="admin-card-title">{t('admin.catalog.preview')}</h2>}>
          <SchemaForm schema={schema} value={value} onChange={setValue} errors={{}} />
        </Card>
      </Col>
      {item.data.hasProcess && item.data.publishedVersion !== null && (
        <Col span={24}>
          <ProcessCard id={item.data.id} version={item.data.publishedVersion} />
        </Col>
      )}
    </Row>
  )
}

/** 事项 Published service items and a preview of each item's application form. */
export function CatalogPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const [picked, setPicked] = useState<string | null>(null)
  const items = useQuery({
    queryKey: ['admin', 'catalog'],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/catalog/items', { params: { query: { limit: 100 } } })),
  })
  return (
    <>
      <Typography.Title level={1}>{t('admin.catalog.title')}</Typography.Title>
      {items.isError && <LoadFailed error={items.error} />}
      <Table<ItemSummary>
        rowKey="id"
        size="small"
        loading={items.isPending}
        dataSource={items.data?.items ?? []}
        pagination={{ pageSize: 10, showSizeChanger: false }}
        rowClassName={(r) => (r.id === picked ? 'ant-table-row-selected' : '')}
        columns={[
          { title: t('admin.catalog.code'), dataIndex: 'implementationCode' },
          {
            title: t('admin.catalog.name'),
            render: (_, r) => (
              <Typography.Link onClick={() => setPicked(r.id)}>{text(r.name)}</Typography.Link>
            ),
          },
          { title: t('admin.catalog.version'), dataIndex: 'version' },
          { title: t('admin.catalog.limit'), dataIndex: 'promisedLimitDays' },
        ]}
      />
      {picked && <FormPreview key={picked} id={picked} />}
    </>
  )
}
