import { describe, expect, it } from 'vitest'
import { csvChunks, LongLineError } from './csv-chunks.js'
import { useTempDir } from './test-support.js'

const dir = useTempDir()

async function chunksOf(path: string, chunkBytes: number, maxLineBytes = 1_000) {
  const out = []
  for await (const chunk of csvChunks(path, chunkBytes, maxLineBytes)) {
    out.push({ ...chunk, text: Buffer.from(chunk.bytes).toString('utf8') })
  }
  return out
}

describe('cutting a file into chunks of whole lines', () => {
  it('ends each chunk after a line break and numbers its first line', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => `${i + 1},第${i + 1}行`)
    const path = await dir.write('lines.csv', `${lines.join('\n')}\n`)
    const chunks = await chunksOf(path, 64)
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks.map((c) => c.text).join('')).toBe(`${lines.join('\n')}\n`)
    for (const chunk of chunks.slice(0, -1)) {
      expect(chunk.text.endsWith('\n')).toBe(true)
      expect(chunk.text.startsWith(`${chunk.firstLine},`)).toBe(true)
      expect(chunk.breaks).toBe(chunk.text.split('\n').length - 1)
    }
    expect(chunks.map((c) => [c.first, c.last])).toEqual(
      chunks.map((_, i) => [i === 0, i === chunks.length - 1]),
    )
  })

  it('keeps a line longer than a chunk whole, and refuses one past the limit', async () => {
    const path = await dir.write('long.csv', `a\n${'x'.repeat(300)}\nb\n`)
    const chunks = await chunksOf(path, 64)
    expect(chunks.map((c) => c.text).join('')).toBe(`a\n${'x'.repeat(300)}\nb\n`)
    await expect(chunksOf(path, 64, 100)).rejects.toBeInstanceOf(LongLineError)
  })

  it('gives a file without a final line break as its last chunk', async () => {
    const path = await dir.write('open-end.csv', 'h\n1\n2')
    const chunks = await chunksOf(path, 1024)
    expect(chunks).toHaveLength(1)
    expect(chunks[0]).toMatchObject({ text: 'h\n1\n2', firstLine: 1, first: true, last: true })
  })
})
