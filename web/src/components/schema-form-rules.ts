/**
 * The subset of JSON Schema (draft 2020-12) the catalogue's forms use, read for the browser:
 * which fields a section shows (if/then conditions), and each field's problem in plain words.
 * The server checks the same schema again; its errors arrive with the same JSON pointers.
 */
export interface FieldSchema {
  type?: string
  title?: string
  description?: string
  properties?: Record<string, FieldSchema>
  required?: string[]
  items?: FieldSchema
  oneOf?: Array<{ const: unknown; title?: string }>
  pattern?: string
  format?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  minItems?: number
  maxItems?: number
  readOnly?: boolean
  if?: FieldSchema & { properties?: Record<string, FieldSchema & { const?: unknown }> }
  then?: FieldSchema
  const?: unknown
}

export type FormValue = Record<string, unknown>
export type Text = { zh: string; en: string }
/** Field problems by JSON pointer, each with its reason in both languages. */
export type FieldErrors = Record<string, Text>

const REASONS: Array<[string, Text]> = [
  [
    '^[1-9]\\d{5}(18|19',
    { zh: '须为18位公民身份号码，末位可为 X', en: 'an 18-character ID number' },
  ],
  ['^1[3-9]', { zh: '须为11位手机号码', en: 'an 11-digit mobile number' }],
  [
    '^[0-9A-HJ-NPQRTUWXY]{2}',
    { zh: '须为18位统一社会信用代码', en: 'an 18-character credit code' },
  ],
  ['^\\d{1,12}(\\.\\d{1,2})?$', { zh: '须为金额（元），最多两位小数', en: 'an amount in yuan' }],
  ['^\\d{4}-(0[1-9]', { zh: '须为年月，如 2026-12', en: 'a month such as 2026-12' }],
  ['^\\d{8,30}$', { zh: '须为8至30位数字', en: '8 to 30 digits' }],
]

const label = (s: FieldSchema, name: string) => s.title ?? name

/** A pattern's meaning in words, so the applicant learns why, not just that, a value is wrong. */
function patternReason(pattern: string): Text {
  const known = REASONS.find(([start]) => pattern.startsWith(start))
  return known ? known[1] : { zh: '格式不正确', en: 'not in the expected format' }
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** Holds when every `const` of the `if` matches (the only form of condition the forms use). */
function conditionHolds(condition: FieldSchema['if'], value: FormValue): boolean {
  if (!condition?.properties) return false
  return Object.entries(condition.properties).every(([key, rule]) => {
    const v = value[key]
    if ('const' in rule) return v === rule.const
    if (rule.properties) return conditionHolds(rule, (v ?? {}) as FormValue)
    if (rule.minItems !== undefined) return Array.isArray(v) && v.length >= rule.minItems
    return true
  })
}

/** Fields a section shows now: a field only its `then` names is shown while the `if` holds. */
export function visibleFields(schema: FieldSchema, value: FormValue): string[] {
  const all = Object.keys(schema.properties ?? {})
  const conditional = new Set(schema.then?.required ?? [])
  for (const name of schema.required ?? []) conditional.delete(name)
  if (conditional.size === 0 || conditionHolds(schema.if, value)) return all
  return all.filter((name) => !conditional.has(name))
}

/** The required fields of a section as its value stands. */
export function requiredFields(schema: FieldSchema, value: FormValue): Set<string> {
  const required = new Set(schema.required ?? [])
  if (conditionHolds(schema.if, value))
    for (const name of schema.then?.required ?? []) required.add(name)
  return required
}

function scalarProblem(s: FieldSchema, v: unknown, name: string): Text | null {
  const l = label(s, name)
  if (s.type === 'string' && typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength)
      return { zh: `${l}至少 ${s.minLength} 个字`, en: `${l}: at least ${s.minLength} characters` }
    if (s.maxLength !== undefined && v.length > s.maxLength)
      return { zh: `${l}最多 ${s.maxLength} 个字`, en: `${l}: at most ${s.maxLength} characters` }
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) {
      const why = patternReason(s.pattern)
      return { zh: `${l}${why.zh}`, en: `${l} must be ${why.en}` }
    }
    if (s.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(v))
      return { zh: `${l}须为日期，如 2026-12-01`, en: `${l} must be a date` }
  }
  if ((s.type === 'integer' || s.type === 'number') && typeof v === 'number') {
    if (s.type === 'integer' && !Number.isInteger(v))
      return { zh: `${l}须为整数`, en: `${l} must be a whole number` }
    if (s.minimum !== undefined && v < s.minimum)
      return { zh: `${l}不能小于 ${s.minimum}`, en: `${l}: at least ${s.minimum}` }
    if (s.maximum !== undefined && v > s.maximum)
      return { zh: `${l}不能大于 ${s.maximum}`, en: `${l}: at most ${s.maximum}` }
  }
  if (s.type === 'array' && Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems)
      return { zh: `${l}至少 ${s.minItems} 项`, en: `${l}: at least ${s.minItems}` }
    if (s.maxItems !== undefined && v.length > s.maxItems)
      return { zh: `${l}最多 ${s.maxItems} 项`, en: `${l}: at most ${s.maxItems}` }
  }
  return null
}

