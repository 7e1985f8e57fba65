import { useMutation } from '@tanstack/react-query'
import { Alert, Button } from 'antd'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api, orThrow } from '../../api/client'
import { Loading } from '../../app/status'
import { SchemaForm } from '../../components/SchemaForm'
import {
  validateObject,
  visibleValue,
  type FieldErrors,
  type FieldSchema,
  type FormValue,
} from '../../components/schema-form-rules'
import { serverFieldErrors } from './server-errors'
import { useAutosave, useDraft, type Kind } from './use-draft'

interface Props {
  kind: Kind
  code: string
  schema: FieldSchema
  enterpriseId: string | undefined
  onSubmitted(result: { id: string; caseNumber: string }): void
}

/** The form, resumed from the draft when there is one; checked field by field as it is left. */
export function ApplyForm(props: Props) {
  const draft = useDraft(props.code, props.enterpriseId)
  if (draft.status === 'loading') return <Loading />
  return <LoadedForm {...props} initial={draft.form} resumedAt={draft.resumedAt} />
}

function LoadedForm(props: Props & { initial: FormValue; resumedAt: string | null }) {
  const { t, i18n } = useTranslation()
  const { kind, code, schema, enterpriseId } = props
  const [value, setValue] = useState<FormValue>(props.initial)
  const [resumedAt, setResumedAt] = useState(props.resumedAt)
  const [touched, setTouched] = useState<Set<string>>(new Set())
  const [showAll, setShowAll] = useState(false)
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const idempotencyKey = useRef(crypto.randomUUID())
  const autosave = useAutosave(kind, code, enterpriseId)
  const problems = useMemo(() => validateObject(schema, value), [schema, value])
  const shown: FieldErrors = { ...serverErrors }
  for (const [pointer, reason] of Object.entries(problems))
    if (showAll || touched.has(pointer)) shown[pointer] = reason

  const change = (next: FormValue) => {
    setValue(next)
    setServerErrors({})
    autosave.schedule(next)
  }
  const submit = useMutation({
    mutationFn: async () =>
      orThrow(
        await api.POST('/api/v1/approval/applications', {
          body: {
            kind,
            code,
            form: visibleValue(schema, value),
            ...(enterpriseId ? { enterpriseId } : {}),
          },
          headers: { 'idempotency-key': idempotencyKey.current },
        }),
      ),
    onSuccess: async (result) => {
      await autosave.discard()
      props.onSubmitted(result)
    },
    onError: (error) => {
      if (error instanceof ApiError) setServerErrors(serverFieldErrors(error.problem))
      idempotencyKey.current = crypto.randomUUID()
    },
  })
  const trySubmit = () => {
    setShowAll(true)
    if (Object.keys(problems).length > 0) {
      const first = Object.keys(problems)[0] ?? ''
      document.getElementById(`f${first.replaceAll('/', '-')}`)?.focus()
      return
    }
    autosave.cancel()
    submit.mutate()
  }
  const startOver = async () => {
    await autosave.discard()
    setResumedAt(null)
    setValue({})
    setTouched(new Set())
    setShowAll(false)
  }
  const count = Object.keys(showAll ? problems : {}).length + Object.keys(serverErrors).length
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language)
  return (
    <div className="apply-form">
      {resumedAt && (
        <Alert
          type="info"
          showIcon
          title={t('apply.resumed', { at: time(resumedAt) })}
          action={<Button onClick={() => void startOver()}>{t('apply.startOver')}</Button>}
        />
      )}
      <SchemaForm
        schema={schema}
        value={value}
        onChange={change}
        errors={shown}
        onBlur={(pointer) => setTouched((s) => new Set(s).add(pointer))}
      />
      <p className="apply-autosave" role="status" aria-live="polite">
        {autosave.failed
          ? t('apply.draftFailed')
          : autosave.savedAt
            ? t('apply.draftSaved', { at: time(autosave.savedAt) })
            : t('apply.draftHint')}
      </p>
      {count > 0 && (
        <Alert type="error" showIcon role="alert" title={t('apply.fixFields', { count })} />
      )}
      {submit.isError && Object.keys(serverErrors).length === 0 && (
        <Alert type="error" showIcon title={submit.error.message} />
      )}
      <Button type="primary" size="large" loading={submit.isPending} onClick={trySubmit}>
        {t('apply.submit')}
      </Button>
    </div>
  )
}
