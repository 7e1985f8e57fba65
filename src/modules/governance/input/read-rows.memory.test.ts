import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { readRows } from './read-rows.js'
import { useTempDir } from './test-support.js'

const dir = useTempDir()
const ROWS = 300_000
const MB = 1024 * 1024

/** Writes the file a row at a time, waiting on the stream, so the test itself stays small. */
async function writeLargeCsv(path: string): Promise<void> {
  const out = createWriteStream(path)
  out.write('序号,姓名,身份证号,出生日期,地址\n')
  for (let i = 0; i < ROWS; i++) {
    const id = `11010119900101${String(i % 10_000).padStart(4, '0')}`
    const row = `${i},张三${i},${id},1990-01-01,"北京市东城区某某街道 ${i} 号, 2 单元"\n`
    if (!out.write(row)) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
}

describe('reading a large file', () => {
  it('reads 300,000 rows with the heap growing far less than the data', async () => {
    const path = dir.path('large.csv')
    await writeLargeCsv(path)
    const gc = (globalThis as { gc?: () => void }).gc
    gc?.()
    const before = process.memoryUsage().heapUsed
    let peak = 0
    let last: Record<string, string | null> = {}
    const reader = readRows(path)
    for await (const event of reader) {
      if (event.kind !== 'row') continue
      last = event.record
      if (event.line % 20_000 === 0) {
        peak = Math.max(peak, process.memoryUsage().heapUsed - before)
      }
    }
    // Holding the rows would take well over 100 MB; streaming stays within a few chunks.
    expect(peak).toBeLessThan(60 * MB)
    expect(reader.summary()).toMatchObject({ rows: ROWS, errors: 0, complete: true })
    expect(last).toMatchObject({
      序号: String(ROWS - 1),
      地址: `北京市东城区某某街道 ${ROWS - 1} 号, 2 单元`,
    })
  })
})
