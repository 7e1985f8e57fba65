import type { CsvPartProblem, CsvPartSetup } from '../input/csv-part.js'
import type { ProfileOptions, ProfilerState } from '../profile/index.js'
import type { DataStandard } from '../standards/index.js'
import type { PartState, QualityRunOptions } from './quality-run.js'
import type { QualityRuleSpec } from './rule.types.js'

/** What a check worker is started with (structured-cloneable: no reference rules). */
export interface CheckWorkerSetup {
  standard: DataStandard
  specs: readonly QualityRuleSpec[]
  run: QualityRunOptions
  csv: CsvPartSetup
  /** Profile the columns too (the CLI's report), with these options; null: no profile. */
  profile: ProfileOptions | null
}

/** A check worker's messages: ready once, then one per chunk sent (a CsvChunk). */
export type FromWorker =
  | { kind: 'ready' }
  | {
      kind: 'done'
      index: number
      problem: CsvPartProblem | null
      state: PartState
      profile: ProfilerState | null
    }
  | { kind: 'failed'; message: string }
