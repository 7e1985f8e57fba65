import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'

/** A problem in a standard's definition; `element` names the element or field at fault. */
export interface StandardIssue {
  code: string
  element: string | null
  message: LocalizedMessage
}

/** No standard has the code asked for; the message lists the known codes. */
export class UnknownStandardError extends Error {
  readonly zh: string
  readonly en: string

  constructor(
    readonly standardCode: string,
    readonly knownCodes: readonly string[],
  ) {
    const known = knownCodes.join(', ')
    const en = `Unknown data standard "${standardCode}" (known: ${known})`
    super(en)
    this.name = 'UnknownStandardError'
    this.zh = `未知的数据标准“${standardCode}”（现有：${known}）`
    this.en = en
  }
}

/** A standard that cannot be used as defined; carries every issue found. */
export class StandardDefinitionError extends Error {
  readonly zh: string
  readonly en: string

  constructor(
    readonly standardCode: string,
    readonly issues: readonly StandardIssue[],
  ) {
    const en = `Data standard "${standardCode}": ${issues.map((i) => i.message.en).join('; ')}`
    super(en)
    this.name = 'StandardDefinitionError'
    this.zh = `数据标准“${standardCode}”：${issues.map((i) => i.message.zh).join('；')}`
    this.en = en
  }
}
