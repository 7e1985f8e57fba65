import type { IdNumber } from '../../../platform/standards/index.js'
import {
  checkAddressInDivision,
  checkDivisionCode,
  normaliseDate,
  parseIdNumber,
} from '../standards/index.js'
import type { CrossCheckId, ValidationContext } from '../standards/index.js'
import type { CompiledRule, CrossCheckRuleSpec, RowView, RuleOutcome } from './rule.types.js'

type Check = (first: string, second: string, today: string) => RuleOutcome

/** The parsed ID number, or undefined when invalid: its validity rule reports that instead. */
function parsedId(value: string, today: string): IdNumber | undefined {
  const result = parseIdNumber(value, today)
  return result.ok ? result.value : undefined
}

const birthDateMatches: Check = (idNumber, birthDate, today) => {
  const id = parsedId(idNumber, today)
  const date = normaliseDate(birthDate)
  if (id === undefined || date === undefined) return 'skip'
  if (id.birthDate === date) return 'pass'
  return {
    reason: 'consistency.birth_date_mismatch',
    message: {
      zh: `出生日期 ${date} 与身份证号码中的 ${id.birthDate} 不一致`,
      en: `Birth date ${date} differs from ${id.birthDate} in the ID number`,
    },
  }
}

// GB/T 2261.1: 1 male, 2 female; 0 (not known) and 9 (not stated) are not compared.
const SEX_BY_CODE: Readonly<Record<string, IdNumber['sex']>> = { '1': 'male', '2': 'female' }
const SEX_NAMES = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } }

const sexMatches: Check = (idNumber, sexCode, today) => {
  const id = parsedId(idNumber, today)
  const sex = SEX_BY_CODE[sexCode]
  if (id === undefined || sex === undefined) return 'skip'
  if (id.sex === sex) return 'pass'
  return {
    reason: 'consistency.sex_mismatch',
    message: {
      zh: `性别代码 ${sexCode} 与身份证号码所示性别（${SEX_NAMES[id.sex].zh}）不一致`,
      en: `Sex code ${sexCode} differs from the ID number's sex (${SEX_NAMES[id.sex].en})`,
    },
  }
}

const addressInDivision: Check = (address, divisionCode) => {
  if (!checkDivisionCode(divisionCode).ok) return 'skip'
  const result = checkAddressInDivision(address, divisionCode)
  return result.ok ? 'pass' : { reason: result.reason, message: result.message }
}

const CHECKS: Readonly<Record<CrossCheckId, Check>> = {
  id_birth_date_match: birthDateMatches,
  id_sex_match: sexMatches,
  address_division_match: addressInDivision,
}

const NAMES: Readonly<Record<CrossCheckId, { zh: string; en: string }>> = {
  id_birth_date_match: { zh: '出生日期与身份证号码一致', en: 'Birth date matches the ID number' },
  id_sex_match: { zh: '性别与身份证号码一致', en: 'Sex matches the ID number' },
  address_division_match: {
    zh: '地址位于所填行政区划内',
    en: 'The address lies in its division',
  },
}

/** A built-in consistency rule; rows with either field empty or unparseable are skipped. */
export function crossCheckRule(spec: CrossCheckRuleSpec, context: ValidationContext): CompiledRule {
  const check = CHECKS[spec.check]
  const [first, second] = spec.fields
  const today = context.today
  return {
    id: spec.id,
    kind: 'cross_check',
    name: spec.name ?? NAMES[spec.check],
    dimension: 'consistency',
    element: spec.element ?? null,
    fields: spec.fields,
    check(row: RowView) {
      const a = row.values[first] ?? null
      const b = row.values[second] ?? null
      return a === null || b === null ? 'skip' : check(a, b, today)
    },
  }
}
