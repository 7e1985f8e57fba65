import { checkStandard } from './check-standard.js'
import { LEGAL_PERSON_STANDARD } from './legal-person-standard.js'
import { POPULATION_STANDARD } from './population-standard.js'
import { StandardDefinitionError, UnknownStandardError } from './standard-errors.js'
import type { DataElement, DataStandard } from './standard.types.js'

export interface StandardRegistry {
  /** The standard with this code; throws UnknownStandardError listing the known codes. */
  find(code: string): DataStandard
  list(): readonly DataStandard[]
}

/** Checks a standard and returns it; throws StandardDefinitionError naming each bad element. */
export function defineStandard(standard: DataStandard): DataStandard {
  const issues = checkStandard(standard)
  if (issues.length > 0) throw new StandardDefinitionError(standard.code, issues)
  return standard
}

/** A registry of checked standards; two standards with one code are refused. */
export function createStandardRegistry(standards: readonly DataStandard[]): StandardRegistry {
  const byCode = new Map<string, DataStandard>()
  for (const standard of standards) {
    if (byCode.has(standard.code)) {
      const message = {
        zh: `数据标准代码“${standard.code}”重复`,
        en: `Two standards share the code "${standard.code}"`,
      }
      throw new StandardDefinitionError(standard.code, [
        { code: 'standard.duplicate_code', element: null, message },
      ])
    }
    byCode.set(standard.code, defineStandard(standard))
  }
  const list = [...byCode.values()]
  return {
    find(code) {
      const standard = byCode.get(code)
      if (standard === undefined) throw new UnknownStandardError(code, [...byCode.keys()])
      return standard
    },
    list: () => list,
  }
}

/** The standards the platform ships: 人口基础信息 and 法人基础信息. */
export const BUILT_IN_STANDARDS: readonly DataStandard[] = [
  POPULATION_STANDARD,
  LEGAL_PERSON_STANDARD,
]

const builtIns = createStandardRegistry(BUILT_IN_STANDARDS)

/** A built-in standard by code ('population', 'legal_person'); throws UnknownStandardError. */
export const findStandard = (code: string): DataStandard => builtIns.find(code)

export const listStandards = (): readonly DataStandard[] => builtIns.list()

/** An element of a standard by key, or undefined. */
export function findElement(standard: DataStandard, key: string): DataElement | undefined {
  return standard.elements.find((element) => element.key === key)
}
