import { useQueries, useQuery } from '@tanstack/react-query'
import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { ApplyLink } from '../../components/ApplyLink'
import { MaterialList } from '../../components/MaterialList'
import { ServiceFacts } from '../../components/ServiceFacts'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'

const itemQuery = (code: string) => ({
  queryKey: ['item', code],
  queryFn: async () =>
    orThrow(await api.GET('/api/v1/catalog/items/{id}', { params: { path: { id: code } } })),
})

/** A “一件事” bundle: what it is and, per member item, who handles it and what it needs. */
export function BundlePage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const code = useParams().code ?? ''
  const bundle = useQuery({
    queryKey: ['bundle', code],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/catalog/bundles/{id}', { params: { path: { id: code } } })),
  })
  const members = bundle.data?.content.members ?? []
  const items = useQueries({ queries: members.map((m) => itemQuery(m.implementationCode)) })
  if (bundle.isPending) return <Loading />
  if (bundle.isError) return <LoadFailed error={bundle.error} />
  const { content } = bundle.data
  return (
    <article>
      <Typography.Title level={1}>{text(content.name)}</Typography.Title>
      <ApplyLink kind="bundles" code={code} />
      <Typography.Paragraph>{text(content.description)}</Typography.Paragraph>
      <Typography.Title level={2}>{t('service.memberItems')}</Typography.Title>
      <ul className="result-list">
        {members.map((member, i) => {
          const item = items[i]
          return (
            <li key={member.implementationCode}>
              <Panel>
                {!item || item.isPending ? (
                  <Loading />
                ) : item.isError ? (
                  <LoadFailed error={item.error} />
                ) : (
                  <>
                    <Typography.Title level={3}>
                      <Link to={`/items/${member.implementationCode}`} className="shell-link">
                        {text(item.data.content.name)}
                      </Link>
                    </Typography.Title>
                    <Tag>{member.condition ? t('service.conditional') : t('service.always')}</Tag>
                    <ServiceFacts
                      facts={{
                        department: { name: item.data.guide.department },
                        promisedLimitDays: item.data.content.promisedLimitDays,
                        onSiteVisits: item.data.content.onSiteVisits,
                        fee: {
                          free: item.data.content.fees.length === 0,
                          total: String(
                            item.data.content.fees.reduce((s, f) => s + Number(f.amount), 0),
                          ),
                        },
                      }}
                    />
                    <MaterialList materials={item.data.guide.materials} />
                  </>
                )}
              </Panel>
            </li>
          )
        })}
      </ul>
    </article>
  )
}
