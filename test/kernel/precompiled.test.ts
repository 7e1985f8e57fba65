import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { precompiledInsert, precompiledUpdate } from '../../src/platform/db/precompiled.js'
import { createTestDatabase, testDialects, type TestDatabase } from '../support/databases.js'

interface Row {
  id: string
  n: number
  note: string | null
}

const insert = precompiledInsert<Row>('scratch_rows', ['id', 'n', 'note'])
const bump = precompiledUpdate<Pick<Row, 'n' | 'note'>, Pick<Row, 'id' | 'n'>>(
  'scratch_rows',
  ['n', 'note'],
  ['id', 'n'],
)

describe.each(testDialects())('precompiled writes (%s)', (dialect) => {
  let d: TestDatabase
  beforeEach(async () => {
    d = await createTestDatabase(dialect)
    await d.db.schema
      .createTable('scratch_rows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('note', 'text')
      .execute()
  })
  afterEach(async () => {
    await d.close()
    await d.dispose()
  })

  it('inserts one row or many, past the 50 rows of one statement', async () => {
    await insert(d.db, { id: 'one', n: 1, note: null })
    await insert(
      d.db,
      Array.from({ length: 120 }, (_, i) => ({ id: `r${i}`, n: i, note: `第${i}行` })),
    )
    const rows = await d.db.selectFrom('scratch_rows').selectAll().orderBy('n').execute()
    expect(rows).toHaveLength(121)
    expect(rows.at(-1)).toEqual({ id: 'r119', n: 119, note: '第119行' })
  })

  it('updates by key and says how many rows changed, so a version check can refuse', async () => {
    await insert(d.db, { id: 'a', n: 1, note: null })
    expect(await bump(d.db, { n: 2, note: 'moved' }, { id: 'a', n: 1 })).toBe(1)
    expect(await bump(d.db, { n: 3, note: 'stale' }, { id: 'a', n: 1 })).toBe(0)
    expect(await d.db.selectFrom('scratch_rows').selectAll().execute()).toEqual([
      { id: 'a', n: 2, note: 'moved' },
    ])
  })
})
