import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button } from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { Panel } from '../../components/Panel'
import { SchemaForm } from '../../components/SchemaForm'
import {
  titlesAt,
  validateObject,
  type FieldErrors,
  type FieldSchema,
  type FormValue,
} from '../../components/schema-form-rules'
import { useLocalized } from '../../i18n/localized'
import { applicationKey, useCorrectionNotice, useDepartmentNames } from './queries'
import type { Application } from './types'

/** The form schema of the bundle or item, and the form as last submitted. */
function useSubmitted(application: Application) {
  return useQuery({
    queryKey: [...applicationKey(application.id), 'form'],
    staleTime: 0,
    queryFn: async () => {
      const form = orThrow(
        await api.GET('/api/v1/approval/applications/{id}/submitted-form', {
          params: { path: { id: application.id } },
        }),
      ).form
      const path = { params: { path: { id: application.code } } }
      const schema =
        application.kind === 'bundle'
          ? orThrow(await api.GET('/api/v1/catalog/bundles/{id}', path)).content.formSchema
          : orThrow(await api.GET('/api/v1/catalog/items/{id}', path)).content.formSchema
      return { form, schema: schema }
    },
  })
}

/** 一次告知: every field any department wants changed, with its reasons, fixed in one go. */
export function CorrectionPanel({ application }: { application: Application }) {
  const notice = useCorrectionNotice(application.id, true)
  const submitted = useSubmitted(application)
  if (notice.isPending || submitted.isPending) return <Loading />
  if (notice.isError) return <LoadFailed error={notice.error} />
  if (submitted.isError) return <LoadFailed error={submitted.error} />
  return <CorrectionForm application={application} notice={notice.data} {...submitted.data} />
}

type Notice = NonNullable<ReturnType<typeof useCorrectionNotice>['data']>

function CorrectionForm(props: {
  application: Application
  notice: Notice
  form: FormValue
  schema: FieldSchema
}) {
  const { application, notice } = props
  const { t } = useTranslation()
  const text = useLocalized()
  const department = useDepartmentNames()
  const queryClient = useQueryClient()
  const [value, setValue] = useState<FormValue>(props.form)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const pointers = useMemo(() => notice.fields.map((f) => f.pointer), [notice])
  const resubmit = useMutation({
    mutationFn: async (form: FormValue) =>
      orThrow(
        await api.PUT('/api/v1/approval/applications/{id}/form', {
          params: { path: { id: application.id } },
          body: { form },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKey(application.id) }),
    onError: (error) => {
      const errors: FieldErrors = {}
      if (error instanceof ApiError)
        for (const e of error.problem.errors ?? [])
          errors[e.pointer.replace(/^\/form(?=\/)/, '')] = e.message
      setServerErrors(errors)
    },
  })
  const problems = validateObject(props.schema, value)
  const reasons: FieldErrors = { ...serverErrors }
  for (const p of pointers) if (problems[p]) reasons[p] = problems[p]
  return (
    <Panel title={t('my-applications.notice')} className="correction-notice">
      <p>{t('my-applications.noticeIntro')}</p>
      <ul className="correction-fields">
        {notice.fields.map((f) => (
          <li key={f.pointer}>
            <strong>{titlesAt(props.schema, f.pointer).join(' › ')}</strong>
            <ul>
              {f.reasons.map((r) => (
                <li key={r.caseId}>
                  {text(department(r.departmentId))}：{r.reason}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {notice.notes.length > 0 && (
        <>
          <h3>{t('my-applications.noticeNotes')}</h3>
          <ul>
            {notice.notes.map((n) => (
              <li key={n.caseId}>
                {text(department(n.departmentId))}：{n.note}
              </li>
            ))}
          </ul>
        </>
      )}
      <SchemaForm
        schema={props.schema}
        value={value}
        onChange={(v) => {
          setValue(v)
          setServerErrors({})
        }}
        errors={reasons}
        only={pointers}
      />
      {resubmit.isError && Object.keys(serverErrors).length === 0 && (
        <Alert type="error" showIcon title={resubmit.error.message} />
      )}
      <Button
        type="primary"
        size="large"
        loading={resubmit.isPending}
        onClick={() => resubmit.mutate(value)}
      >
        {t('my-applications.resubmit')}
      </Button>
    </Panel>
  )
}
