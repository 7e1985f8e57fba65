import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import {
  conflictingValueMessage,
  unknownCodeMessage,
  wrongCodeSetMessage,
} from './code-mapping-messages.js'
import type { CodeSet } from './code-set.types.js'
import { findCode } from './code-sets.js'
import { normaliseLocalValue } from './normalise.js'

/** How one source system writes a field, translated to a national code set. */
export interface CodeMapping {
  /** The source system, e.g. 'civil-affairs-2009'. */
  source: string
  codeSetId: string
  /** Local value → standard code, e.g. { 已婚: '20', '1': '20', 有配偶: '20' }. */
  entries: Readonly<Record<string, string>>
}

export type MappingIssueKind = 'unknown-code' | 'conflicting-local-value' | 'wrong-code-set'

export interface MappingIssue {
  kind: MappingIssueKind
  /** The offending local value (null for a wrong code set). */
  localValue: string | null
  code: string | null
  message: LocalizedMessage
}

export type MappingValidation = { ok: true } | { ok: false; issues: MappingIssue[] }

export type MappingResult =
  | { status: 'mapped'; value: string; code: string; name: LocalizedMessage }
  | { status: 'unmapped'; value: string }
  | { status: 'empty' }

export interface CodeMapper {
  readonly mapping: CodeMapping
  readonly codeSet: CodeSet
  map(value: string | null | undefined): MappingResult
}

/** Thrown by createCodeMapper for a mapping that validateMapping rejects. */
export class InvalidCodeMappingError extends Error {
  constructor(readonly issues: MappingIssue[]) {
    super(issues.map((issue) => issue.message.en).join('; '))
    this.name = 'InvalidCodeMappingError'
  }
}

/** Every target code exists, and no two local values that read the same map differently. */
export function validateMapping(mapping: CodeMapping, codeSet: CodeSet): MappingValidation {
  const issues: MappingIssue[] = []
  if (mapping.codeSetId !== codeSet.id) {
    const message = wrongCodeSetMessage(mapping.codeSetId, codeSet.id)
    issues.push({ kind: 'wrong-code-set', localValue: null, code: null, message })
  }
  const seen = new Map<string, [string, string]>()
  for (const [localValue, code] of Object.entries(mapping.entries)) {
    if (!findCode(codeSet, code)) {
      const message = unknownCodeMessage(localValue, code, codeSet.standard)
      issues.push({ kind: 'unknown-code', localValue, code, message })
    }
    const key = normaliseLocalValue(localValue)
    const earlier = seen.get(key)
    if (earlier && earlier[1] !== code) {
      const message = conflictingValueMessage(localValue, earlier[0], code, earlier[1])
      issues.push({ kind: 'conflicting-local-value', localValue, code, message })
    } else seen.set(key, [localValue, code])
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues }
}

/** A mapper for a valid mapping; values match after normaliseLocalValue. */
export function createCodeMapper(mapping: CodeMapping, codeSet: CodeSet): CodeMapper {
  const validation = validateMapping(mapping, codeSet)
  if (!validation.ok) throw new InvalidCodeMappingError(validation.issues)
  const lookup = new Map<string, string>()
  for (const [localValue, code] of Object.entries(mapping.entries)) {
    lookup.set(normaliseLocalValue(localValue), code)
  }
  return {
    mapping,
    codeSet,
    map(value) {
      if (value === null || value === undefined) return { status: 'empty' }
      const key = normaliseLocalValue(value)
      if (key === '') return { status: 'empty' }
      const code = lookup.get(key)
      const entry = code === undefined ? undefined : findCode(codeSet, code)
      if (code === undefined || !entry) return { status: 'unmapped', value }
      return { status: 'mapped', value, code, name: entry.name }
    },
  }
}