/** Every problem of an object value under `pointer`, checked as the server will. */
export function validateObject(schema: FieldSchema, value: FormValue, pointer = ''): FieldErrors {
  const errors: FieldErrors = {}
  const required = requiredFields(schema, value)
  for (const name of visibleFields(schema, value)) {
    const s = schema.properties?.[name] ?? {}
    if (s.readOnly) continue
    const v = value[name]
    const at = `${pointer}/${name}`
    // A required section left untouched: its own fields say what is missing.
    if (s.type === 'object' && v === undefined && required.has(name)) {
      Object.assign(errors, validateObject(s, {}, at))
      continue
    }
    if (isEmpty(v)) {
      if (required.has(name)) {
        const verb = s.oneOf || s.items?.oneOf || s.type === 'boolean' ? '选择' : '填写'
        errors[at] = { zh: `请${verb}${label(s, name)}`, en: `${label(s, name)} is required` }
      }
      continue
    }
    if (s.type === 'object') Object.assign(errors, validateObject(s, (v ?? {}) as FormValue, at))
    else if (s.type === 'array' && s.items?.type === 'object' && Array.isArray(v))
      v.forEach((row, i) =>
        Object.assign(
          errors,
          validateObject(s.items ?? {}, (row ?? {}) as FormValue, `${at}/${i}`),
        ),
      )
    const problem = scalarProblem(s, v, name)
    if (problem) errors[at] = problem
  }
  return errors
}

/** The value without the fields a condition hides, so a hidden answer is never sent. */
export function visibleValue(schema: FieldSchema, value: FormValue): FormValue {
  const out: FormValue = {}
  for (const name of visibleFields(schema, value)) {
    const s = schema.properties?.[name] ?? {}
    const v = value[name]
    if (isEmpty(v) || s.readOnly) continue
    if (s.type === 'object') out[name] = visibleValue(s, (v ?? {}) as FormValue)
    else if (s.type === 'array' && s.items?.type === 'object' && Array.isArray(v))
      out[name] = v.map((row) => visibleValue(s.items ?? {}, (row ?? {}) as FormValue))
    else out[name] = v
  }
  return out
}

/** The titles along a JSON pointer (企业信息 › 企业名称), for naming a field in a notice. */
export function titlesAt(schema: FieldSchema, pointer: string): string[] {
  const titles: string[] = []
  let at: FieldSchema | undefined = schema
  for (const segment of pointer.split('/').slice(1)) {
    if (!at) break
    if (/^\d+$/.test(segment)) {
      at = at.items
      titles.push(`${Number(segment) + 1}`)
      continue
    }
    at = at.properties?.[segment]
    titles.push(at?.title ?? segment)
  }
  return titles
}
