import type { ValueCheck } from './standard.types.js'
import { failed, PASSED } from './value-check.js'

/** GB/T 4754-2017 sections (门类) and the first and last two-digit division (大类) of each. */
const SECTIONS: Readonly<Record<string, readonly [number, number]>> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
}

const PATTERN = /^([A-T])(\d{2,4})?$/

/**
 * A GB/T 4754 industry code written section letter first: 'C', 'C35', 'C351', 'C3511'. The
 * two-digit division must belong to the letter's section (C35 yes, A35 no).
 */
export function checkIndustryCode(value: string): ValueCheck {
  const match = PATTERN.exec(value.toUpperCase())
  const range = match?.[1] === undefined ? undefined : SECTIONS[match[1]]
  if (!match || range === undefined) {
    return failed('gb4754.bad_format', {
      zh: '行业代码应为门类字母加2至4位数字，如 C3511',
      en: 'An industry code is a section letter and 2 to 4 digits, such as C3511',
    })
  }
  const digits = match[2]
  if (digits === undefined) return PASSED
  const division = Number(digits.slice(0, 2))
  if (division >= range[0] && division <= range[1]) return PASSED
  return failed('gb4754.section_mismatch', {
    zh: `行业大类 ${digits.slice(0, 2)} 不属于门类 ${match[1]}`,
    en: `Division ${digits.slice(0, 2)} is not in section ${match[1]}`,
  })
}
