import { getSession } from '../auth/session'

export interface Uploaded {
  id: string
  fileName: string
  size: number
}

/**
 * Sends a file to the material store with XMLHttpRequest, the one browser API that reports
 * upload progress (fetch does not). Resolves with the stored material, rejects with the status.
 */
export function uploadMaterial(
  file: File,
  onProgress: (percent: number) => void,
): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', '/api/v1/approval/materials')
    const session = getSession()
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`)
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name))
    xhr.setRequestHeader('x-tongban-channel', 'web')
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100))
    }
    xhr.onload = () => {
      if (xhr.status === 201) {
        onProgress(100)
        resolve(JSON.parse(xhr.responseText) as Uploaded)
      } else reject(new Error(String(xhr.status)))
    }
    xhr.onerror = () => reject(new Error('network'))
    xhr.send(file)
  })
}
