import { Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { SearchHit } from '../../api/types'
import { MaterialList } from '../../components/MaterialList'
import { ServiceFacts } from '../../components/ServiceFacts'
import { useLocalized } from '../../i18n/localized'

/** One search result with everything to know before starting: facts and materials. */
export function SearchResultCard({ hit }: { hit: SearchHit }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const href = hit.kind === 'bundle' ? `/bundles/${hit.code}` : `/items/${hit.code}`
  const materialsId = `materials-${hit.code}`
  return (
    <article className="panel" aria-labelledby={`title-${hit.code}`}>
      <Typography.Title level={2} id={`title-${hit.code}`} className="result-title">
        <Link to={href} className="shell-link">
          {text(hit.name)}
        </Link>
      </Typography.Title>
      <div>
        <Tag>{hit.kind === 'bundle' ? t('service.bundle') : t('service.item')}</Tag>
        {hit.match && <Tag className="elderly-hidden">{t(`search.matchedBy.${hit.match}`)}</Tag>}
      </div>
      <ServiceFacts facts={hit} />
      <Typography.Text strong>
        {t('service.materials')} ({t('service.materialsCount', { count: hit.materials.length })})
      </Typography.Text>
      <MaterialList materials={hit.materials} id={materialsId} />
    </article>
  )
}
