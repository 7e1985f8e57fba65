import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { fieldError, type FieldError } from '../../platform/errors.js'
import { parseFeelExpression } from '../../platform/feel/index.js'
import type { BundleContent, ItemContent } from './catalog.schema.js'

const ajv = new Ajv({ strict: false, allErrors: true })
addFormats.default(ajv)

const CHECKED_LIMIT = 256
/** Outcome of compiling a form schema, by its JSON text: editing a draft re-sends the same form. */
const checked = new Map<string, FieldError[]>()

function checkFormSchema(schema: Record<string, unknown>, pointer: string): FieldError[] {
  if (schema.type !== 'object' || typeof schema.properties !== 'object') {
    return [
      fieldError(pointer, 'form_not_object', {
        zh: '表单须为 type=object 且有 properties 的 JSON Schema',
        en: 'The form must be a JSON Schema of type object with properties',
      }),
    ]
  }
  const key = `${pointer}\u0000${JSON.stringify(schema)}`
  const known = checked.get(key)
  if (known !== undefined) return [...known]
  const errors = compileOnce(schema, pointer)
  if (checked.size >= CHECKED_LIMIT) checked.delete(checked.keys().next().value ?? key)
  checked.set(key, errors)
  return [...errors]
}

function compileOnce(schema: Record<string, unknown>, pointer: string): FieldError[] {
  try {
    // Compiled only to prove the schema is usable; Ajv would otherwise keep every draft's form.
    ajv.compile(schema)
    return []
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return [
      fieldError(pointer, 'form_schema_invalid', {
        zh: `表单 JSON Schema 无效：${reason}`,
        en: `Invalid form JSON Schema: ${reason}`,
      }),
    ]
  } finally {
    ajv.removeSchema(schema)
  }
}

/** Rules the schema cannot say: time limits, unique material codes, a form that compiles. */
export function checkItemContent(content: ItemContent): FieldError[] {
  const errors: FieldError[] = []
  if (content.promisedLimitDays > content.statutoryLimitDays) {
    errors.push(
      fieldError('/promisedLimitDays', 'promise_exceeds_statute', {
        zh: '承诺时限不能超过法定时限',
        en: 'The promised limit cannot exceed the statutory limit',
      }),
    )
  }
  const seen = new Set<string>()
  content.materials.forEach((m, i) => {
    if (seen.has(m.code))
      errors.push(
        fieldError(`/materials/${i}/code`, 'duplicate_material', {
          zh: '材料编码重复',
          en: 'Duplicate material code',
        }),
      )
    seen.add(m.code)
  })
  return [...errors, ...checkFormSchema(content.formSchema, '/formSchema')]
}

/** Resolves a JSON pointer against a JSON Schema's nested `properties`. */
export function schemaHasPointer(schema: Record<string, unknown>, pointer: string): boolean {
  let node: unknown = schema
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const props = (node as { properties?: Record<string, unknown> } | undefined)?.properties
    if (!props || !(key in props)) return false
    node = props[key]
  }
  return pointer.startsWith('/')
}

/** Every member's field map must land in the merged form, and every condition must parse. */
export function checkBundleContent(
  content: BundleContent,
  memberForms: Map<string, Record<string, unknown>>,
): FieldError[] {
  const errors = checkFormSchema(content.formSchema, '/formSchema')
  content.members.forEach((member, i) => {
    const form = memberForms.get(member.implementationCode)
    if (!form) {
      errors.push(
        fieldError(`/members/${i}/implementationCode`, 'item_not_published', {
          zh: '成员事项不存在或未发布',
          en: 'The member item does not exist or is not published',
        }),
      )
      return
    }
    for (const [field, pointer] of Object.entries(member.fieldMap)) {
      if (!schemaHasPointer(content.formSchema, pointer)) {
        errors.push(
          fieldError(`/members/${i}/fieldMap/${field}`, 'pointer_not_in_form', {
            zh: `合并表单中没有 ${pointer}`,
            en: `${pointer} is not in the merged form`,
          }),
        )
      }
    }
    const required = (form.required as string[] | undefined) ?? []
    for (const field of required.filter((f) => !(f in member.fieldMap))) {
      errors.push(
        fieldError(`/members/${i}/fieldMap`, 'required_field_unmapped', {
          zh: `事项必填字段 ${field} 未映射`,
          en: `Required item field ${field} is not mapped`,
        }),
      )
    }
    if (member.condition !== null) {
      const parsed = parseFeelExpression(member.condition)
      if (!parsed.ok)
        errors.push(fieldError(`/members/${i}/condition`, 'feel_syntax', parsed.error.message))
    }
  })
  return errors
}
