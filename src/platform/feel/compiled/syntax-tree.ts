import { parseExpression, parseUnaryTests } from 'feelin'
import type { FeelKind } from '../types.js'

/** A lezer node copied into a plain tree, so the compiler can recurse over children. */
export type SyntaxNode = {
  readonly name: string
  readonly from: number
  readonly to: number
  readonly children: SyntaxNode[]
}

/** Parses with an empty context; names with spaces still come out as one VariableName. */
export function syntaxTree(source: string, kind: FeelKind): SyntaxNode {
  const tree =
    kind === 'unaryTests'
      ? parseUnaryTests(source, {}, undefined)
      : parseExpression(source, {}, undefined)
  const root: SyntaxNode = { name: 'root', from: 0, to: source.length, children: [] }
  const stack = [root]
  tree.iterate({
    enter(node) {
      if (node.type.isSkipped) return false
      const copy: SyntaxNode = { name: node.name, from: node.from, to: node.to, children: [] }
      stack.at(-1)?.children.push(copy)
      stack.push(copy)
      return undefined
    },
    leave(node) {
      if (!node.type.isSkipped) stack.pop()
    },
  })
  return root.children[0] ?? root
}

/** The children that carry meaning, without brackets, commas and keywords. */
export function operands(node: SyntaxNode): SyntaxNode[] {
  return node.children.filter((child) => !PUNCTUATION.has(child.name))
}

const PUNCTUATION = new Set(['(', ')', '[', ']', '{', '}', ',', '..', '.', ':'])
