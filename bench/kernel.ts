import { runFigures, type Emit, type Figure } from './figures.js'
import { benchAuthz } from './authz.js'
import { benchAudit } from './kernel/audit.js'
import { benchAuditUseCase } from './kernel/audit-use-case.js'
import { benchHttp } from './kernel/http.js'

export type { Emit } from './figures.js'
const FIGURES: Figure[] = [
  { key: 'http', name: 'item GET over HTTP vs bare Fastify', run: benchHttp },
  {
    key: 'authz',
    name: 'authorisation with 100,000 staff–role assignments',
    run: async () => (await benchAuthz()).map((row) => ({ ...row, bench: 'kernel' })),
  },
  { key: 'audit', name: 'audit cost on a one-row write', run: benchAudit },
  {
    key: 'usecase',
    name: 'audit cost on a one-row write use case (catalogue draft edit)',
    run: benchAuditUseCase,
  },
]

/** The kernel benchmark: http, authz, audit, usecase (see runFigures). */
export function benchKernel(emit: Emit): Promise<void> {
  return runFigures('kernel', FIGURES, emit)
}
