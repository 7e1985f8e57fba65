import { describe, expect, it } from 'vitest'
import { findTableOverlaps } from './table-overlap.js'
import { tableFromYaml } from './test-fixtures.js'

function overlaps(rows: string, inputs = '[{ expression: employees }, { expression: industry }]') {
  const yaml = `
hitPolicy: UNIQUE
inputs: ${inputs}
outputs: [{ name: out }]
rules:
${rows}
`
  return findTableOverlaps(tableFromYaml(yaml, ['employees', 'industry', 'limit', 'since']))
}

describe('findTableOverlaps', () => {
  it('finds rules with identical cells', () => {
    const found = overlaps(`
  - { when: ['< 10', '"C"'], then: ['1'] }
  - { when: ['>= 10', '"C"'], then: ['2'] }
  - { when: ['< 10', '"C"'], then: ['3'] }
`)
    expect(found.map((o) => o.rules)).toEqual([[0, 2]])
    expect(found[0]?.witness).toEqual([9, 'C'])
  })

  it('treats - as matching anything', () => {
    const found = overlaps(`
  - { when: ['-', '"C"'], then: ['1'] }
  - { when: ['> 300', '-'], then: ['2'] }
`)
    expect(found).toEqual([{ rules: [0, 1], witness: [301, 'C'] }])
  })

  it('finds overlapping numeric intervals and passes touching open and closed ends', () => {
    expect(
      overlaps(`
  - { when: ['[1..5]', '-'], then: ['1'] }
  - { when: ['(5..10]', '-'], then: ['2'] }
  - { when: ['> 10', '-'], then: ['3'] }
`),
    ).toEqual([])
    expect(
      overlaps(`
  - { when: ['[1..5]', '-'], then: ['1'] }
  - { when: ['[5..10]', '-'], then: ['2'] }
`),
    ).toEqual([{ rules: [0, 1], witness: [5, null] }])
    expect(
      overlaps(`
  - { when: ['< 20', '-'], then: ['1'] }
  - { when: ['[10..30)', '-'], then: ['2'] }
`).map((o) => o.rules),
    ).toEqual([[0, 1]])
  })

  it('finds overlapping literal lists and not(…)', () => {
    expect(
      overlaps(`
  - { when: ['-', '"C", "D"'], then: ['1'] }
  - { when: ['-', '"D", "E"'], then: ['2'] }
  - { when: ['-', '"F"'], then: ['3'] }
`),
    ).toEqual([{ rules: [0, 1], witness: [null, 'D'] }])
    expect(
      overlaps(`
  - { when: ['-', 'not("C", "D")'], then: ['1'] }
  - { when: ['-', '"C", "D"'], then: ['2'] }
`),
    ).toEqual([])
    expect(
      overlaps(`
  - { when: ['-', 'not("C")'], then: ['1'] }
  - { when: ['-', '"C", "D"'], then: ['2'] }
`).map((o) => o.witness),
    ).toEqual([[null, 'D']])
  })

  it('needs every column to overlap', () => {
    expect(
      overlaps(`
  - { when: ['< 10', '"C"'], then: ['1'] }
  - { when: ['< 10', '"D"'], then: ['2'] }
`),
    ).toEqual([])
  })

  it('compares dates through the days around each literal', () => {
    const dates = (rows: string) => overlaps(rows, '[{ expression: since }]')
    expect(
      dates(`
  - { when: ['< date("2020-01-01")'], then: ['1'] }
  - { when: ['>= date("2020-01-01")'], then: ['2'] }
`),
    ).toEqual([])
    expect(
      dates(`
  - { when: ['<= date("2020-01-01")'], then: ['1'] }
  - { when: ['>= date("2020-01-01")'], then: ['2'] }
`).map((o) => o.rules),
    ).toEqual([[0, 1]])
  })

  it('leaves out entries that read other variables (not decidable statically)', () => {
    expect(
      overlaps(`
  - { when: ['< limit', '-'], then: ['1'] }
  - { when: ['> 5', '-'], then: ['2'] }
`),
    ).toEqual([])
  })
})
