import { FeelRange } from 'feelin'
import { kindOf } from './values.js'

/** FEEL `string(from)`: nested strings are quoted, context keys quoted when not a plain word. */
export function toFeelString(value: unknown, nested = false): string {
  const kind = kindOf(value)
  switch (kind) {
    case 'null':
      return 'null'
    case 'string':
      return nested ? quote(value as string) : (value as string)
    case 'number':
    case 'boolean':
      return String(value)
    case 'list':
      return `[${(value as unknown[]).map((item) => toFeelString(item, true)).join(', ')}]`
    case 'context':
      return `{${Object.entries(value as Record<string, unknown>)
        .map(([key, item]) => `${keyText(key)}: ${toFeelString(item, true)}`)
        .join(', ')}}`
    case 'range':
      return value instanceof FeelRange ? '<range>' : ''
    case 'date':
    case 'date time':
    case 'duration':
      return (value as { iso: string }).iso
  }
}

function keyText(key: string): string {
  return /\W/.test(key) ? quote(key) : key
}

function quote(text: string): string {
  return `"${text.replace(/("|\\)/g, '\\$1')}"`
}
