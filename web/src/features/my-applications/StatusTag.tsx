import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import '../../components/schema-form.css'

const COLOURS: Record<string, string> = {
  in_progress: 'tag-info',
  awaiting_correction: 'tag-warn',
  approved: 'tag-ok',
  partially_approved: 'tag-ok',
  rejected: 'tag-bad',
}

/** An application's or a case's status in words, coloured, never by colour alone. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation()
  return (
    <Tag className={COLOURS[status]}>
      {t(`my-applications.status.${status}`, { defaultValue: status })}
    </Tag>
  )
}
