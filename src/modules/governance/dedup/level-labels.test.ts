import { describe, expect, it } from 'vitest'
import { LEVEL_LABELS } from './level-labels.js'
import { COMPARATOR_LEVELS } from './types.js'

describe('level labels', () => {
  it('name every comparison level in Chinese and English', () => {
    for (const level of [...Object.values(COMPARATOR_LEVELS).flat(), 'missing'] as const) {
      expect(LEVEL_LABELS[level].zh).not.toBe('')
      expect(LEVEL_LABELS[level].en).not.toBe('')
    }
  })
})
