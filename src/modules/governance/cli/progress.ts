import type { ProgressStream } from './cli-io.js'
import { count, seconds, truncate } from './text-format.js'

export interface ProgressOptions {
  stream: ProgressStream
  now: () => number
  /** The file's size, for the share read; null when unknown. */
  totalBytes: number | null
  /** Not a terminal: one line every this many ms (default 5,000). */
  lineIntervalMs?: number
}

export interface ReadProgress {
  /** Events (rows and unreadable rows) so far; `bytesRead` is asked only when shown. Cheap per row. */
  update(events: number, bytesRead: () => number): void
  /** Clears the bar and prints the final line. */
  finish(rows: number, unreadable: number): void
  /** Clears the bar before another message (an error). */
  clear(): void
}

const REDRAW_MS = 100
const BAR_CELLS = 20
const CHECK_EVERY = 256

/** "45 %" and a bar when the size is known. */
function share(bytesRead: number, totalBytes: number | null, bar: boolean): string {
  if (totalBytes === null || totalBytes === 0) return ''
  const fraction = Math.min(1, bytesRead / totalBytes)
  const filled = Math.round(fraction * BAR_CELLS)
  const cells = bar ? ` [${'#'.repeat(filled)}${'.'.repeat(BAR_CELLS - filled)}]` : ''
  return ` ·${cells} ${Math.floor(fraction * 100)} %`
}

const rate = (events: number, ms: number): string =>
  `${count(Math.round(events / Math.max(ms / 1000, 0.001)))} 行/秒 rows/s`

/**
 * Progress of a read on stderr: on a terminal a bar redrawn in place (rows, rows/s, share of
 * bytes); otherwise a plain line every few seconds, so logs stay readable.
 */
export function createReadProgress(options: ProgressOptions): ReadProgress {
  const { stream, now, totalBytes } = options
  const tty = stream.isTTY === true
  const interval = tty ? REDRAW_MS : (options.lineIntervalMs ?? 5_000)
  const started = now()
  let last = started
  let checked = 0
  let shown = false
  const text = (events: number, bytesRead: number): string =>
    `读取中 reading ${count(events)} 行 rows · ${rate(events, now() - started)}` +
    share(bytesRead, totalBytes, tty)
  const draw = (line: string): void => {
    const columns = stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80
    const width = Math.max(20, columns - 1)
    stream.write(`\r${truncate(line, width)}\x1b[K`)
    shown = true
  }
  const clear = (): void => {
    if (shown) stream.write('\r\x1b[K')
    shown = false
  }
  return {
    update(events, bytesRead) {
      if (events - checked < CHECK_EVERY) return
      checked = events
      const at = now()
      if (at - last < interval) return
      last = at
      if (tty) draw(text(events, bytesRead()))
      else stream.write(`${text(events, bytesRead())}\n`)
    },
    finish(rows, unreadable) {
      clear()
      const ms = now() - started
      const bad = unreadable > 0 ? `，${count(unreadable)} 行无法读取 unreadable` : ''
      stream.write(
        `已读取 read ${count(rows)} 行 rows${bad} · ${seconds(ms)} · ${rate(rows + unreadable, ms)}\n`,
      )
    },
    clear,
  }
}
