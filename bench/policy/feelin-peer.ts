import { evaluate } from 'feelin'

/** feelin interpreting one policy's expression: parses and walks the tree on every call. */
export function feelinEligible(expression: string, context: Record<string, unknown>): boolean {
  return evaluate(expression, context).value === true
}
