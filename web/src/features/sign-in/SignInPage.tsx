import { Alert, Button, Checkbox, Form, Input, Radio, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api, type Problem } from '../../api/client'
import { setSession } from '../../auth/session'
import { useLocalized } from '../../i18n/localized'

interface Credentials {
  kind: 'person' | 'staff'
  identifier: string
  password: string
  remember: boolean
}
interface Challenge {
  challengeId: string
  expiresAt: string
  sentTo: string
  remember: boolean
  /** How long the code is valid, as told when it was sent. */
  minutes: number
}

/** The server's reason for a refusal, and each named field's own, in the user's language. */
function useProblemText() {
  const text = useLocalized()
  return (problem: Problem | undefined) => ({
    summary: text(problem?.messages) || problem?.title || '',
    fields: (problem?.errors ?? []).map((e) => ({
      name: e.pointer.replace(/^\//, '').split('/')[0] ?? '',
      errors: [text(e.message)],
    })),
  })
}

function PasswordStep({ onChallenge }: { onChallenge: (c: Challenge) => void }) {
  const { t } = useTranslation()
  const [form] = Form.useForm<Credentials>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const kind = Form.useWatch('kind', form) ?? 'person'
  const problemText = useProblemText()
  const identifier = kind === 'person' ? t('signIn.identifierPerson') : t('signIn.identifierStaff')

  const submit = async (values: Credentials) => {
    setBusy(true)
    setError('')
    const { data, error: problem } = await api.POST('/api/v1/auth/sign-in', {
      body: {
        kind: values.kind,
        identifier: values.identifier.trim(),
        password: values.password,
        channel: 'web',
        rememberDevice: values.remember,
      },
    })
    setBusy(false)
    if (data) {
      const minutes = Math.max(1, Math.round((Date.parse(data.expiresAt) - Date.now()) / 60_000))
      return onChallenge({ ...data, remember: values.remember, minutes })
    }
    const { summary, fields } = problemText(problem)
    setError(summary)
    form.setFields(
      fields.flatMap((f) =>
        f.name === 'identifier' || f.name === 'password' ? [{ ...f, name: f.name }] : [],
      ),
    )
  }

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={{ kind: 'person', remember: false }}
      onFinish={(v) => void submit(v)}
    >
      <Form.Item name="kind" label={t('signIn.kind')}>
        <Radio.Group optionType="button">
          <Radio.Button value="person">{t('signIn.person')}</Radio.Button>
          <Radio.Button value="staff">{t('signIn.staff')}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="identifier"
        label={identifier}
        rules={[
          {
            required: true,
            whitespace: true,
            message: t('signIn.required', { field: identifier }),
          },
        ]}
      >
        <Input autoComplete="username" maxLength={64} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signIn.password')}
        rules={[{ required: true, message: t('signIn.required', { field: t('signIn.password') }) }]}
      >
        <Input type="password" autoComplete="current-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="remember" valuePropName="checked" extra={t('signIn.rememberHelp')}>
        <Checkbox>{t('signIn.remember')}</Checkbox>
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <Button type="primary" htmlType="submit" size="large" loading={busy} block>
        {t('signIn.next')}
      </Button>
    </Form>
  )
}

function CodeStep({ challenge, onBack }: { challenge: Challenge; onBack: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [form] = Form.useForm<{ code: string }>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const problemText = useProblemText()
  const submit = async ({ code }: { code: string }) => {
    setBusy(true)
    setError('')
    const { data, error: problem } = await api.POST('/api/v1/auth/verify', {
      body: { challengeId: challenge.challengeId, code: code.trim() },
    })
    setBusy(false)
    if (!data) return setError(problemText(problem).summary)
    setSession({
      accessToken: data.accessToken,
      refreshToken: data.refreshToken,
      remember: challenge.remember,
    })
    void navigate('/')
  }

  return (
    <Form form={form} layout="vertical" requiredMark={false} onFinish={(v) => void submit(v)}>
      <Alert
        type="info"
        showIcon
        title={t('signIn.codeSent', { phone: challenge.sentTo, minutes: challenge.minutes })}
      />
      <Form.Item
        name="code"
        label={t('signIn.code')}
        extra={t('signIn.codeHelp')}
        rules={[
          { required: true, message: t('signIn.required', { field: t('signIn.code') }) },
          { pattern: /^\s*\d{6}\s*$/, message: t('signIn.codeFormat') },
        ]}
      >
        <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus />
      </Form.Item>
      {error && <Alert type="error" showIcon title={error} className="form-alert" />}
      <div className="form-actions">
        <Button type="primary" htmlType="submit" size="large" loading={busy}>
          {t('signIn.verify')}
        </Button>
        <Button size="large" onClick={onBack}>
          {t('signIn.back')}
        </Button>
      </div>
    </Form>
  )
}

/** 登录: password first, then the one-time code texted to the phone on record. */
export function SignInPage() {
  const { t } = useTranslation()
  const [challenge, setChallenge] = useState<Challenge | null>(null)
  return (
    <section className="sign-in">
      <Typography.Title level={1}>{t('signIn.heading')}</Typography.Title>
      <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
      {challenge ? (
        <CodeStep challenge={challenge} onBack={() => setChallenge(null)} />
      ) : (
        <PasswordStep onChallenge={setChallenge} />
      )}
      <Typography.Paragraph className="elderly-hidden demo-hint">
        {t('signIn.demoHint')}
      </Typography.Paragraph>
    </section>
  )
}
