import { Ajv, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { FieldError } from '../../platform/errors.js'
import { evaluateCondition } from '../../platform/feel/index.js'
import { fieldErrorsFromAjv } from '../../platform/http/validation-messages.js'
import type { BundleContent } from '../catalog/index.js'

type Form = Record<string, unknown>
type BundleMember = BundleContent['members'][number]

const LIMIT = 500

/**
 * Checks application forms against their (published, immutable) JSON Schema. Validators are
 * compiled once per published version and kept, a bounded number of them.
 */
export type FormChecker = (key: string, schema: Form, form: unknown) => FieldError[]

export function createFormChecker(): FormChecker {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats.default(ajv)
  const compiled = new Map<string, ValidateFunction>()
  return (key: string, schema: Form, form: unknown): FieldError[] => {
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile(schema)
      // Ajv keeps compiled schemas; forget them when the validator leaves the bounded cache.
      ajv.removeSchema(schema)
      if (compiled.size >= LIMIT) compiled.delete(compiled.keys().next().value ?? key)
      compiled.set(key, validate)
    }
    return validate(form) ? [] : fieldErrorsFromAjv(validate.errors ?? [], 'body').map(underForm)
  }
}

function underForm(error: FieldError): FieldError {
  return { ...error, pointer: `/form${error.pointer === '/' ? '' : error.pointer}` }
}

/** The members whose FEEL condition holds on the merged form (null condition: always). */
export function applicableMembers(content: BundleContent, form: Form): BundleMember[] {
  return content.members.filter(
    (m) => m.condition === null || evaluateCondition(m.condition, form) === true,
  )
}

/** The value at a JSON pointer, or undefined. */
export function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return document
  let current: unknown = document
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

/** A member item's form, taken from the merged bundle form through its field map. */
export function projectMemberForm(member: BundleMember, merged: Form): Form {
  const form: Form = {}
  for (const [field, pointer] of Object.entries(member.fieldMap)) {
    const value = valueAt(merged, pointer)
    if (value !== undefined) form[field] = value
  }
  return form
}

/**
 * Where an item-form field lives in the merged form: `/companyName/x` → `/company/name/x` when
 * the field map says companyName ← /company/name. Unmapped fields keep their item pointer.
 */
export function mergedPointer(member: BundleMember | null, itemPointer: string): string {
  if (!member) return itemPointer
  const [, head = '', ...rest] = itemPointer.split('/')
  const mapped = member.fieldMap[head.replace(/~1/g, '/').replace(/~0/g, '~')]
  if (mapped === undefined) return itemPointer
  return [mapped, ...rest].join('/')
}
