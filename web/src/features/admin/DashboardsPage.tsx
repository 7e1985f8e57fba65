import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'

/** 统计看板 Dashboards. */
export function DashboardsPage() {
  const { t } = useTranslation()
  return <Typography.Title level={1}>{t('admin.dashboards.title')}</Typography.Title>
}
