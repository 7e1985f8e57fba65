import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

// Dark enough for 4.5:1 text on antd's light tag backgrounds.
const COLOURS: Record<string, string> = {
  green: 'success',
  amber: 'warning',
  red: 'error',
  paused: 'processing',
}

/** A limit's state in colour and words, with the working days left (never colour alone). */
export function SlaTag({ state, daysLeft }: { state: string; daysLeft: number | null }) {
  const { t } = useTranslation()
  const days =
    daysLeft === null
      ? ''
      : daysLeft < 0
        ? t('workbench.overdue', { count: -daysLeft })
        : daysLeft === 0
          ? t('workbench.dueToday')
          : t('workbench.daysLeft', { count: daysLeft })
  return (
    <Tag className={`sla-tag sla-${state}`} color={COLOURS[state] ?? 'default'} data-sla={state}>
      {t(`workbench.slaState.${state}`, { defaultValue: state })}
      {days && state !== 'paused' ? ` · ${days}` : ''}
    </Tag>
  )
}
