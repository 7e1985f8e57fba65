import { LicenceError } from './licence.errors.js'

// In a /u regex a surrogate range matches only unpaired halves, which UTF-8 cannot encode.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

const fail = (detail: string): LicenceError =>
  new LicenceError('LICENCE_METADATA_NOT_CANONICAL', detail)

const encodeString = (text: string): string => {
  if (LONE_SURROGATE.test(text)) throw fail('a string holds an unpaired surrogate')
  return JSON.stringify(text.normalize('NFC'))
}

const encodeNumber = (value: number): string => {
  if (!Number.isFinite(value)) throw fail('a number is not finite')
  return JSON.stringify(value)
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

const encodeObject = (record: Record<string, unknown>): string => {
  const members = new Map<string, unknown>()
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined) continue
    const nfcKey = key.normalize('NFC')
    if (members.has(nfcKey)) throw fail(`two keys normalise to "${nfcKey}"`)
    members.set(nfcKey, value)
  }
  const keys = [...members.keys()].sort()
  return `{${keys.map((key) => `${encodeString(key)}:${canonicalJson(members.get(key))}`).join(',')}}`
}

const encodeArray = (items: readonly unknown[]): string => {
  if (items.some((item) => item === undefined)) throw fail('an array holds undefined')
  return `[${items.map(canonicalJson).join(',')}]`
}

/**
 * RFC 8785 (JCS) over NFC-normalised strings and keys: members sorted by UTF-16 code units, no
 * whitespace, ECMAScript number form. Object members whose value is undefined are left out (as
 * with optional properties); anything JSON cannot carry throws LICENCE_METADATA_NOT_CANONICAL.
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value === 'boolean') return String(value)
  if (typeof value === 'number') return encodeNumber(value)
  if (typeof value === 'string') return encodeString(value)
  if (Array.isArray(value)) return encodeArray(value)
  if (typeof value === 'object' && isPlainObject(value)) return encodeObject(value)
  throw fail(`a value of type ${typeof value} has no JSON form`)
}
