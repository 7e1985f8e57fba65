import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Input, Radio } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, api, orThrow } from '../../api/client'
import { LoadFailed } from '../../app/status'
import { Panel } from '../../components/Panel'
import { useLocalized } from '../../i18n/localized'
import type { Application, GivenRating } from './types'

const FINISHED = new Set(['approved', 'rejected'])
const SCORES = [1, 2, 3, 4, 5]

/** 好差评: one five-level rating per finished case; a bad one opens a work order. */
export function RatingPanel({ application }: { application: Application }) {
  const { t } = useTranslation()
  const finished = application.cases.filter((c) => FINISHED.has(c.status))
  const ratings = useQuery({
    queryKey: ['my-ratings', application.id],
    enabled: finished.length > 0,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications/{id}/ratings', {
          params: { path: { id: application.id } },
        }),
      ),
  })
  if (finished.length === 0) return null
  return (
    <Panel title={t('my-applications.rating')}>
      {finished.map((c) => {
        const given = ratings.data?.find((r) => r.caseId === c.id)
        return given ? (
          <RatingGiven key={c.id} name={c.name} rating={given} />
        ) : (
          <CaseRating key={c.id} applicationId={application.id} caseId={c.id} name={c.name} />
        )
      })}
    </Panel>
  )
}

/** A rating already given, and what the department answered to a bad one. */
function RatingGiven({ name, rating }: { name: { zh: string; en: string }; rating: GivenRating }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const order = rating.workOrder
  return (
    <div className="case-rating">
      <h3>{text(name)}</h3>
      <Alert type="success" showIcon title={t('my-applications.rated', { score: rating.score })} />
      {order && (
        <Alert
          type="info"
          showIcon
          title={t('my-applications.workOrder')}
          description={
            order.response ? `${t('my-applications.answer')}：${order.response}` : undefined
          }
        />
      )}
    </div>
  )
}

function CaseRating({
  applicationId,
  caseId,
  name,
}: {
  applicationId: string
  caseId: string
  name: { zh: string; en: string }
}) {
  const queryClient = useQueryClient()
  const { t } = useTranslation()
  const text = useLocalized()
  const [score, setScore] = useState<number | null>(null)
  const [comment, setComment] = useState('')
  const rate = useMutation({
    mutationFn: async () =>
      orThrow(
        await api.POST('/api/v1/approval/cases/{id}/rating', {
          params: { path: { id: caseId } },
          body: { score: score ?? 5, ...(comment ? { comment } : {}) },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['my-ratings', applicationId] }),
  })
  const label = t('my-applications.ratingLabel', { name: text(name) })
  const already =
    rate.error instanceof ApiError && rate.error.problem.code === 'APPROVAL_ALREADY_RATED'
  if (rate.isSuccess || already)
    return (
      <div className="case-rating">
        <h3>{text(name)}</h3>
        {rate.data && (
          <Alert
            type="success"
            showIcon
            title={t('my-applications.rated', { score: rate.data.score })}
          />
        )}
        {already && <LoadFailed error={rate.error} />}
        {rate.data?.workOrder && (
          <Alert
            type="info"
            showIcon
            title={t('my-applications.workOrder')}
            description={
              rate.data.workOrder.response
                ? `${t('my-applications.answer')}：${rate.data.workOrder.response}`
                : undefined
            }
          />
        )}
      </div>
    )
  return (
    <div className="case-rating">
      <h3 id={`rate-${caseId}`}>{label}</h3>
      <Radio.Group
        aria-labelledby={`rate-${caseId}`}
        optionType="button"
        value={score}
        onChange={(e) => setScore(Number(e.target.value))}
        options={SCORES.map((s) => ({ value: s, label: `${s}` }))}
      />
      <label htmlFor={`comment-${caseId}`} className="case-rating-comment">
        {t('my-applications.ratingComment')}
      </label>
      <Input.TextArea
        id={`comment-${caseId}`}
        rows={2}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <Button
        type="primary"
        disabled={score === null}
        loading={rate.isPending}
        onClick={() => rate.mutate()}
      >
        {t('my-applications.rate')}
      </Button>
      {rate.isError && !already && <LoadFailed error={rate.error} />}
    </div>
  )
}
