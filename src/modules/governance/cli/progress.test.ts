import { describe, expect, it } from 'vitest'
import { createReadProgress } from './progress.js'

function fakeStream(isTTY: boolean) {
  const writes: string[] = []
  return { writes, stream: { isTTY, columns: 100, write: (text: string) => writes.push(text) } }
}

/** Feeds `rows` events, one every `msPerRow`, with bytes proportional to rows. */
function feed(progress: ReturnType<typeof createReadProgress>, clock: { t: number }, rows: number) {
  for (let i = 1; i <= rows; i++) {
    clock.t += 1
    progress.update(i, () => i * 100)
  }
}

describe('read progress', () => {
  it('redraws one bar in place on a terminal with rows, rate and share of bytes, then clears it', () => {
    const { writes, stream } = fakeStream(true)
    const clock = { t: 0 }
    const progress = createReadProgress({ stream, now: () => clock.t, totalBytes: 4_096 * 100 })
    feed(progress, clock, 2_048)
    progress.finish(2_047, 1)
    const bars = writes.filter((w) => w.startsWith('\r') && w.length > 4)
    expect(bars.length).toBeGreaterThan(2)
    expect(bars.at(-1)).toMatch(
      /^\r读取中 reading 2,048 行 rows · 1,000 行\/秒 rows\/s · \[#{10}\.{10}\] 50 %\x1b\[K$/,
    )
    expect(writes.at(-2)).toBe('\r\x1b[K')
    expect(writes.at(-1)).toBe(
      '已读取 read 2,047 行 rows，1 行无法读取 unreadable · 2.0 s · 1,000 行/秒 rows/s\n',
    )
  })

  it('writes a plain line every few seconds when stderr is not a terminal', () => {
    const { writes, stream } = fakeStream(false)
    const clock = { t: 0 }
    const progress = createReadProgress({ stream, now: () => clock.t, totalBytes: null })
    feed(progress, clock, 12_000)
    progress.finish(12_000, 0)
    expect(writes.every((w) => w.endsWith('\n') && !w.includes('\r'))).toBe(true)
    expect(writes.slice(0, -1)).toHaveLength(2)
    expect(writes[0]).toBe('读取中 reading 5,120 行 rows · 1,000 行/秒 rows/s\n')
  })
})
