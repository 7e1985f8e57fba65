import { isIsoDate } from './fact-values.js'
import { at, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'
import type { LocalizedText } from './policy.types.js'

export type Fields = Record<string, unknown>

/** Reads untyped input field by field, collecting an issue (with its JSON pointer) per problem. */
export class Reader {
  readonly issues: PolicyIssue[] = []

  /** An object with only the `allowed` keys (others are reported, typos included). */
  object(value: unknown, path: string, allowed: readonly string[]): Fields | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.invalid(path, '应为对象', 'must be an object')
      return null
    }
    for (const key of Object.keys(value)) {
      if (allowed.includes(key)) continue
      this.issues.push(
        issue(
          at(path, key),
          'POLICY_FIELD_UNKNOWN',
          `未知字段“${key}”，可用字段：${allowed.join('、')}`,
          `Unknown field '${key}'; expected one of: ${allowed.join(', ')}`,
        ),
      )
    }
    return value as Fields
  }

  array(fields: Fields, key: string, path: string, required = true): unknown[] {
    const value = fields[key]
    if (value === undefined || value === null) {
      if (required) this.required(at(path, key))
      return []
    }
    if (!Array.isArray(value)) {
      this.invalid(at(path, key), '应为列表', 'must be a list')
      return []
    }
    return value as unknown[]
  }

  string(fields: Fields, key: string, path: string, required = true): string | undefined {
    const value = fields[key]
    if (value === undefined || value === null) {
      if (required) this.required(at(path, key))
      return undefined
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.invalid(at(path, key), '应为非空字符串', 'must be a non-empty string')
      return undefined
    }
    return value
  }

  /** A string passing `test`, described in both languages for the message. */
  matching(
    fields: Fields,
    key: string,
    path: string,
    test: (value: string) => boolean,
    what: LocalizedText,
  ): string | undefined {
    const value = this.string(fields, key, path)
    if (value === undefined || test(value)) return value
    this.invalid(at(path, key), `应为${what.zh}`, `must be ${what.en}`)
    return undefined
  }

  oneOf<T extends string>(
    fields: Fields,
    key: string,
    path: string,
    options: readonly T[],
    required = true,
  ): T | undefined {
    const value = this.string(fields, key, path, required)
    if (value === undefined) return undefined
    if ((options as readonly string[]).includes(value)) return value as T
    this.invalid(
      at(path, key),
      `应为以下之一：${options.join('、')}`,
      `must be one of: ${options.join(', ')}`,
    )
    return undefined
  }

  date(fields: Fields, key: string, path: string, required = true): string | undefined {
    const value = fields[key]
    if ((value === undefined || value === null) && !required) return undefined
    const text = this.string(fields, key, path, required)
    if (text === undefined || isIsoDate(text)) return text
    this.invalid(
      at(path, key),
      '应为 YYYY-MM-DD 格式的有效日期',
      'must be a valid date written YYYY-MM-DD',
    )
    return undefined
  }

  boolean(fields: Fields, key: string, path: string, fallback: boolean): boolean {
    const value = fields[key]
    if (value === undefined || value === null) return fallback
    if (typeof value === 'boolean') return value
    this.invalid(at(path, key), '应为 true 或 false', 'must be true or false')
    return fallback
  }

  integer(fields: Fields, key: string, path: string, range: [number, number]): number | undefined {
    const value = fields[key]
    if (value === undefined || value === null) return undefined
    if (
      typeof value === 'number' &&
      Number.isInteger(value) &&
      value >= range[0] &&
      value <= range[1]
    )
      return value
    this.invalid(
      at(path, key),
      `应为 ${range[0]} 到 ${range[1]} 之间的整数`,
      `must be an integer from ${range[0]} to ${range[1]}`,
    )
    return undefined
  }

  text(fields: Fields, key: string, path: string, required = true): LocalizedText | undefined {
    const value = fields[key]
    if ((value === undefined || value === null) && !required) return undefined
    if (value === undefined || value === null) {
      this.required(at(path, key))
      return undefined
    }
    const text = this.object(value, at(path, key), ['zh', 'en'])
    if (text === null) return undefined
    const zh = this.string(text, 'zh', at(path, key))
    const en = this.string(text, 'en', at(path, key))
    return zh === undefined || en === undefined ? undefined : { zh, en }
  }

  strings(fields: Fields, key: string, path: string): string[] | undefined {
    const value = fields[key]
    if (value === undefined || value === null) return undefined
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value
    this.invalid(at(path, key), '应为字符串列表', 'must be a list of strings')
    return undefined
  }

  required(path: string): void {
    this.issues.push(issue(path, 'POLICY_FIELD_REQUIRED', '缺少必填字段', 'This field is required'))
  }

  invalid(path: string, zh: string, en: string): void {
    this.issues.push(issue(path, 'POLICY_FIELD_INVALID', `字段${zh}`, `The field ${en}`))
  }
}
