import { useQuery } from '@tanstack/react-query'
import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { SearchBox } from '../../components/SearchBox'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'

/** 一网通办 entry: the search box and the “一件事” life events. */
export function HomePage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const navigate = useNavigate()
  const bundles = useQuery({
    queryKey: ['bundles'],
    queryFn: async () => orThrow(await api.GET('/api/v1/catalog/bundles')),
  })
  return (
    <>
      <Typography.Title level={1}>{t('home.heading')}</Typography.Title>
      <Typography.Paragraph>{t('home.intro')}</Typography.Paragraph>
      <SearchBox initial="" onSearch={(q) => void navigate(`/search?q=${encodeURIComponent(q)}`)} />
      <section aria-labelledby="bundles-heading">
        <Typography.Title level={2} id="bundles-heading">
          {t('home.bundles')}
        </Typography.Title>
        <Typography.Paragraph>{t('home.bundlesIntro')}</Typography.Paragraph>
        {bundles.isPending && <Loading />}
        {bundles.isError && <LoadFailed error={bundles.error} />}
        <ul className="bundle-grid">
          {bundles.data?.map((b) => (
            <li key={b.code}>
              <Panel>
                <Typography.Title level={3}>
                  <Link to={`/bundles/${b.code}`} className="shell-link">
                    {text(b.name)}
                  </Link>
                </Typography.Title>
                <Typography.Paragraph className="elderly-hidden">
                  {text(b.description)}
                </Typography.Paragraph>
                <Typography.Text>{t('home.members', { count: b.memberCount })}</Typography.Text>
              </Panel>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
