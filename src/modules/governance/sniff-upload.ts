import { basename } from 'node:path'
import { DomainError, fieldError } from '../../platform/errors.js'
import { detectKind, InputError } from './input/index.js'
import type { FileKind } from './input/index.js'
import type { ReceivedFile } from './upload-store.js'

const MAX_NAME = 200

/** The name a file is shown by: its last path part, without control characters, at most 200. */
export function cleanFileName(raw: string | undefined, fallback: string): string {
  const name = basename((raw ?? '').replace(/\\/g, '/'))
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
  return (name === '' ? fallback : name).slice(0, MAX_NAME)
}

/**
 * What the content of an upload is, from its first bytes (and its name's .xlsx): CSV, XLSX or
 * JSON lines; anything else is refused with the reader's reason, naming the file.
 */
export function sniffUpload(file: ReceivedFile, fileName: string): FileKind {
  try {
    const sample = { bytes: file.head, complete: file.size <= file.head.length }
    return detectKind(fileName, sample).kind
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    throw new DomainError('GOVERNANCE_FILE_REFUSED', { reason: error.en, reasonZh: error.zh }, [
      fieldError('/file', error.code, { zh: error.zh, en: error.en }),
    ])
  }
}
