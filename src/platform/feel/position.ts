import type { FeelPosition } from './types.js'

/** Converts a UTF-16 offset into a 1-based line and column (columns count code points). */
export function positionAt(source: string, offset: number): FeelPosition {
  const clamped = Math.max(0, Math.min(offset, source.length))
  const before = source.slice(0, clamped)
  const lineStart = before.lastIndexOf('\n') + 1
  const line = countNewlines(before) + 1
  const column = Array.from(before.slice(lineStart)).length + 1
  return { offset: clamped, line, column }
}

/** Renders the line holding `position` and a caret under its column. */
export function snippetAt(source: string, position: FeelPosition): string {
  const lineText = source.split('\n')[position.line - 1] ?? ''
  const text = lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText
  return `${text}\n${' '.repeat(position.column - 1)}^`
}

function countNewlines(text: string): number {
  let count = 0
  for (const char of text) if (char === '\n') count++
  return count
}
