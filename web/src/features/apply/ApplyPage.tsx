import { Alert, Radio, Steps, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { LoadFailed, Loading } from '../../app/status'
import { useSession } from '../../auth/session'
import { MaterialsChecklist } from '../../components/MaterialsChecklist'
import { useLocalized } from '../../i18n/localized'
import './apply.css'
import { ApplyForm } from './ApplyForm'
import { useMyEnterprises, useSubject } from './subject'
import type { Kind } from './use-draft'

/** 在线办理: the merged form (saved as a draft while typed), then the materials. */
export function ApplyPage() {
  const { t } = useTranslation()
  const text = useLocalized()
  const params = useParams()
  const kind: Kind = params.kind === 'items' ? 'item' : 'bundle'
  const code = params.code ?? ''
  const session = useSession()
  const subject = useSubject(kind, code)
  const enterprises = useMyEnterprises(Boolean(session))
  const [party, setParty] = useState<string>('')
  const [submitted, setSubmitted] = useState<{ id: string; caseNumber: string } | null>(null)

  if (subject.isPending) return <Loading />
  if (subject.isError) return <LoadFailed error={subject.error} />
  const title = (
    <Typography.Title level={1}>
      {t('apply.title')}：{text(subject.data.name)}
    </Typography.Title>
  )
  if (!session)
    return (
      <article>
        {title}
        <Alert
          type="info"
          showIcon
          title={t('apply.signInFirst')}
          action={
            <Link to="/sign-in" className="shell-link">
              {t('apply.signIn')}
            </Link>
          }
        />
      </article>
    )
  return (
    <article className="apply">
      {title}
      <Steps
        className="apply-steps"
        current={submitted ? 1 : 0}
        items={[{ title: t('apply.stepForm') }, { title: t('apply.stepMaterials') }]}
      />
      {submitted ? (
        <>
          <Alert
            type="success"
            showIcon
            title={t('apply.submitted', { number: submitted.caseNumber })}
            description={t('apply.materialsNext')}
          />
          <MaterialsChecklist applicationId={submitted.id} />
          <Link to={`/my/applications/${submitted.id}`} className="apply-done">
            {t('apply.viewApplication')}
          </Link>
        </>
      ) : (
        <>
          {(enterprises.data ?? []).length > 0 && (
            <fieldset className="apply-party">
              <legend>{t('apply.party')}</legend>
              <Radio.Group value={party} onChange={(e) => setParty(String(e.target.value))}>
                <Radio value="">{t('apply.partySelf')}</Radio>
                {(enterprises.data ?? []).map((e) => (
                  <Radio key={e.id} value={e.id}>
                    {t('apply.partyEnterprise', { name: e.name })}
                  </Radio>
                ))}
              </Radio.Group>
            </fieldset>
          )}
          <ApplyForm
            key={party}
            kind={kind}
            code={code}
            schema={subject.data.schema}
            enterpriseId={party || undefined}
            onSubmitted={setSubmitted}
          />
        </>
      )}
    </article>
  )
}
