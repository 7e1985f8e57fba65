import { isPlainName } from './feel-names.js'
import { at, issue } from './policy-issues.js'
import type { PolicyIssue } from './policy-issues.js'
import { EVALUATION_DATE, FACT_TYPES } from './policy.types.js'
import type {
  AmountSpec,
  ConditionSpec,
  DecisionSpec,
  FactDeclaration,
  PolicyDocument,
  PolicyVersion,
} from './policy.types.js'
import { Reader } from './read-helpers.js'
import { readDecision } from './read-table.js'
import type { DmnLibrary } from './read-table.js'
import { readTestCases } from './read-tests.js'

export type ReadResult =
  { ok: true; document: PolicyDocument } | { ok: false; issues: PolicyIssue[] }

const DOCUMENT_FIELDS = [
  'code',
  'name',
  'department',
  'documentNumber',
  'basis',
  'effective',
  'exemptApplication',
  'facts',
  'versions',
  'tests',
]
const CODE = {
  zh: '小写字母、数字和连字符组成的编码',
  en: 'a code of lower-case letters, digits and hyphens',
}
const FACT_NAME = {
  zh: `单个 FEEL 名称（字母开头，不含空格，非关键字，非 ${EVALUATION_DATE}）`,
  en: `one FEEL name (a letter first, no spaces, not a keyword, not ${EVALUATION_DATE})`,
}
const CONDITION_ID = {
  zh: '字母、数字、连字符组成的标识',
  en: 'an id of letters, digits and hyphens',
}

/**
 * Checks the shape of a policy document (parsed from YAML or JSON) and returns it typed, or every
 * problem found, each at its JSON pointer. FEEL is not compiled here (compilePolicy does that);
 * DMN decisions the document refers to must be in `dmn`.
 */
export function readPolicyDocument(value: unknown, dmn: DmnLibrary = new Map()): ReadResult {
  const reader = new Reader()
  const fields = reader.object(value, '', DOCUMENT_FIELDS)
  if (fields === null) return { ok: false, issues: reader.issues }
  const code = reader.matching(fields, 'code', '', (v) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), CODE)
  const name = reader.text(fields, 'name', '')
  const department = reader.string(fields, 'department', '')
  const documentNumber = reader.string(fields, 'documentNumber', '')
  const basis = reader.strings(fields, 'basis', '') ?? []
  const effective = readEffective(reader, fields['effective'])
  const exemptApplication = reader.boolean(fields, 'exemptApplication', '', false)
  const facts = readFacts(reader, reader.array(fields, 'facts', ''))
  const versions = reader
    .array(fields, 'versions', '')
    .map((version, i) => readVersion(reader, version, at('/versions', i), facts, dmn))
  if (versions.length === 0 && fields['versions'] !== undefined)
    reader.issues.push(
      issue(
        '/versions',
        'POLICY_FIELD_REQUIRED',
        '至少需要一个版本',
        'At least one version is required',
      ),
    )
  const tests = readTestCases(reader, reader.array(fields, 'tests', '', false), facts)
  const complete = versions.every((version): version is PolicyVersion => version !== null)
  if (
    reader.issues.length > 0 ||
    !complete ||
    code === undefined ||
    name === undefined ||
    department === undefined ||
    documentNumber === undefined ||
    effective === null
  ) {
    return { ok: false, issues: reader.issues }
  }
  const document: PolicyDocument = {
    code,
    name,
    department,
    documentNumber,
    basis,
    effective,
    exemptApplication,
    facts,
    versions,
    tests,
  }
  const periodIssues = checkPeriods(document)
  return periodIssues.length > 0 ? { ok: false, issues: periodIssues } : { ok: true, document }
}

function readEffective(reader: Reader, value: unknown): PolicyDocument['effective'] | null {
  if (value === undefined) {
    reader.required('/effective')
    return null
  }
  const fields = reader.object(value, '/effective', ['from', 'to'])
  if (fields === null) return null
  const from = reader.date(fields, 'from', '/effective')
  const to = reader.date(fields, 'to', '/effective', false) ?? null
  return from === undefined ? null : { from, to }
}

function readFacts(reader: Reader, values: unknown[]): FactDeclaration[] {
  const facts: FactDeclaration[] = []
  values.forEach((value, i) => {
    const path = at('/facts', i)
    const fields = reader.object(value, path, ['name', 'type', 'unit', 'label', 'values'])
    if (fields === null) return
    const name = reader.matching(
      fields,
      'name',
      path,
      (v) => isPlainName(v) && v !== EVALUATION_DATE,
      FACT_NAME,
    )
    const type = reader.oneOf(fields, 'type', path, FACT_TYPES)
    const unit = reader.string(fields, 'unit', path, false)
    const label = reader.text(fields, 'label', path)
    const allowed = reader.strings(fields, 'values', path)
    if (name === undefined || type === undefined || label === undefined) return
    if (facts.some((fact) => fact.name === name)) {
      reader.issues.push(
        issue(
          at(path, 'name'),
          'POLICY_NAME_DUPLICATE',
          `事实“${name}”重复声明`,
          `Fact '${name}' is declared twice`,
        ),
      )
      return
    }
    facts.push({
      name,
      type,
      label,
      ...(unit === undefined ? {} : { unit }),
      ...(allowed === undefined ? {} : { values: allowed }),
    })
  })
  return facts
}

