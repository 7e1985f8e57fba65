import { fieldError, type FieldError } from '../../platform/errors.js'

export interface DecisionInput {
  decision: 'confirm' | 'split'
  /** For a split: the groups the cluster's records fall into, each record in exactly one. */
  groups?: string[][]
  reason: string
}

const problem = (pointer: string, code: string, zh: string, en: string) =>
  fieldError(pointer, code, { zh, en })

/** What is wrong with a decision on a cluster of these records, each at its field. */
export function decisionErrors(input: DecisionInput, recordIds: readonly string[]): FieldError[] {
  const errors: FieldError[] = []
  if (input.reason.trim() === '')
    errors.push(problem('/reason', 'required', '须说明审核理由', 'A reason is required'))
  if (input.decision === 'confirm') {
    if (input.groups !== undefined)
      errors.push(
        problem('/groups', 'not_allowed', '确认时不需要分组', 'A confirmation takes no groups'),
      )
    return errors
  }
  const groups = input.groups ?? []
  if (groups.length < 2)
    errors.push(
      problem('/groups', 'too_few', '拆分须至少分为两组', 'A split needs at least two groups'),
    )
  const members = new Set(recordIds)
  const placed = new Set<string>()
  groups.forEach((group, g) =>
    group.forEach((id, i) => {
      const at = `/groups/${g}/${i}`
      if (!members.has(id))
        errors.push(
          problem(
            at,
            'not_in_cluster',
            `记录 ${id} 不在该组中`,
            `Record ${id} is not in the cluster`,
          ),
        )
      else if (placed.has(id))
        errors.push(
          problem(
            at,
            'duplicate',
            `记录 ${id} 出现在多个分组`,
            `Record ${id} is in more than one group`,
          ),
        )
      placed.add(id)
    }),
  )
  const missing = recordIds.filter((id) => !placed.has(id))
  if (missing.length > 0)
    errors.push(
      problem(
        '/groups',
        'incomplete',
        `以下记录未分组：${missing.join('、')}`,
        `These records are in no group: ${missing.join(', ')}`,
      ),
    )
  return errors
}
