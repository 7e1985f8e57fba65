import { useQuery } from '@tanstack/react-query'
import { Empty, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { useSession } from '../../auth/session'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'
import './my-applications.css'
import { StatusTag } from './StatusTag'

/** 我的办件: everything I submitted, newest first, each linking to its progress. */
export function MyApplicationsPage() {
  const { t, i18n } = useTranslation()
  const text = useLocalized()
  const session = useSession()
  const list = useQuery({
    queryKey: ['my-applications'],
    enabled: Boolean(session),
    staleTime: 0,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications', { params: { query: { limit: 100 } } }),
      ),
  })
  const title = <Typography.Title level={1}>{t('my-applications.title')}</Typography.Title>
  if (!session)
    return (
      <article>
        {title}
        <Link to="/sign-in" className="shell-link">
          {t('my-applications.signIn')}
        </Link>
      </article>
    )
  if (list.isPending) return <Loading />
  if (list.isError) return <LoadFailed error={list.error} />
  return (
    <article>
      {title}
      {list.data.length === 0 ? (
        <Empty description={t('my-applications.none')} />
      ) : (
        <ul className="result-list">
          {list.data.map((a) => (
            <li key={a.id}>
              <Panel>
                <Typography.Title level={2} className="my-app-name">
                  <Link to={`/my/applications/${a.id}`} className="shell-link">
                    {text(a.name)}
                  </Link>
                </Typography.Title>
                <StatusTag status={a.status} />
                {a.enterpriseId && <Tag>{t('my-applications.forEnterprise')}</Tag>}
                <p>
                  {t('my-applications.number')}：{a.caseNumber} · {t('my-applications.submittedAt')}
                  ：{new Date(a.submittedAt).toLocaleString(i18n.language)}
                </p>
              </Panel>
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
