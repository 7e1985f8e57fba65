import { factValueProblem, isMissing } from './fact-values.js'
import { at, issue } from './policy-issues.js'
import { ELIGIBILITY_STATUSES } from './policy.types.js'
import type { FactDeclaration, PolicyTestCase, PolicyTestExpectation } from './policy.types.js'
import type { Reader } from './read-helpers.js'

const DECIMAL = /^-?\d+(\.\d+)?$/

/** Test cases: name, on (or taxYear → 31 December), facts of declared names and types, expect. */
export function readTestCases(
  reader: Reader,
  values: unknown[],
  facts: readonly FactDeclaration[],
): PolicyTestCase[] {
  return values.flatMap((value, i) => {
    const testCase = readTestCase(reader, value, at('/tests', i), facts)
    return testCase === null ? [] : [testCase]
  })
}

function readTestCase(
  reader: Reader,
  value: unknown,
  path: string,
  facts: readonly FactDeclaration[],
): PolicyTestCase | null {
  const fields = reader.object(value, path, ['name', 'on', 'taxYear', 'facts', 'expect'])
  if (fields === null) return null
  const name = reader.string(fields, 'name', path)
  const on = evaluationDate(reader, fields, path)
  const given = readFacts(reader, fields['facts'], at(path, 'facts'), facts)
  const expect = readExpectation(reader, fields['expect'], at(path, 'expect'), facts)
  if (name === undefined || on === undefined || given === null || expect === null) return null
  return { name, on, facts: given, expect }
}

function evaluationDate(
  reader: Reader,
  fields: Record<string, unknown>,
  path: string,
): string | undefined {
  if (fields['taxYear'] === undefined) return reader.date(fields, 'on', path)
  const year = reader.integer(fields, 'taxYear', path, [1900, 9999])
  if (fields['on'] !== undefined)
    reader.invalid(
      at(path, 'on'),
      '与 taxYear 只能给出一个',
      "cannot be given together with 'taxYear'",
    )
  return year === undefined ? undefined : `${year}-12-31`
}

function readFacts(
  reader: Reader,
  value: unknown,
  path: string,
  facts: readonly FactDeclaration[],
): Record<string, unknown> | null {
  if (value === undefined || value === null) return {}
  if (typeof value !== 'object' || Array.isArray(value)) {
    reader.invalid(path, '应为事实名到取值的映射', 'must map fact names to values')
    return null
  }
  const fields = value as Record<string, unknown>
  let ok = true
  for (const [name, given] of Object.entries(fields)) {
    const fact = facts.find((declared) => declared.name === name)
    if (fact === undefined) {
      ok = false
      reader.issues.push(
        issue(
          at(path, name),
          'POLICY_TEST_FACT_UNKNOWN',
          `测试用例使用了未声明的事实“${name}”`,
          `The test case gives '${name}', which is not a declared fact`,
        ),
      )
      continue
    }
    const problem = isMissing(given) ? null : factValueProblem(fact, given)
    if (problem === null) continue
    ok = false
    reader.issues.push(issue(at(path, name), 'POLICY_TEST_FACT_TYPE', problem.zh, problem.en))
  }
  return ok ? fields : null
}

function readExpectation(
  reader: Reader,
  value: unknown,
  path: string,
  facts: readonly FactDeclaration[],
): PolicyTestExpectation | null {
  const fields = reader.object(value, path, ['status', 'amount', 'outcome', 'need'])
  if (fields === null) return null
  const status = reader.oneOf(fields, 'status', path, ELIGIBILITY_STATUSES)
  const amount = readAmount(reader, fields, path)
  if (amount === INVALID) return null
  const need = reader.strings(fields, 'need', path)
  const unknown = need?.find((name) => !facts.some((fact) => fact.name === name))
  if (unknown !== undefined) {
    reader.issues.push(
      issue(
        at(path, 'need'),
        'POLICY_TEST_FACT_UNKNOWN',
        `need 中的“${unknown}”不是已声明的事实`,
        `'${unknown}' in need is not a declared fact`,
      ),
    )
    return null
  }
  if (status === undefined) return null
  return {
    status,
    ...(amount === undefined ? {} : { amount }),
    ...('outcome' in fields ? { outcome: fields['outcome'] } : {}),
    ...(need === undefined ? {} : { need }),
  }
}

const INVALID = Symbol('invalid')

/** undefined = not compared; null = no amount expected; a string = an exact decimal. */
function readAmount(
  reader: Reader,
  fields: Record<string, unknown>,
  path: string,
): string | null | undefined | typeof INVALID {
  if (!('amount' in fields)) return undefined
  const amount = fields['amount']
  if (amount === null) return null
  const text = typeof amount === 'number' && Number.isFinite(amount) ? String(amount) : amount
  if (typeof text === 'string' && DECIMAL.test(text)) return text
  reader.invalid(
    at(path, 'amount'),
    '应为十进制数（如 1234.56）或 null',
    'must be a decimal number (like 1234.56) or null',
  )
  return INVALID
}
