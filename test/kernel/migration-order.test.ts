import { describe, expect, it } from 'vitest'
import { ALL_MIGRATIONS } from '../../src/app.js'

/**
 * Every migration a release has shipped, in the order installations ran them (name order). Kysely
 * refuses to start on a database whose executed migrations are not a prefix of the known ones in
 * name order, so a new migration must be named to sort after all of these; append it here.
 */
const SHIPPED = [
  '2026-11-29T1300-create-platform-tables',
  '2026-11-29T1310-create-identity-tables',
  '2026-11-29T1320-create-catalog-tables',
  '2026-11-29T1600-create-approval-tables',
  '2026-11-29T1700-create-approval-ratings',
  '2026-11-29T1800-create-approval-materials',
  '2026-11-29T1810-create-approval-copies',
  '2026-11-29T2000-audit-sealing',
  '2026-11-29T2100-create-approval-shared-data',
  '2026-11-29T2200-create-policy-tables',
  '2026-12-01T0900-create-governance-tables',
  '2026-12-02T0900-create-identity-preferences',
  '2026-12-03T0900-add-governance-run-jobs',
  '2026-12-03T1000-create-governance-outliers',
  '2026-12-04T0900-create-insight-tables',
  '2026-12-05T0900-create-approval-drafts',
]

describe('migration names', () => {
  it('sort every new migration after the shipped ones, so upgraded installations start', () => {
    const names = ALL_MIGRATIONS.map((m) => m.name).sort()
    expect(names.slice(0, SHIPPED.length)).toEqual(SHIPPED)
  })
})
