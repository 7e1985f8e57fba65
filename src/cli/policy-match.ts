import type { App } from '../app.js'
import type { LocalizedText } from '../modules/policy/index.js'
import { DomainError } from '../platform/errors.js'
import { CREDIT_CODE_REASON_MESSAGES, validateCreditCode } from '../platform/standards/index.js'
import { cliActor } from './cli-actor.js'

/** The department whose data officer the CLI acts as unless `--department` names another. */
export const DATA_DEPARTMENT = 'data_bureau'

type Matches = Awaited<ReturnType<App['policy']['reads']['matchesOf']>>
type Match = Matches['matches'][number]
type FactLabels = ReadonlyMap<string, { label: LocalizedText; unit?: string }>
const NO_LABELS: FactLabels = new Map()

const STATUS = {
  eligible: '✓ 符合 eligible',
  possibly_eligible: '? 可能符合 possibly eligible',
  not_eligible: '✗ 不符合 not eligible',
} as const

/** The credit code, normalised, or a usage message naming what is wrong with it (exit 2). */
export function readCreditCode(
  input: string | undefined,
): { ok: true; creditCode: string } | { ok: false; message: string } {
  if (!input) {
    return {
      ok: false,
      message:
        '用法 usage: tongban policy match --enterprise CREDIT_CODE [--department CODE] [--json]',
    }
  }
  const checked = validateCreditCode(input)
  if (checked.ok) return { ok: true, creditCode: checked.value.creditCode }
  const why = CREDIT_CODE_REASON_MESSAGES[checked.reason]
  return {
    ok: false,
    message: `统一社会信用代码 ${input} 无效：${why.zh} / invalid credit code ${input}: ${why.en}`,
  }
}

/**
 * `tongban policy match`: runs the pending jobs (the matching run among them), then prints the
 * enterprise's matches as GET /api/v1/policy/enterprises/:creditCode/matches gives them, read as
 * a data officer of `departmentCode`. 0 printed, 1 unknown enterprise or department.
 */
export async function policyMatchCommand(
  app: App,
  options: { creditCode: string; departmentCode: string; json: boolean },
): Promise<number> {
  const department = await app.identity.departments.findByCode(options.departmentCode)
  if (!department) {
    console.error(
      `部门 ${options.departmentCode} 不存在（用 --department 指定数据专员所在部门）/ no department ${options.departmentCode} (name the data officer’s department with --department)`,
    )
    return 1
  }
  await app.runner.drain()
  const actor = cliActor([{ role: 'data_officer', departmentId: department.id }])
  let result: Matches
  try {
    result = await app.policy.reads.matchesOf(actor, options.creditCode)
  } catch (error: unknown) {
    if (!(error instanceof DomainError) || error.code !== 'POLICY_ENTERPRISE_NOT_FOUND') throw error
    console.error(
      `未找到统一社会信用代码为 ${options.creditCode} 的企业 / no enterprise with credit code ${options.creditCode}`,
    )
    return 1
  }
  if (options.json) {
    console.log(JSON.stringify(result, null, 2))
    return 0
  }
  console.log(formatMatches(result, await factLabels(app)).join('\n'))
  return 0
}

/** Each published policy's fact labels, by policy code and fact name. */
async function factLabels(app: App): Promise<Map<string, FactLabels>> {
  const labels = new Map<string, FactLabels>()
  for (const p of await app.policy.published.list()) {
    labels.set(p.code, new Map(p.compiled.document.facts.map((f) => [f.name, f])))
  }
  return labels
}

/** The matches as text, Chinese first with English beside it. */
function formatMatches(result: Matches, labels: Map<string, FactLabels>): string[] {
  const lines = [`${result.name}  ${result.creditCode}`]
  if (result.evaluatedAt === null) {
    lines.push('尚无匹配结果 / not matched yet')
    return lines
  }
  lines.push(
    `按 ${result.on} 的规则评估于 ${result.evaluatedAt} / rules of ${result.on}, evaluated at ${result.evaluatedAt}`,
  )
  if (result.pending) lines.push('部分结果待下次匹配 / some results wait for the next matching run')
  for (const match of result.matches) {
    lines.push('', ...formatMatch(match, labels.get(match.policy.code) ?? NO_LABELS, result.on))
  }
  const count = (status: Match['status']) =>
    result.matches.filter((m) => m.status === status).length
  const [yes, maybe, no] = [count('eligible'), count('possibly_eligible'), count('not_eligible')]
  lines.push(
    '',
    `${yes} 项符合，${maybe} 项可能符合，${no} 项不符合 / ${yes} eligible, ${maybe} possibly eligible, ${no} not eligible`,
  )
  return lines
}

function formatMatch(match: Match, labels: FactLabels, on: string): string[] {
  const { policy } = match
  const exempt = policy.exemptApplication ? ' · 免申即享 no application needed' : ''
  const lines = [
    `${STATUS[match.status]}  ${policy.name.zh} / ${policy.name.en}`,
    `    ${policy.code} r${policy.revision} · ${policy.documentNumber}${exempt}`,
  ]
  if (match.status === 'not_eligible') {
    const failed = match.conditions.filter((c) => c.status === 'failed' || c.status === 'error')
    if (failed.length === 0)
      lines.push(`    ${on} 无适用的政策版本 / no version of the policy applies on ${on}`)
    for (const c of failed) {
      const how = c.status === 'error' ? '无法判断 error' : '未满足 failed'
      lines.push(`    ${how}: ${c.id} — ${c.description.zh} / ${c.description.en}`)
      lines.push(`      读取 read: ${factText(c.facts, labels)}`)
    }
    return lines
  }
  if (match.need.length > 0) lines.push('    需补充 needs:')
  for (const name of match.need) {
    const label = labels.get(name)?.label
    lines.push(`      ${name}${label ? ` — ${label.zh} / ${label.en}` : ''}`)
  }
  const amount = match.amount ? `${match.amount.value} ${match.amount.unit}` : '—'
  lines.push(`    金额 amount: ${amount}   截止 deadline: ${match.deadline ?? '长期 none'}`)
  return lines
}

/** `employees = 350 人，totalAssets = 缺失 missing`: the values a condition read. */
function factText(facts: Record<string, unknown>, labels: FactLabels): string {
  const entries = Object.entries(facts)
  if (entries.length === 0) return '—'
  const shown = ([name, value]: [string, unknown]) => {
    if (value === null || value === undefined) return `${name} = 缺失 missing`
    const unit = labels.get(name)?.unit
    return `${name} = ${JSON.stringify(value)}${unit ? ` ${unit}` : ''}`
  }
  return entries.map(shown).join('，')
}
