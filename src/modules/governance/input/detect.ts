import { inputName, openInput } from './file-input.js'
import type { FileInput } from './file-input.js'
import iconv from 'iconv-lite'
import { InputError } from './messages.js'
import type { FileKind, TextEncoding } from './types.js'

/** How many leading bytes decide the kind and the encoding. */
export const SAMPLE_BYTES = 64 * 1024

/** The first bytes of a file; `complete` when they are the whole file. */
export interface Sample {
  bytes: Uint8Array
  complete: boolean
}

export interface Detected {
  kind: FileKind
  /** Null for XLSX, whose text encoding is the workbook's own. */
  encoding: TextEncoding | null
}

const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
/** PDF, PNG, JPEG, GIF, gzip, RAR, 7-Zip: common uploads that are not tables. */
const BINARY_MAGIC = [
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
]

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean =>
  magic.every((byte, i) => bytes[i] === byte)

/** Reads the first SAMPLE_BYTES of a file; a missing or unreadable file is an InputError. */
export async function readSample(path: FileInput, size = SAMPLE_BYTES): Promise<Sample> {
  let handle
  try {
    handle = await openInput(path)
  } catch {
    throw new InputError('GOVERNANCE_INPUT_NOT_FOUND', inputName(path))
  }
  try {
    const buffer = Buffer.alloc(size)
    const bytesRead = await handle.read(buffer, 0, size, 0)
    const complete = bytesRead < size || (await handle.size()) === bytesRead
    return { bytes: buffer.subarray(0, bytesRead), complete }
  } catch {
    throw new InputError('GOVERNANCE_INPUT_NOT_FOUND', inputName(path))
  } finally {
    await handle.close()
  }
}

/** The encoding a byte-order mark announces, if any. */
export function bomEncoding(bytes: Uint8Array): TextEncoding | null {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return 'utf-8'
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le'
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be'
  return null
}

/** Drops a UTF-8 sequence cut off at the end of a partial sample, so it does not look invalid. */
export function trimCutUtf8(bytes: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(4, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0
    if (byte < 0x80) return bytes
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2
      return length > back ? bytes.subarray(0, bytes.length - back) : bytes
    }
  }
  return bytes
}

/** BOM first; else UTF-8 when the sample is valid UTF-8; else GB18030 (GBK). */
export function detectEncoding(sample: Sample): TextEncoding {
  const fromBom = bomEncoding(sample.bytes)
  if (fromBom) return fromBom
  const bytes = sample.complete ? sample.bytes : trimCutUtf8(sample.bytes)
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** The iconv-lite name of an encoding. */
export function iconvName(encoding: TextEncoding): 'utf8' | 'utf16le' | 'utf16be' | 'gb18030' {
  return encoding === 'utf-8'
    ? 'utf8'
    : encoding === 'utf-16le'
      ? 'utf16le'
      : encoding === 'utf-16be'
        ? 'utf16be'
        : 'gb18030'
}

function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((magic) => startsWith(bytes, magic))) return true
  let control = 0
  for (const byte of bytes) {
    if (byte === 0) return true
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) control++
  }
  return control > bytes.length / 100
}

function firstVisibleChar(bytes: Uint8Array, encoding: TextEncoding): string {
  const text = iconv.decode(bytes.subarray(0, 1024), iconvName(encoding))
  return text.replace(/^[\s\uFEFF]+/, '').charAt(0)
}

/** The kind and encoding of a file from its first bytes and its name; refuses what is not a table. */
export function detectKind(path: string, sample: Sample, forced?: TextEncoding): Detected {
  const { bytes } = sample
  if (bytes.length === 0) throw new InputError('GOVERNANCE_INPUT_EMPTY', path)
  if (startsWith(bytes, ZIP)) return { kind: 'xlsx', encoding: null }
  if (startsWith(bytes, OLE)) throw new InputError('GOVERNANCE_INPUT_LEGACY_XLS', path)
  if (/\.xlsx$/i.test(path)) throw new InputError('GOVERNANCE_INPUT_NOT_XLSX', path)
  const encoding = forced ?? detectEncoding(sample)
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be'
  if (!wide && looksBinary(bytes)) throw new InputError('GOVERNANCE_INPUT_BINARY', path)
  const kind = firstVisibleChar(bytes, encoding) === '{' ? 'jsonl' : 'csv'
  return { kind, encoding }
}

/** Reads a file's first bytes and decides its kind and encoding. */
export async function detectFile(path: FileInput, forced?: TextEncoding): Promise<Detected> {
  return detectKind(inputName(path), await readSample(path), forced)
}
