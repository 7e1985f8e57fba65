import { describe, expect, it } from 'vitest'
import { positionAt, snippetAt } from './position.js'

describe('positionAt', () => {
  it('maps offsets to 1-based lines and columns', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ offset: 0, line: 1, column: 1 })
    expect(positionAt('ab\ncd', 3)).toEqual({ offset: 3, line: 2, column: 1 })
    expect(positionAt('ab\ncd', 5)).toEqual({ offset: 5, line: 2, column: 3 })
  })

  it('clamps offsets outside the source', () => {
    expect(positionAt('ab', 99)).toEqual({ offset: 2, line: 1, column: 3 })
  })

  it('counts an astral character as one column', () => {
    expect(positionAt('𠀀x', 3).column).toBe(3)
  })
})

describe('snippetAt', () => {
  it('renders the line with a caret and drops a trailing carriage return', () => {
    expect(snippetAt('a\r\nbc', { offset: 4, line: 2, column: 2 })).toBe('bc\n ^')
  })
})
