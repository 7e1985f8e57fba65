import type { ErrorObject } from 'ajv'
import type { LocalizedMessage } from '../i18n/i18n.js'
import type { FieldError } from '../errors.js'

/** Turns Ajv errors into field errors with JSON pointers and zh/en reasons. */
export function fieldErrorsFromAjv(errors: ErrorObject[], part: string): FieldError[] {
  const prefix = part === 'body' ? '' : `/${part}`
  return errors.map((error) => {
    const missing =
      error.keyword === 'required' ? `/${escape(String(error.params.missingProperty))}` : ''
    const extra =
      error.keyword === 'additionalProperties'
        ? `/${escape(String(error.params.additionalProperty))}`
        : ''
    return {
      pointer: `${prefix}${error.instancePath}${missing}${extra}` || '/',
      code: error.keyword,
      message: describe(error),
    }
  })
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}

function describe(error: ErrorObject): LocalizedMessage {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'required':
      return { zh: '此字段为必填项', en: 'is required' }
    case 'type':
      return { zh: `类型应为 ${String(p.type)}`, en: `must be of type ${String(p.type)}` }
    case 'minLength':
      return {
        zh: `长度不能少于 ${String(p.limit)} 个字符`,
        en: `must have at least ${String(p.limit)} characters`,
      }
    case 'maxLength':
      return {
        zh: `长度不能超过 ${String(p.limit)} 个字符`,
        en: `must have at most ${String(p.limit)} characters`,
      }
    case 'minimum':
    case 'exclusiveMinimum':
      return {
        zh: `不能小于 ${String(p.limit)}`,
        en: `must be ${String(p.comparison)} ${String(p.limit)}`,
      }
    case 'maximum':
    case 'exclusiveMaximum':
      return {
        zh: `不能大于 ${String(p.limit)}`,
        en: `must be ${String(p.comparison)} ${String(p.limit)}`,
      }
    case 'minItems':
      return {
        zh: `至少需要 ${String(p.limit)} 项`,
        en: `must have at least ${String(p.limit)} items`,
      }
    case 'maxItems':
      return { zh: `最多 ${String(p.limit)} 项`, en: `must have at most ${String(p.limit)} items` }
    case 'pattern':
      return { zh: '格式不正确', en: `must match pattern ${String(p.pattern)}` }
    case 'format':
      return { zh: `格式应为 ${String(p.format)}`, en: `must be a valid ${String(p.format)}` }
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { zh: '取值不在允许范围内', en: 'is not one of the allowed values' }
    case 'additionalProperties':
      return { zh: '不允许的字段', en: 'is not an allowed field' }
    default:
      return { zh: `不符合规则 ${error.keyword}`, en: error.message ?? `fails ${error.keyword}` }
  }
}
