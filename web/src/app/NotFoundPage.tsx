import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export function NotFoundPage() {
  const { t } = useTranslation()
  return (
    <section>
      <Typography.Title level={1}>{t('app.notFound')}</Typography.Title>
      <Link to="/" className="shell-link">
        {t('app.backHome')}
      </Link>
    </section>
  )
}
