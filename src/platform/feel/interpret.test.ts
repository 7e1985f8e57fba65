import { describe, expect, it } from 'vitest'
import { interpret } from './interpret.js'

describe('interpret', () => {
  it('returns a runtime error instead of throwing when a context function throws', () => {
    const context = {
      lookup: () => {
        throw new Error('boom')
      },
    }
    const result = interpret('lookup()', 'expression', context)
    expect(result).toMatchObject({ ok: false, error: { kind: 'runtime', position: null } })
    expect(!result.ok && result.error.message.en).toContain('boom')
  })

  it('passes engine warnings through with offsets', () => {
    const result = interpret('1 + missing', 'expression', {})
    expect(result.ok && result.warnings).toContainEqual(
      expect.objectContaining({ type: 'NO_VARIABLE_FOUND', offset: 4 }),
    )
  })
})
