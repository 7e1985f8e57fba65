import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Progress, Tag } from 'antd'
import { useState } from 'react'
import { api, orThrow } from '../api/client'
import { LoadFailed, Loading } from '../app/status'
import { useLocalized } from '../i18n/localized'
import { Panel } from './Panel'
import './schema-form.css'
import { uploadMaterial } from './upload-file'

interface Material {
  code: string
  name: { zh: string; en: string }
  required: boolean
  attached: Array<{ via: string; at: string }>
  heldLicences: Array<{ identifier: string; name: string }>
}
interface CaseMaterials {
  caseId: string
  caseNumber: string
  implementationCode: string
  materials: Material[]
}

const TEXT = {
  title: { zh: '申请材料', en: 'Materials' },
  required: { zh: '必交', en: 'Required' },
  optional: { zh: '选交', en: 'Optional' },
  done: { zh: '已提交', en: 'Attached' },
  doneLicence: { zh: '已用电子证照代替（免提交）', en: 'A held licence is used instead' },
  upload: { zh: '上传文件', en: 'Upload a file' },
  useLicence: { zh: '使用我的证照（免提交）', en: 'Use my licence (no upload needed)' },
  reason: {
    zh: '平台已发放的电子证照，依法免于提交',
    en: 'Issued by the platform; no need to submit it',
  },
  failed: {
    zh: '上传失败：仅支持 PDF、PNG、JPEG，且不超过 10 MB',
    en: 'Upload failed: PDF, PNG or JPEG up to 10 MB',
  },
  uploading: { zh: '上传进度', en: 'Upload progress' },
}

/** What each department needs, what is in, and a file upload or held licence for the rest. */
export function MaterialsChecklist({ applicationId }: { applicationId: string }) {
  const text = useLocalized()
  const checklist = useQuery({
    queryKey: ['application-materials', applicationId],
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/applications/{id}/materials', {
          params: { path: { id: applicationId } },
        }),
      ) as unknown as CaseMaterials[],
  })
  if (checklist.isPending) return <Loading />
  if (checklist.isError) return <LoadFailed error={checklist.error} />
  return (
    <Panel title={text(TEXT.title)}>
      <ul className="materials-checklist">
        {checklist.data.flatMap((c) =>
          c.materials.map((m) => (
            <MaterialRow
              key={`${c.caseId}:${m.code}`}
              applicationId={applicationId}
              item={c.implementationCode}
              material={m}
            />
          )),
        )}
      </ul>
    </Panel>
  )
}

function MaterialRow({
  applicationId,
  item,
  material: m,
}: {
  applicationId: string
  item: string
  material: Material
}) {
  const text = useLocalized()
  const queryClient = useQueryClient()
  const [progress, setProgress] = useState<number | null>(null)
  const attach = useMutation({
    mutationFn: async (
      body: { materialId: string } | { licence: { identifier: string; reason: string } },
    ) =>
      orThrow(
        await api.POST('/api/v1/approval/applications/{id}/materials', {
          params: { path: { id: applicationId } },
          body: { item, code: m.code, ...body },
        }),
      ),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: ['application-materials', applicationId] }),
  })
  const upload = useMutation({
    mutationFn: async (file: File) => {
      const stored = await uploadMaterial(file, setProgress)
      await attach.mutateAsync({ materialId: stored.id })
    },
  })
  const done = m.attached[0]
  const inputId = `upload-${item}-${m.code}`
  return (
    <li className="materials-row">
      <span className="materials-name">{text(m.name)}</span>{' '}
      <Tag className={m.required ? 'tag-bad' : undefined}>
        {text(m.required ? TEXT.required : TEXT.optional)}
      </Tag>
      {done ? (
        <Tag className="tag-ok">{text(done.via === 'licence' ? TEXT.doneLicence : TEXT.done)}</Tag>
      ) : (
        <div className="materials-actions">
          {m.heldLicences.slice(0, 1).map((l) => (
            <Button
              key={l.identifier}
              type="primary"
              loading={attach.isPending}
              onClick={() =>
                attach.mutate({ licence: { identifier: l.identifier, reason: text(TEXT.reason) } })
              }
            >
              {text(TEXT.useLicence)}：{l.name}
            </Button>
          ))}
          <label htmlFor={inputId} className="materials-upload">
            {text(TEXT.upload)}
          </label>
          <input
            id={inputId}
            type="file"
            className="materials-file"
            accept="application/pdf,image/png,image/jpeg"
            onChange={(e) => {
              const file = e.target.files?.[0]
              if (file) upload.mutate(file)
            }}
          />
        </div>
      )}
      {progress !== null && !done && (
        <Progress percent={progress} size="small" aria-label={text(TEXT.uploading)} />
      )}
      {(upload.isError || attach.isError) && (
        <Alert type="error" showIcon title={text(TEXT.failed)} />
      )}
    </li>
  )
}
