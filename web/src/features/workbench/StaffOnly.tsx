import { Alert } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LoadFailed, Loading } from '../../app/status'
import { useSession } from '../../auth/session'
import { useMe } from './queries'

/** The workbench's pages show themselves to signed-in staff only. */
export function StaffOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation()
  const session = useSession()
  const me = useMe()
  if (!session) return <Alert type="info" showIcon title={t('workbench.staffOnly')} />
  if (me.isPending) return <Loading />
  if (me.isError) return <LoadFailed error={me.error} />
  if (me.data.kind !== 'staff')
    return <Alert type="info" showIcon title={t('workbench.staffOnly')} />
  return <>{children}</>
}
