import { findDivision } from '../../../platform/standards/index.js'
import type { Division } from '../../../platform/standards/index.js'
import type { ValueCheck } from './standard.types.js'
import { failed, PASSED } from './value-check.js'

/** A GB/T 2260 division code at any level (province, city or county). */
export function checkDivisionCode(value: string): ValueCheck {
  if (!/^\d{6}$/.test(value)) {
    return failed('division.bad_format', {
      zh: '行政区划代码应为6位数字',
      en: 'A division code has 6 digits',
    })
  }
  if (findDivision(value) === undefined) {
    return failed('division.unknown', {
      zh: `${value} 不是有效的行政区划代码（GB/T 2260）`,
      en: `${value} is not a known division code (GB/T 2260)`,
    })
  }
  return PASSED
}

// Longest first, so 壮族自治区 is stripped before 自治区.
const SUFFIXES = [
  '特别行政区',
  '壮族自治区',
  '回族自治区',
  '维吾尔自治区',
  '自治区',
  '省',
  '市',
  '地区',
  '盟',
]

/** 浙江省 → 浙江, 广西壮族自治区 → 广西; a name left shorter than 2 characters is not used. */
function shortForm(name: string): string | undefined {
  const suffix = SUFFIXES.find((s) => name.endsWith(s))
  const short = suffix === undefined ? undefined : name.slice(0, -suffix.length)
  return short !== undefined && short.length >= 2 ? short : undefined
}

/**
 * Names an address may mention to lie in the division: its own name and, when they appear in
 * its full name (placeholders such as 市辖区 do not), its city's and province's, each also in
 * short form (杭州, 浙江). County names are kept whole: 西湖 alone is too ambiguous.
 */
function namesOf(division: Division): string[] {
  const city = division.cityCode === null ? undefined : findDivision(division.cityCode)
  const province = findDivision(division.provinceCode)
  const parents = [city, province].filter(
    (parent): parent is Division =>
      parent !== undefined &&
      parent.code !== division.code &&
      division.fullName.includes(parent.name),
  )
  const whole = [division.name, ...parents.map((parent) => parent.name)]
  const short = [division.level === 'county' ? undefined : division.name, ...whole.slice(1)]
    .map((name) => (name === undefined ? undefined : shortForm(name)))
    .filter((name): name is string => name !== undefined)
  return [...new Set([...whole, ...short])]
}

const namesCache = new Map<string, readonly string[]>()

function cachedNames(division: Division): readonly string[] {
  let names = namesCache.get(division.code)
  if (names === undefined) {
    names = namesOf(division)
    namesCache.set(division.code, names)
  }
  return names
}

/** The names checkAddressInDivision accepts for a division code; empty for an unknown code. */
export function divisionNames(code: string): readonly string[] {
  const division = findDivision(code)
  return division === undefined ? [] : cachedNames(division)
}

/**
 * Address ↔ division consistency: the address mentions the division's name or its parent
 * city's or province's name. Lenient by design: 浙江省宁波市… passes for 330106 西湖区, since
 * only a province is certain to be written; an address in another province fails.
 */
export function checkAddressInDivision(address: string, divisionCode: string): ValueCheck {
  const names = divisionNames(divisionCode)
  if (names.length === 0) return checkDivisionCode(divisionCode)
  const text = address.normalize('NFKC')
  if (names.some((name) => text.includes(name))) return PASSED
  const fullName = findDivision(divisionCode)?.fullName ?? divisionCode
  return failed('address.division_mismatch', {
    zh: `地址未提及所属行政区划“${fullName}”`,
    en: `The address does not mention its division ${fullName} (${divisionCode})`,
  })
}
