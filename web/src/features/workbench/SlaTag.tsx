import { Tag } from 'antd'
import { useTranslation } from 'react-i18next'

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
    // Colours from workbench.css: dark text on a light ground, 4.5:1 or better.
    <Tag className={`sla-tag sla-${state}`} data-sla={state}>
      {t(`workbench.slaState.${state}`, { defaultValue: state })}
      {days && state !== 'paused' ? ` · ${days}` : ''}
    </Tag>
  )
}
