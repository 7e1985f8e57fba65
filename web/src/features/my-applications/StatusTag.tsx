import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

const COLOURS: Record<string, string> = {
  in_progress: 'processing',
  awaiting_correction: 'warning',
  approved: 'success',
  partially_approved: 'success',
  rejected: 'error',
  withdrawn: 'default',
  terminated: 'default',
}

/** An application's or a case's status in words, coloured, never by colour alone. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Tag color={COLOURS[status] ?? 'default'}>
      {t(`myApplications.status.${status}`, { defaultValue: status })}
    </Tag>
  )
}
