import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Descriptions, Space, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'
import { MaterialPreview } from './MaterialPreview'
import { ProblemAlert } from './ProblemAlert'
import { StaffOnly } from './StaffOnly'
import { TaskActions } from './TaskActions'
import './workbench.css'
import { formLeaves } from './form-fields'
import { useFormSchema, useTask, useTaskMaterials, useTimeline, type TaskDetail } from './queries'

/** 办理: one task with the form its step may see, the materials, the history and the actions. */
export function TaskPage() {
  return (
    <StaffOnly>
      <Task />
    </StaffOnly>
  )
}

function Task() {
  const { t, i18n } = useTranslation()
  const text = useLocalized()
  const id = useParams().id ?? ''
  const task = useTask(id)
  const schema = useFormSchema(task.data?.item.code)
  if (task.isPending) return <Loading />
  if (task.isError) return <LoadFailed error={task.error} />
  const detail = task.data
  const leaves = formLeaves(detail.form, schema.data, i18n.language === 'en')
  return (
    <article className="workbench-task">
      <Link to="/workbench">{t('workbench.task.back')}</Link>
      <Typography.Title level={1}>
        {text(detail.item.name)} · {detail.caseNumber}
      </Typography.Title>
      <Space wrap className="task-facts">
        <span>
          {t('workbench.step')}: {detail.step.name}
        </span>
        <Tag>
          {t('workbench.task.state')}:{' '}
          {t(`workbench.state.${detail.state}`, { defaultValue: detail.state })}
        </Tag>
        {detail.correction && (
          <Tag className="sla-tag sla-paused">{t('workbench.task.correcting')}</Tag>
        )}
        {detail.urged > 0 && (
          <Tag className="urged-tag">{t('workbench.urged', { count: detail.urged })}</Tag>
        )}
      </Space>
      {detail.pendingExtension && <ExtensionRequest task={detail} />}
      <Panel title={t('workbench.task.actions')}>
        <TaskActions task={detail} leaves={leaves} />
      </Panel>
      <Panel title={t('workbench.task.form')}>
        {detail.shared.creditCode && (
          <p>{t('workbench.task.sharedCreditCode', { code: detail.shared.creditCode })}</p>
        )}
        {leaves.length === 0 ? (
          <p>{t('workbench.task.noForm')}</p>
        ) : (
          <Descriptions
            bordered
            size="small"
            column={1}
            items={leaves.map((leaf) => ({
              key: leaf.pointer,
              label: leaf.label,
              children: leaf.value,
            }))}
          />
        )}
      </Panel>
      <Materials task={detail} />
      <History applicationId={detail.applicationId} />
    </article>
  )
}

function Materials({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const materials = useTaskMaterials(task.id)
  return (
    <Panel title={t('workbench.task.materials')}>
      {task.missingMaterials.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('workbench.task.missing')}
          description={task.missingMaterials
            .map((m) => (typeof m.name === 'string' ? m.name : text(m.name)))
            .join('、')}
        />
      )}
      {materials.isPending ? (
        <Loading />
      ) : materials.isError ? (
        <LoadFailed error={materials.error} />
      ) : materials.data.length === 0 ? (
        <p>{t('workbench.task.noMaterials')}</p>
      ) : (
        <ul className="material-files">
          {materials.data.map((m) => (
            <li key={m.id}>
              <strong>{m.code}</strong> {m.fileName ?? ''}
              {m.licenceId ? (
                <span> · {t('workbench.task.viaLicence')}</span>
              ) : (
                m.materialId && <MaterialPreview taskId={task.id} material={m} />
              )}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  )
}

function History({ applicationId }: { applicationId: string }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const timeline = useTimeline(applicationId)
  return (
    <Panel title={t('workbench.task.timeline')}>
      {timeline.isPending ? (
        <Loading />
      ) : timeline.isError ? (
        <LoadFailed error={timeline.error} />
      ) : timeline.data.length === 0 ? (
        <p>{t('workbench.task.noTimeline')}</p>
      ) : (
        <ol className="workbench-timeline">
          {timeline.data.map((e) => (
            <li key={`${e.caseId}:${e.seq}`}>
              <time dateTime={e.at}>{new Date(e.at).toLocaleString()}</time> {e.caseNumber} ·{' '}
              {text(e.label)}
              {typeof e.detail.reason === 'string' && <span> · {e.detail.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  )
}

/** 延期: the department's approver grants or refuses a handler's request. */
function ExtensionRequest({ task }: { task: TaskDetail }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const decide = useMutation({
    mutationFn: async (granted: boolean) =>
      orThrow(
        await api.POST('/api/v1/approval/cases/{id}/extension/decision', {
          params: { path: { id: task.caseId } },
          body: { granted },
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['workbench'] }),
  })
  const request = task.pendingExtension
  if (!request) return null
  return (
    <Panel title={t('workbench.extensionPending')}>
      <p>{t('workbench.task.pendingExtension', request)}</p>
      <Space wrap>
        <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate(true)}>
          {t('workbench.task.grantExtension')}
        </Button>
        <Button danger loading={decide.isPending} onClick={() => decide.mutate(false)}>
          {t('workbench.task.refuseExtension')}
        </Button>
      </Space>
      <ProblemAlert error={decide.error} />
    </Panel>
  )
}
