import { parseExpression, parseUnaryTests } from 'feelin'
import { positionAt, snippetAt } from './position.js'
import type { FeelKind, FeelMessage, FeelSyntaxError } from './types.js'

type Tree = ReturnType<typeof parseExpression>
type ErrorSite = { from: number; to: number; parent: string }

/**
 * Parses `source` with feelin's lezer-feel grammar and returns the first error node
 * (lezer's `⚠`, `type.isError`) as a positioned syntax error, or null when clean.
 * Parsing uses an empty context: names with spaces are still read as one name.
 */
export function findSyntaxError(source: string, kind: FeelKind): FeelSyntaxError | null {
  if (source.trim() === '') return syntaxError(source, source.length, emptyMessage())
  const tree = parseTree(source, kind)
  const site = firstErrorSite(tree) ?? (kind === 'expression' ? strayUnaryTest(tree) : null)
  if (site === null) return null
  return syntaxError(source, site.from, describe(source, site))
}

function parseTree(source: string, kind: FeelKind): Tree {
  if (kind === 'unaryTests') return parseUnaryTests(source, {}, undefined)
  return parseExpression(source, {}, undefined)
}

function firstErrorSite(tree: Tree): ErrorSite | null {
  let site: ErrorSite | null = null
  tree.iterate({
    enter(node) {
      if (site !== null) return false
      if (!node.type.isError) return undefined
      site = { from: node.from, to: node.to, parent: node.node.parent?.name ?? 'Expression' }
      return false
    },
  })
  return site
}

/**
 * lezer-feel accepts `a = = b` by reading `= b` as a unary test; in a plain expression a unary
 * test belongs only after `in`, so anywhere else it is the second operator of a typo.
 */
function strayUnaryTest(tree: Tree): ErrorSite | null {
  let site: ErrorSite | null = null
  tree.iterate({
    enter(node) {
      if (site !== null) return false
      const parent = node.node.parent?.name
      if (node.name !== 'SimplePositiveUnaryTest' || parent !== 'Comparison') return undefined
      site = { from: node.from, to: node.from + 1, parent }
      return false
    },
  })
  return site
}

function describe(source: string, site: ErrorSite): FeelMessage {
  if (site.to > site.from) return unexpectedToken(source.slice(site.from, site.to))
  if (source.slice(site.from).trim() === '') return unexpectedEnd(site.parent)
  return unexpectedToken(nextToken(source, site.from))
}

function nextToken(source: string, offset: number): string {
  const rest = source.slice(offset).trimStart()
  return /^\S+/.exec(rest)?.[0] ?? ''
}

function unexpectedToken(token: string): FeelMessage {
  return { zh: `无法识别的符号 '${token}'`, en: `Unexpected token '${token}'` }
}

function unexpectedEnd(construct: string): FeelMessage {
  return {
    zh: `表达式意外结束：${construct} 不完整`,
    en: `Unexpected end of input: incomplete ${construct}`,
  }
}

function emptyMessage(): FeelMessage {
  return { zh: '表达式为空', en: 'Expression is empty' }
}

function syntaxError(source: string, offset: number, message: FeelMessage): FeelSyntaxError {
  const position = positionAt(source, offset)
  return { kind: 'syntax', message, position, snippet: snippetAt(source, position) }
}
