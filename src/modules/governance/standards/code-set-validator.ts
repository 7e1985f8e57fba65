import { findCode, findCodeSet } from '../code-mapping/index.js'
import type { ValueCheck } from './standard.types.js'
import { checkDivisionCode } from './division-validators.js'
import { failed, PASSED } from './value-check.js'
import type { ValueValidator } from './value-check.js'

/** The code-set id that means GB/T 2260 divisions rather than a code-mapping set. */
export const DIVISION_CODE_SET = 'division'

/** True for 'division' and for every national code set code-mapping carries. */
export function isKnownCodeSet(id: string): boolean {
  return id === DIVISION_CODE_SET || findCodeSet(id) !== undefined
}

/** A validator of membership in a code set; throws RangeError for an unknown code-set id. */
export function codeSetValidator(codeSetId: string): ValueValidator {
  if (codeSetId === DIVISION_CODE_SET) return checkDivisionCode
  const codeSet = findCodeSet(codeSetId)
  if (codeSet === undefined) throw new RangeError(`Unknown code set ${codeSetId}`)
  return (value: string): ValueCheck => {
    if (findCode(codeSet, value) !== undefined) return PASSED
    return failed('code.unknown', {
      zh: `代码“${value}”不在 ${codeSet.standard} ${codeSet.title.zh}中`,
      en: `Code "${value}" is not in ${codeSet.standard} ${codeSet.title.en}`,
    })
  }
}
