import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import type { Localized } from '../api/types'
import { useLocalized } from '../i18n/localized'

export interface Facts {
  department: { name: Localized }
  promisedLimitDays: number
  onSiteVisits: number
  fee: { free: boolean; total: string }
}

/** What a citizen weighs before starting: who handles it, how long, what it costs, visits. */
export function ServiceFacts({ facts }: { facts: Facts }) {
  const { t } = useTranslation()
  const text = useLocalized()
  return (
    <dl className="facts">
      <div>
        <dt>{t('service.department')}</dt>
        <dd>{text(facts.department.name)}</dd>
      </div>
      <div>
        <dt>{t('service.promisedDays')}</dt>
        <dd>
          {facts.promisedLimitDays === 0
            ? t('service.daysImmediate')
            : t('service.days', { count: facts.promisedLimitDays })}
        </dd>
      </div>
      <div>
        <dt>{t('service.fee')}</dt>
        <dd>
          {facts.fee.free ? (
            <Tag className="tag-free">{t('service.free')}</Tag>
          ) : (
            t('service.yuan', { amount: facts.fee.total })
          )}
        </dd>
      </div>
      <div>
        <dt>{t('service.visits')}</dt>
        <dd>
          {facts.onSiteVisits === 0
            ? t('service.visitsNone')
            : t('service.visitsCount', { count: facts.onSiteVisits })}
        </dd>
      </div>
    </dl>
  )
}
