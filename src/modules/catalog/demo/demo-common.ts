/**
 * Shared building blocks of the demo catalog: JSON Schema field helpers, common patterns and
 * the guide information of 示范市政务服务中心.
 */
import { DEMO_DEPARTMENTS } from '../../identity/demo/index.js'
import type { DemoDepartmentCode } from '../../identity/demo/index.js'
import type { ItemContent } from '../catalog.schema.js'

export type JsonSchema = Record<string, unknown>
export type Guide = ItemContent['guide']
export type ChoiceOptions = readonly (readonly [value: string, label: string])[]

// Patterns (JSON Schema `pattern`, ECMA-262 dialect).
/** 统一社会信用代码 (GB 32100-2015). */
export const CREDIT_CODE_PATTERN = '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$'
/** 公民身份号码 (GB 11643-1999). */
export const ID_NUMBER_PATTERN =
  '^[1-9]\\d{5}(18|19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])\\d{3}[0-9X]$'
export const MOBILE_PATTERN = '^1[3-9]\\d{9}$'
/** Amount in yuan, exact decimal. */
export const YUAN_PATTERN = '^\\d{1,12}(\\.\\d{1,2})?$'
export const MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$'
export const BANK_ACCOUNT_PATTERN = '^\\d{8,30}$'
/** 不动产权证书号, e.g. 浙（2019）示范市不动产权第0123456号. */
export const PROPERTY_CERTIFICATE_PATTERN = '^浙（\\d{4}）示范市不动产权第\\d{7}号$'

// 示范市政务服务中心
export const SERVICE_CENTER = '示范市政务服务中心（示范市上城区市民街1号市民中心）'
export const SERVICE_HOTLINE = '12345'
export const SERVICE_HOURS = '工作日 9:00-17:00（法定节假日除外）'

export function guide(window: string, conditions: readonly string[]): Guide {
  return {
    conditions: [...conditions],
    address: `${SERVICE_CENTER}${window}`,
    phone: `${SERVICE_HOTLINE}（政务服务便民热线）`,
    hours: SERVICE_HOURS,
  }
}

/** 实施编码: the implementing department's credit code + '-' + 基本编码. */
export function implementationCode(departmentCode: DemoDepartmentCode, basicCode: string): string {
  const department = DEMO_DEPARTMENTS.find((d) => d.code === departmentCode)
  if (!department) throw new Error(`unknown demo department ${departmentCode}`)
  return `${department.creditCode}-${basicCode}`
}

// JSON Schema field helpers: `title` in Chinese (shown to applicants), `description` in English.

export function text(title: string, description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', title, description, minLength: 1, ...extra }
}

export function integer(title: string, description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'integer', title, description, ...extra }
}

export function decimal(title: string, description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'number', title, description, ...extra }
}

export function yesNo(title: string, description: string): JsonSchema {
  return { type: 'boolean', title, description }
}

export function date(title: string, description: string): JsonSchema {
  return { type: 'string', format: 'date', title, description }
}

export function choice(title: string, description: string, options: ChoiceOptions): JsonSchema {
  return {
    type: 'string',
    title,
    description,
    oneOf: options.map(([value, label]) => ({ const: value, title: label })),
  }
}

export function multiChoice(
  title: string,
  description: string,
  options: ChoiceOptions,
  minItems = 1,
): JsonSchema {
  return {
    type: 'array',
    title,
    description,
    items: {
      type: 'string',
      oneOf: options.map(([value, label]) => ({ const: value, title: label })),
    },
    uniqueItems: true,
    minItems,
    maxItems: options.length,
  }
}

export function section(
  title: string,
  description: string,
  properties: Record<string, JsonSchema>,
  required: readonly string[] = Object.keys(properties),
): JsonSchema {
  return {
    type: 'object',
    title,
    description,
    properties,
    required: [...required],
    additionalProperties: false,
  }
}

/** A whole application form: an object section with a JSON Schema draft 2020-12 shape. */
export const form = section

// Fields used by many items.

export function personName(title: string, description: string): JsonSchema {
  return text(title, description, { minLength: 2, maxLength: 50 })
}

export function idNumber(title: string, description: string): JsonSchema {
  return text(title, description, { pattern: ID_NUMBER_PATTERN })
}

export function mobile(title: string, description: string): JsonSchema {
  return text(title, description, { pattern: MOBILE_PATTERN })
}

export function creditCode(title: string, description: string): JsonSchema {
  return text(title, description, { pattern: CREDIT_CODE_PATTERN })
}

export function yuan(title: string, description: string): JsonSchema {
  return text(title, description, { pattern: YUAN_PATTERN })
}

export function address(title: string, description: string): JsonSchema {
  return text(title, description, { minLength: 5, maxLength: 200 })
}

export function bankAccount(title: string, description: string): JsonSchema {
  return text(title, description, { pattern: BANK_ACCOUNT_PATTERN })
}

export const DISTRICT_OPTIONS: ChoiceOptions = [
  ['330102', '上城区'],
  ['330105', '拱墅区'],
  ['330106', '西湖区'],
  ['330108', '滨江区'],
  ['330109', '萧山区'],
  ['330110', '余杭区'],
]
