import { describe, expect, it } from 'vitest'
import { createLineSplitter } from './lines.js'

describe('the line splitter', () => {
  const split = (chunks: string[], max = 100) => {
    const splitter = createLineSplitter(max)
    return [...chunks.flatMap((chunk) => splitter.push(chunk)), ...splitter.end()]
  }

  it('numbers lines across \\n, \\r\\n and \\r, even when \\r\\n is split between chunks', () => {
    const lines = split(['a\r', '\nb\n', 'c\rd\r\n', '\ne'])
    expect(lines.map((l) => [l.line, l.text])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [3, 'c'],
      [4, 'd'],
      [5, ''],
      [6, 'e'],
    ])
  })

  it('marks an over-long line and keeps only its beginning', () => {
    const lines = split(['ok\n', 'x'.repeat(300), 'y'.repeat(300), '\nnext'], 250)
    expect(lines.map((l) => [l.line, l.overlong, l.text.length])).toEqual([
      [1, false, 2],
      [2, true, 200],
      [3, false, 4],
    ])
  })
})
