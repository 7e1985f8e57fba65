import { Alert, Spin } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/client'
import { currentLocale } from '../i18n/i18n'

export function Loading() {
  const { t } = useTranslation()
  return (
    <div className="status-loading" role="status">
      <Spin /> <span>{t('app.loading')}</span>
    </div>
  )
}

/** A failed request, in the user's language when the server said why. */
export function LoadFailed({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const messages = error instanceof ApiError ? error.problem.messages : undefined
  const text = messages
    ? currentLocale() === 'en'
      ? messages.en
      : messages.zh
    : t('app.loadFailed')
  return <Alert type="error" showIcon title={text} />
}
