import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Input } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'
import { applicationKey } from './queries'
import type { Application } from './types'

/** 撤回 the whole application, or 催办 a case past its promised days (the server decides). */
export function ApplicationActions({ application }: { application: Application }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const queryClient = useQueryClient()
  const [reason, setReason] = useState('')
  const [asking, setAsking] = useState(false)
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKey(application.id) })
  const withdraw = useMutation({
    mutationFn: async () =>
      orThrow(
        await api.POST('/api/v1/approval/applications/{id}/withdraw', {
          params: { path: { id: application.id } },
          body: { reason },
        }),
      ),
    onSuccess: refresh,
  })
  const urge = useMutation({
    mutationFn: async (caseId: string) =>
      orThrow(
        await api.POST('/api/v1/approval/cases/{id}/urge', { params: { path: { id: caseId } } }),
      ),
    onSuccess: refresh,
  })
  const running = application.cases.filter((c) => c.status === 'in_progress')
  return (
    <Panel title={`${t('my-applications.withdraw')} / ${t('my-applications.urge')}`}>
      {running.map((c) => (
        <p key={c.id}>
          <Button
            onClick={() => urge.mutate(c.id)}
            loading={urge.isPending && urge.variables === c.id}
          >
            {t('my-applications.urge')}：{text(c.name)}
          </Button>
        </p>
      ))}
      {urge.isSuccess && <Alert type="success" showIcon title={t('my-applications.urged')} />}
      {urge.isError && <LoadFailed error={urge.error} />}
      {asking ? (
        <div className="withdraw-form">
          <label htmlFor="withdraw-reason">{t('my-applications.withdrawReason')}</label>
          <Input.TextArea
            id="withdraw-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            danger
            disabled={reason.trim() === ''}
            loading={withdraw.isPending}
            onClick={() => withdraw.mutate()}
          >
            {t('my-applications.withdrawConfirm')}
          </Button>
        </div>
      ) : (
        <Button danger onClick={() => setAsking(true)}>
          {t('my-applications.withdraw')}
        </Button>
      )}
      {withdraw.isError && <LoadFailed error={withdraw.error} />}
    </Panel>
  )
}
