import { Unsupported } from './env.js'
import type { SyntaxNode } from './syntax-tree.js'

const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', n: '\n', r: '\r', t: '\t' }

/** A string literal's value; `\u` escapes are left to the interpreter. */
export function unescapeString(node: SyntaxNode, literal: string): string {
  const body = literal.replace(/^"/, '').replace(/"$/, '')
  if (/\\u/i.test(body)) throw new Unsupported(node, 'string with \\u escape')
  return body.replace(
    /\\(["\\nrt])/gi,
    (whole, char: string) => ESCAPES[char.toLowerCase()] ?? whole,
  )
}

/** A numeric literal's value, as feelin reads it. */
export function numberOf(text: string): number {
  return text.includes('.') ? parseFloat(text) : parseInt(text)
}
