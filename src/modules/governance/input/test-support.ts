/** Helpers for this folder's tests: fixtures are written to a temp dir, never committed. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { readRows } from './read-rows.js'
import type { ReadOptions, ReadSummary, RowEvent } from './types.js'

/** A temp dir for the calling test file, removed after it; `write` puts a fixture there. */
export function useTempDir() {
  let dir = ''
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tongban-input-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })
  return {
    path: (name: string): string => join(dir, name),
    write: async (name: string, content: string | Uint8Array): Promise<string> => {
      const path = join(dir, name)
      await writeFile(path, content)
      return path
    },
  }
}

/** Reads a whole file into memory: for small fixtures only. */
export async function readAll(
  path: string,
  options?: ReadOptions,
): Promise<{ events: RowEvent[]; summary: ReadSummary }> {
  const reader = readRows(path, options)
  const events: RowEvent[] = []
  for await (const event of reader) events.push(event)
  return { events, summary: reader.summary() }
}

/** The records of the row events. */
export const recordsOf = (events: RowEvent[]) =>
  events.flatMap((event) => (event.kind === 'row' ? [event.record] : []))

/** The line and code of the error events. */
export const errorsOf = (events: RowEvent[]) =>
  events.flatMap((event) =>
    event.kind === 'error' ? [{ line: event.line, code: event.reason.code }] : [],
  )
