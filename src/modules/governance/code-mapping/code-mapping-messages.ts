import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'

export function unknownCodeMessage(
  localValue: string,
  code: string,
  standard: string,
): LocalizedMessage {
  return {
    zh: `本地值「${localValue}」映射到的代码 ${code} 不在 ${standard} 中`,
    en: `Local value "${localValue}" maps to code ${code}, which is not in ${standard}`,
  }
}

export function conflictingValueMessage(
  localValue: string,
  other: string,
  code: string,
  otherCode: string,
): LocalizedMessage {
  return {
    zh: `本地值「${localValue}」与「${other}」视为同一值，却分别映射到 ${code} 和 ${otherCode}`,
    en: `Local values "${localValue}" and "${other}" are the same value but map to ${code} and ${otherCode}`,
  }
}

export function wrongCodeSetMessage(expected: string, actual: string): LocalizedMessage {
  return {
    zh: `映射针对代码集 ${expected}，却用 ${actual} 校验`,
    en: `The mapping is for code set ${expected} but was checked against ${actual}`,
  }
}
