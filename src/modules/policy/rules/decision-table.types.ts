/** DMN 1.3 hit policies (OUTPUT ORDER included for completeness). */
export type HitPolicy =
  'UNIQUE' | 'FIRST' | 'PRIORITY' | 'ANY' | 'COLLECT' | 'RULE ORDER' | 'OUTPUT ORDER'

export const HIT_POLICIES: readonly HitPolicy[] = [
  'UNIQUE',
  'FIRST',
  'PRIORITY',
  'ANY',
  'COLLECT',
  'RULE ORDER',
  'OUTPUT ORDER',
]

/** COLLECT aggregations: C+, C<, C>, C#. */
export type Aggregation = 'SUM' | 'MIN' | 'MAX' | 'COUNT'

export const AGGREGATIONS: readonly Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT']

/** An input column: a FEEL expression over the facts, tested by the rules' unary tests. */
export type TableInput = {
  readonly expression: string
  readonly label?: string
}

/** An output column; `values` (FEEL literals, comma-separated) orders PRIORITY and OUTPUT ORDER. */
export type TableOutput = {
  readonly name: string
  readonly label?: string
  readonly values?: string
}

/** One row: a FEEL unary test per input (`-` matches anything), a FEEL expression per output. */
export type TableRule = {
  /** The DMN rule id, when read from XML. */
  readonly id?: string
  readonly when: readonly string[]
  readonly then: readonly string[]
  readonly description?: string
}

export type DecisionTable = {
  readonly hitPolicy: HitPolicy
  readonly aggregation?: Aggregation
  readonly inputs: readonly TableInput[]
  readonly outputs: readonly TableOutput[]
  readonly rules: readonly TableRule[]
}
