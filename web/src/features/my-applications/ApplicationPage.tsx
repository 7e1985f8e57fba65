import { Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { LoadFailed, Loading } from '../../app/status'
import { MaterialsChecklist } from '../../components/MaterialsChecklist'
import { useLocalized } from '../../i18n/localized'
import './my-applications.css'
import { ApplicationActions } from './ApplicationActions'
import { CorrectionPanel } from './CorrectionPanel'
import { LicencesPanel } from './LicencesPanel'
import { useApplication, useTimeline } from './queries'
import { RatingPanel } from './RatingPanel'
import { StatusTag } from './StatusTag'
import { TimelinePanel } from './TimelinePanel'

const OPEN = new Set(['in_progress', 'awaiting_correction'])

/** One application: progress per department, 一次告知 and resubmission, licences, ratings. */
export function ApplicationPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const id = useParams().id ?? ''
  const application = useApplication(id)
  const timeline = useTimeline(id)
  if (application.isPending) return <Loading />
  if (application.isError) return <LoadFailed error={application.error} />
  const a = application.data
  const open = OPEN.has(a.status)
  return (
    <article className="my-application">
      <Link to="/my/applications" className="shell-link">
        {t('my-applications.back')}
      </Link>
      <Typography.Title level={1}>{text(a.name)}</Typography.Title>
      <p>
        <StatusTag status={a.status} /> {t('my-applications.number')}：{a.caseNumber}
      </p>
      {a.status === 'awaiting_correction' && <CorrectionPanel application={a} />}
      <TimelinePanel application={a} entries={timeline.data ?? []} />
      {open && <MaterialsChecklist applicationId={a.id} />}
      {open && <ApplicationActions application={a} />}
      <LicencesPanel application={a} entries={timeline.data ?? []} />
      <RatingPanel application={a} />
    </article>
  )
}
