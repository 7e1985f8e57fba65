import { describe, expect, it } from 'vitest'
import Schema from 'typebox/schema'
import { Value } from 'typebox/value'
import { DEMO_DEPARTMENTS } from '../../identity/demo/index.js'
import { ItemContent } from '../catalog.schema.js'
import { DEMO_ITEMS, DEMO_LICENCE_TYPES } from './demo-items.js'
import { formSchemaProblems } from './form-schema-utils.js'

const byName = DEMO_ITEMS.map((item) => [item.name.zh, item] as const)

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length
}

describe('DEMO_ITEMS', () => {
  it('cover the three bundles with at least nine items and unique codes', () => {
    expect(DEMO_ITEMS.length).toBeGreaterThanOrEqual(9)
    expect(unique(DEMO_ITEMS.map((i) => i.basicCode))).toBe(true)
    expect(unique(DEMO_ITEMS.map((i) => i.implementationCode))).toBe(true)
  })

  it.each(byName)('%s validates against ItemContent', (_, item) => {
    const errors = [...Value.Errors(ItemContent, item)]
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([])
    expect(Value.Check(ItemContent, item)).toBe(true)
  })

  it.each(byName)('%s belongs to a demo department and carries its credit code', (_, item) => {
    const department = DEMO_DEPARTMENTS.find((d) => d.code === item.departmentCode)
    expect(department, item.departmentCode).toBeDefined()
    expect(item.implementationCode).toBe(`${department?.creditCode}-${item.basicCode}`)
  })

  it.each(byName)('%s has a sane form schema', (_, item) => {
    expect(item.formSchema.type).toBe('object')
    expect(formSchemaProblems(item.formSchema)).toEqual([])
    expect(item.formSchema.additionalProperties).toBe(false)
    // The schema compiles as JSON Schema 2020-12 and rejects an empty application.
    const validator = Schema.Compile(item.formSchema)
    expect(validator.Check({})).toBe(false)
  })

  it.each(byName)('%s has consistent limits, materials and legal basis', (_, item) => {
    expect(item.promisedLimitDays).toBeLessThanOrEqual(item.statutoryLimitDays)
    if (item.handlingType === 'immediate') expect(item.promisedLimitDays).toBe(0)
    else expect(item.promisedLimitDays).toBeGreaterThan(0)
    expect(unique(item.materials.map((m) => m.code))).toBe(true)
    for (const material of item.materials) {
      if (material.licenceType) expect(DEMO_LICENCE_TYPES).toHaveProperty(material.licenceType)
    }
    for (const basis of item.legalBasis) expect(basis.title).toMatch(/^《.+》/)
    expect(item.guide.address).toContain('示范市政务服务中心')
    expect(item.guide.phone).toContain('12345')
    expect(item.guide.hours).toContain('9:00-17:00')
  })

  it('model the real special procedures and fees', () => {
    const food = DEMO_ITEMS.find((i) => i.name.zh === '食品经营许可')
    expect(food?.statutoryLimitDays).toBe(20)
    expect(food?.specialProcedures.map((p) => p.kind)).toContain('inspection')
    const transfer = DEMO_ITEMS.find((i) => i.departmentCode === 'natural_resources')
    expect(transfer?.fees.map((f) => f.amount)).toContain('80')
    const free = DEMO_ITEMS.filter((i) => i.fees.length === 0)
    expect(free.length).toBe(DEMO_ITEMS.length - 1)
  })
})
