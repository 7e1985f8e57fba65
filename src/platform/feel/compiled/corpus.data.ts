import type { CorpusCase } from './corpus-contexts.js'
import { operatorCases } from './corpus-operators.data.js'
import { valueCases } from './corpus-values.data.js'

export type { CorpusCase } from './corpus-contexts.js'
export { decimalDifferences, deferred, unaryTests, unsupported } from './corpus-edges.data.js'

/** Every expression whose compiled result must equal feelin's. */
export const expressions: readonly CorpusCase[] = [...operatorCases, ...valueCases]
