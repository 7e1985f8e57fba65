import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { ApplyLink } from '../../components/ApplyLink'
import { MaterialList } from '../../components/MaterialList'
import { Panel } from '../../components/Panel'
import { ServiceFacts } from '../../components/ServiceFacts'
import { useLocalized } from '../../i18n/localized'

/** 办事指南: one published item as the server renders its guide. */
export function ItemPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const code = useParams().code ?? ''
  const item = useQuery({
    queryKey: ['item', code],
    queryFn: async () =>
      orThrow(await api.GET('/api/v1/catalog/items/{id}', { params: { path: { id: code } } })),
  })
  if (item.isPending) return <Loading />
  if (item.isError) return <LoadFailed error={item.error} />
  const { content, guide } = item.data
  const fees = content.fees.reduce((sum, f) => sum + Number(f.amount), 0)
  return (
    <article>
      <Typography.Title level={1}>{text(content.name)}</Typography.Title>
      <ApplyLink kind="items" code={code} />
      <ServiceFacts
        facts={{
          department: { name: guide.department },
          promisedLimitDays: content.promisedLimitDays,
          onSiteVisits: content.onSiteVisits,
          fee: { free: content.fees.length === 0, total: String(fees) },
        }}
      />
      <dl className="facts">
        <div>
          <dt>{t('service.statutoryDays')}</dt>
          <dd>{t('service.days', { count: guide.timeLimits.statutoryWorkingDays })}</dd>
        </div>
        <div>
          <dt>{t('service.itemType')}</dt>
          <dd>{text(guide.itemType)}</dd>
        </div>
        <div>
          <dt>{t('service.scope')}</dt>
          <dd>{text(guide.scope)}</dd>
        </div>
      </dl>
      <Panel title={t('service.materials')}>
        <MaterialList materials={guide.materials} />
      </Panel>
      <Panel title={t('service.conditions')}>
        <ul>
          {guide.conditions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Panel>
      <Panel title={t('service.contact')}>
        <p>
          {t('service.address')}: {guide.contact.address}
        </p>
        <p>
          {t('service.phone')}: {guide.contact.phone}
        </p>
        <p>
          {t('service.hours')}: {guide.contact.hours}
        </p>
      </Panel>
      <Panel className="elderly-hidden" title={t('service.legalBasis')}>
        <ul>
          {guide.legalBasis.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      </Panel>
    </article>
  )
}
