import { useTranslation } from 'react-i18next'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'
import { useDepartmentNames } from './queries'
import { StatusTag } from './StatusTag'
import type { Application, TimelineEntry } from './types'

/** 办理进度: each department's case with its own steps, oldest first. */
export function TimelinePanel({
  application,
  entries,
}: {
  application: Application
  entries: TimelineEntry[]
}) {
  const { t, i18n } = useTranslation()
  const text = useLocalized()
  const department = useDepartmentNames()
  return (
    <Panel title={t('my-applications.timeline')}>
      {application.cases.map((c) => {
        const steps = entries.filter((e) => e.caseId === c.id)
        return (
          <section
            key={c.id}
            className="timeline-case"
            aria-label={text(department(c.departmentId))}
          >
            <h3 className="timeline-department">
              {text(department(c.departmentId))} · {text(c.name)} <StatusTag status={c.status} />
            </h3>
            {steps.length === 0 ? (
              <p>{t('my-applications.noTimeline')}</p>
            ) : (
              <ol className="timeline-steps">
                {steps.map((e) => (
                  <li key={e.seq}>
                    <time dateTime={e.at}>{new Date(e.at).toLocaleString(i18n.language)}</time>{' '}
                    {text(e.label)}
                  </li>
                ))}
              </ol>
            )}
          </section>
        )
      })}
    </Panel>
  )
}