function readVersion(
  reader: Reader,
  value: unknown,
  path: string,
  facts: readonly FactDeclaration[],
  dmn: DmnLibrary,
): PolicyVersion | null {
  const fields = reader.object(value, path, [
    'validFrom',
    'validTo',
    'documentNumber',
    'decisions',
    'eligibility',
    'amount',
    'outcome',
  ])
  if (fields === null) return null
  const before = reader.issues.length
  const validFrom = reader.date(fields, 'validFrom', path)
  const validTo = reader.date(fields, 'validTo', path, false) ?? null
  const documentNumber = reader.string(fields, 'documentNumber', path, false)
  const decisions = readDecisions(
    reader,
    reader.array(fields, 'decisions', path, false),
    at(path, 'decisions'),
    facts,
    dmn,
  )
  const eligibility = readConditions(
    reader,
    reader.array(fields, 'eligibility', path),
    at(path, 'eligibility'),
  )
  const amount =
    fields['amount'] === undefined ? null : readAmount(reader, fields['amount'], at(path, 'amount'))
  const outcome = reader.string(fields, 'outcome', path, false) ?? null
  if (reader.issues.length > before || validFrom === undefined) return null
  return {
    validFrom,
    validTo,
    ...(documentNumber === undefined ? {} : { documentNumber }),
    decisions,
    eligibility,
    amount,
    outcome,
  }
}

function readDecisions(
  reader: Reader,
  values: unknown[],
  path: string,
  facts: readonly FactDeclaration[],
  dmn: DmnLibrary,
): DecisionSpec[] {
  const decisions: DecisionSpec[] = []
  values.forEach((value, i) => {
    const decision = readDecision(reader, value, at(path, i), dmn)
    if (decision === null) return
    if (
      facts.some((fact) => fact.name === decision.name) ||
      decisions.some((d) => d.name === decision.name)
    ) {
      reader.issues.push(
        issue(
          at(at(path, i), 'name'),
          'POLICY_NAME_DUPLICATE',
          `名称“${decision.name}”已被事实或其他决策使用`,
          `Name '${decision.name}' is already a fact or another decision`,
        ),
      )
      return
    }
    decisions.push(decision)
  })
  return decisions
}

function readConditions(reader: Reader, values: unknown[], path: string): ConditionSpec[] {
  if (values.length === 0)
    reader.issues.push(
      issue(
        path,
        'POLICY_FIELD_REQUIRED',
        '至少需要一个条件',
        'At least one condition is required',
      ),
    )
  const conditions: ConditionSpec[] = []
  values.forEach((value, i) => {
    const conditionPath = at(path, i)
    const fields = reader.object(value, conditionPath, ['id', 'description', 'expression'])
    if (fields === null) return
    const id = reader.matching(
      fields,
      'id',
      conditionPath,
      (v) => /^[\p{L}\p{N}]+([-_][\p{L}\p{N}]+)*$/u.test(v),
      CONDITION_ID,
    )
    const description = reader.text(fields, 'description', conditionPath)
    const expression = reader.string(fields, 'expression', conditionPath)
    if (id === undefined || description === undefined || expression === undefined) return
    if (conditions.some((condition) => condition.id === id)) {
      reader.issues.push(
        issue(
          at(conditionPath, 'id'),
          'POLICY_NAME_DUPLICATE',
          `条件标识“${id}”重复`,
          `Condition id '${id}' is used twice`,
        ),
      )
      return
    }
    conditions.push({ id, description, expression })
  })
  return conditions
}

function readAmount(reader: Reader, value: unknown, path: string): AmountSpec | null {
  const fields = reader.object(value, path, ['expression', 'unit', 'scale'])
  if (fields === null) return null
  const expression = reader.string(fields, 'expression', path)
  const unit = reader.string(fields, 'unit', path)
  const scale = reader.integer(fields, 'scale', path, [0, 8]) ?? 2
  return expression === undefined || unit === undefined ? null : { expression, unit, scale }
}

/** Versions in date order, not overlapping, each inside the policy's effective period. */
function checkPeriods(document: PolicyDocument): PolicyIssue[] {
  const issues: PolicyIssue[] = []
  const { from, to } = document.effective
  if (to !== null && to < from)
    issues.push(
      issue(
        '/effective/to',
        'POLICY_FIELD_INVALID',
        '失效日期早于生效日期',
        'The end date is before the start date',
      ),
    )
  document.versions.forEach((version, i) => {
    const path = at('/versions', i)
    const end = version.validTo ?? '9999-12-31'
    if (end < version.validFrom)
      issues.push(
        issue(
          at(path, 'validTo'),
          'POLICY_FIELD_INVALID',
          '版本失效日期早于生效日期',
          "The version's end date is before its start date",
        ),
      )
    if (version.validFrom < from || end > (to ?? '9999-12-31')) {
      issues.push(
        issue(
          path,
          'POLICY_VERSION_OUTSIDE_EFFECTIVE',
          `版本有效期 ${version.validFrom}～${version.validTo ?? '长期'} 超出政策有效期 ${from}～${to ?? '长期'}`,
          `Version ${version.validFrom}..${version.validTo ?? 'open'} lies outside the policy's period ${from}..${to ?? 'open'}`,
        ),
      )
    }
    const previous = document.versions[i - 1]
    if (
      previous !== undefined &&
      (previous.validTo === null || previous.validTo >= version.validFrom)
    ) {
      issues.push(
        issue(
          at(path, 'validFrom'),
          'POLICY_VERSION_OVERLAP',
          `版本 ${i} 与版本 ${i - 1} 的有效期重叠或顺序颠倒`,
          `Version ${i} overlaps version ${i - 1} or comes before it`,
        ),
      )
    }
  })
  return issues
}
