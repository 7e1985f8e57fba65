import { Alert } from 'antd'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { useLocalized } from '../../i18n/localized'

/** A refused request as the server explained it (problem+json), with each field's error. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const text = useLocalized()
  if (!error) return null
  const problem = error instanceof ApiError ? error.problem : null
  const title = problem?.messages
    ? text(problem.messages)
    : error instanceof Error
      ? error.message
      : t('app.loadFailed')
  const fields = problem?.errors ?? []
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="problem-alert"
      title={title}
      description={
        fields.length > 0 ? (
          <ul>
            {fields.map((f) => (
              <li key={`${f.pointer}:${f.code}`}>
                <code>{f.pointer}</code> {text(f.message)}
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  )
}
