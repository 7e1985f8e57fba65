/** Plain-text helpers for terminal output: thousands, scores, and padding that counts CJK as 2. */

export const count = (n: number): string => (n === 0 ? 0 : n).toLocaleString('en-US')

export const score = (value: number | null): string => (value === null ? '—' : value.toFixed(2))

export const percent = (share: number): string => `${(share * 100).toFixed(1)} %`

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

// East Asian wide and fullwidth ranges (Hangul, CJK, Kana, fullwidth forms, CJK extension planes).
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u

/** Columns a text takes in a terminal: wide characters count 2, others 1. */
export function displayWidth(text: string): number {
  let width = 0
  for (const char of text) width += WIDE.test(char) ? 2 : 1
  return width
}

/** The text cut to at most `width` columns, ending in … when cut. */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text
  let out = ''
  let used = 0
  for (const char of text) {
    const w = WIDE.test(char) ? 2 : 1
    if (used + w > width - 1) break
    out += char
    used += w
  }
  return `${out}…`
}

export const padEnd = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)))

export const padStart = (text: string, width: number): string =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text

/** A text table: a header row and rows, columns padded; `right` marks right-aligned columns. */
export function table(header: readonly string[], rows: readonly string[][], right: number[] = []) {
  const widths = header.map((h, c) =>
    Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[c] ?? ''))),
  )
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => {
        const width = widths[c] ?? 0
        return right.includes(c) ? padStart(cell, width) : padEnd(cell, width)
      })
      .join('  ')
      .trimEnd()
  return [line(header), ...rows.map(line)].join('\n')
}
