/**
 * Small helpers over the demo forms: JSON pointers into values and into object schemas, and a
 * structural sanity check of the JSON Schema subset the catalog uses.
 */
import type { JsonSchema } from './demo-common.js'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Splits an RFC 6901 JSON pointer ('/company/name') into unescaped tokens. */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '') return []
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`)
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
}

/** The property schema a pointer designates in an object schema, following `properties` only. */
export function schemaAtPointer(schema: JsonSchema, pointer: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema
  for (const token of pointerTokens(pointer)) {
    const properties: unknown = current?.properties
    if (!isRecord(properties)) return undefined
    const next = properties[token]
    current = isRecord(next) ? next : undefined
  }
  return current
}

/** Whether every object on the way to the pointer lists the next token in `required`. */
export function isRequiredPath(schema: JsonSchema, pointer: string): boolean {
  let current: JsonSchema | undefined = schema
  for (const token of pointerTokens(pointer)) {
    const required: unknown = current?.required
    if (!Array.isArray(required) || !required.includes(token)) return false
    current = schemaAtPointer(current ?? {}, `/${token}`)
  }
  return current !== undefined
}

export function valueAtPointer(value: unknown, pointer: string): unknown {
  let current = value
  for (const token of pointerTokens(pointer)) {
    if (!isRecord(current)) return undefined
    current = current[token]
  }
  return current
}

/** Returns a copy of `value` with `pointer` set, creating intermediate objects. */
export function withValueAt(
  value: Record<string, unknown>,
  pointer: string,
  next: unknown,
): Record<string, unknown> {
  const [head, ...rest] = pointerTokens(pointer)
  if (head === undefined) throw new Error('cannot replace the root')
  if (rest.length === 0) return { ...value, [head]: next }
  const child = value[head]
  const childRecord = isRecord(child) ? child : {}
  const restPointer = `/${rest.map((t) => t.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
  return { ...value, [head]: withValueAt(childRecord, restPointer, next) }
}

/** Problems found in a form schema: objects need properties, fields need zh title and en description. */
export function formSchemaProblems(schema: unknown, path = '#'): string[] {
  if (!isRecord(schema)) return [`${path}: schema is not an object`]
  const problems: string[] = []
  if (typeof schema.title !== 'string' || !/\p{Script=Han}/u.test(schema.title)) {
    problems.push(`${path}: title must be Chinese text`)
  }
  if (typeof schema.description !== 'string' || schema.description.length === 0) {
    problems.push(`${path}: description (English) is missing`)
  }
  const type = schema.type
  if (type === 'object') {
    const { properties, required } = schema
    if (!isRecord(properties) || Object.keys(properties).length === 0) {
      return [...problems, `${path}: object without properties`]
    }
    if (!Array.isArray(required)) problems.push(`${path}: required must be an array`)
    else {
      for (const name of required) {
        if (typeof name !== 'string' || !(name in properties)) {
          problems.push(`${path}: required ${String(name)} is not a property`)
        }
      }
    }
    for (const [name, child] of Object.entries(properties)) {
      problems.push(...formSchemaProblems(child, `${path}/properties/${name}`))
    }
  } else if (type === 'array') {
    const items = schema.items
    if (!isRecord(items)) problems.push(`${path}: array without items`)
    else if (items.type === 'object') problems.push(...formSchemaProblems(items, `${path}/items`))
    else problems.push(...choiceProblems(items, `${path}/items`))
  } else if (['string', 'integer', 'number', 'boolean'].includes(String(type))) {
    problems.push(...choiceProblems(schema, path))
  } else {
    problems.push(`${path}: unsupported type ${String(type)}`)
  }
  return problems
}

function choiceProblems(schema: Record<string, unknown>, path: string): string[] {
  const oneOf = schema.oneOf
  if (oneOf === undefined) return []
  if (!Array.isArray(oneOf) || oneOf.length === 0)
    return [`${path}: oneOf must be a non-empty array`]
  const problems: string[] = []
  const values = new Set<unknown>()
  for (const option of oneOf) {
    if (!isRecord(option) || !('const' in option) || typeof option.title !== 'string') {
      problems.push(`${path}: oneOf entries need const and title`)
    } else if (values.has(option.const))
      problems.push(`${path}: duplicate option ${String(option.const)}`)
    else values.add(option.const)
  }
  return problems
}

/** The `const` values of a choice field (or of an array of choices), if it is one. */
export function choiceValues(schema: JsonSchema): unknown[] | undefined {
  const target = schema.type === 'array' && isRecord(schema.items) ? schema.items : schema
  const oneOf = target.oneOf
  if (!Array.isArray(oneOf)) return undefined
  return oneOf.map((option: unknown) => (isRecord(option) ? option.const : undefined))
}
