import { useQuery } from '@tanstack/react-query'
import { Button, Space } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { LoadFailed, Loading } from '../../app/status'
import type { TaskMaterial } from './queries'

/** The file as a data: URL, which the portal's CSP allows for images (blob: it does not). */
function useFileUrl(taskId: string, materialId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['workbench', 'file', taskId, materialId],
    enabled,
    staleTime: Infinity,
    queryFn: async () => {
      const blob = orThrow<Blob>(
        await api.GET('/api/v1/approval/tasks/{id}/materials/{materialId}/content', {
          params: { path: { id: taskId, materialId } },
          parseAs: 'blob',
        }),
      )
      return new Promise<{ url: string; blob: Blob }>((resolve, reject) => {
        const reader = new FileReader()
        reader.onload = () => resolve({ url: reader.result as string, blob })
        reader.onerror = () => reject(reader.error ?? new Error('read failed'))
        reader.readAsDataURL(blob)
      })
    },
  })
}

/** One attached file: opened inline on demand (images drawn, PDFs rendered page by page). */
export function MaterialPreview({ taskId, material }: { taskId: string; material: TaskMaterial }) {
  const { t } = useTranslation()
  const [shown, setShown] = useState(false)
  const materialId = material.materialId ?? ''
  const file = useFileUrl(taskId, materialId, shown)
  const name = material.fileName ?? material.code
  const image = material.mediaType?.startsWith('image/') === true
  const pdf = material.mediaType === 'application/pdf'
  return (
    <div className="material-preview">
      <Space wrap>
        <Button onClick={() => setShown(!shown)} aria-expanded={shown}>
          {shown ? t('workbench.task.hidePreview') : t('workbench.task.preview')}
        </Button>
        {file.data && (
          <a href={file.data.url} download={name}>
            {t('workbench.task.download')}
          </a>
        )}
      </Space>
      {shown &&
        (file.isPending ? (
          <Loading />
        ) : file.isError ? (
          <LoadFailed error={file.error} />
        ) : image ? (
          <img className="material-image" src={file.data.url} alt={name} />
        ) : pdf ? (
          <PdfPages blob={file.data.blob} name={name} />
        ) : null)}
    </div>
  )
}

/** PDF pages drawn by pdf.js into canvases (loaded on first use, in its own chunk). */
function PdfPages({ blob, name }: { blob: Blob; name: string }) {
  const pages = useQuery({
    queryKey: ['workbench', 'pdf', blob.size, name],
    staleTime: Infinity,
    queryFn: async () => (await import('./pdf-render')).renderPdf(await blob.arrayBuffer()),
  })
  if (pages.isPending) return <Loading />
  if (pages.isError) return <LoadFailed error={pages.error} />
  return (
    <div className="material-pdf" role="document" aria-label={name}>
      {pages.data.map((src, index) => (
        <img key={index} className="material-image" src={src} alt={`${name} ${index + 1}`} />
      ))}
    </div>
  )
}
