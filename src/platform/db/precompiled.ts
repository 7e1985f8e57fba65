import { CompiledQuery, PostgresAdapter, type Kysely } from 'kysely'

/**
 * Fixed-shape INSERTs and UPDATEs whose SQL is written once per dialect, for the writes every
 * step makes (action rows, task projections, the case's version bump). Kysely's builder compiles
 * each query afresh (building, freezing and visiting its operation tree): ~20 µs a statement,
 * more than SQLite takes to run it. The SQL text is also the statement cache's key, and one
 * string reused is hashed once.
 */

type Dialect = 'sqlite' | 'postgres'
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any module's narrowed handle
type AnyDb = Kysely<any>

const MAX_ROWS = 50

function dialectOf(db: AnyDb): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite'
}

const mark = (dialect: Dialect, index: number) => (dialect === 'postgres' ? `$${index}` : '?')

/** Inserts rows of `columns` into `table`, up to 50 a statement. */
export function precompiledInsert<Row>(table: string, columns: ReadonlyArray<keyof Row & string>) {
  const texts = new Map<string, string>()
  const text = (dialect: Dialect, count: number) => {
    const key = `${dialect}:${count}`
    let found = texts.get(key)
    if (found === undefined) {
      const rows = Array.from(
        { length: count },
        (_, r) =>
          `(${columns.map((_, c) => mark(dialect, r * columns.length + c + 1)).join(', ')})`,
      )
      found = `insert into ${table} (${columns.join(', ')}) values ${rows.join(', ')}`
      texts.set(key, found)
    }
    return found
  }
  return async (db: AnyDb, rows: Row | readonly Row[]): Promise<void> => {
    const all: readonly Row[] = Array.isArray(rows) ? rows : [rows as Row]
    const dialect = dialectOf(db)
    for (let i = 0; i < all.length; i += MAX_ROWS) {
      const chunk = all.slice(i, i + MAX_ROWS)
      const params = chunk.flatMap((row) => columns.map((column) => row[column]))
      await db.executeQuery(CompiledQuery.raw(text(dialect, chunk.length), params))
    }
  }
}

/**
 * `update table set <set columns> where <key columns> = …`; returns the rows changed (an
 * optimistic version check reads it).
 */
export function precompiledUpdate<Set, Key>(
  table: string,
  set: ReadonlyArray<keyof Set & string>,
  where: ReadonlyArray<keyof Key & string>,
) {
  const texts = new Map<Dialect, string>()
  const text = (dialect: Dialect) => {
    let found = texts.get(dialect)
    if (found === undefined) {
      const assignments = set.map((column, i) => `${column} = ${mark(dialect, i + 1)}`)
      const conditions = where.map(
        (column, i) => `${column} = ${mark(dialect, set.length + i + 1)}`,
      )
      found = `update ${table} set ${assignments.join(', ')} where ${conditions.join(' and ')}`
      texts.set(dialect, found)
    }
    return found
  }
  return async (db: AnyDb, values: Set, key: Key): Promise<number> => {
    const params = [...set.map((column) => values[column]), ...where.map((column) => key[column])]
    const result = await db.executeQuery(CompiledQuery.raw(text(dialectOf(db)), params))
    return Number(result.numAffectedRows ?? 0)
  }
}
