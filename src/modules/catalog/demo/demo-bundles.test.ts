import { evaluate } from 'feelin'
import { describe, expect, it } from 'vitest'
import Schema from 'typebox/schema'
import { Value } from 'typebox/value'
import { DEMO_PERSONS } from '../../identity/demo/index.js'
import type { ItemContent } from '../catalog.schema.js'
import { BundleContent } from '../catalog.schema.js'
import { DEMO_BUNDLES } from './demo-bundles.js'
import { DEMO_ITEMS } from './demo-items.js'
import { DEMO_BUNDLE_SAMPLES } from './demo-samples.js'
import {
  choiceValues,
  formSchemaProblems,
  isRequiredPath,
  schemaAtPointer,
  valueAtPointer,
  withValueAt,
} from './form-schema-utils.js'

const itemsByCode = new Map(DEMO_ITEMS.map((item) => [item.implementationCode, item]))
const byCode = DEMO_BUNDLES.map((bundle) => [bundle.code, bundle] as const)

function item(code: string): ItemContent {
  const found = itemsByCode.get(code)
  if (!found) throw new Error(`no demo item ${code}`)
  return found
}

function properties(schema: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return (schema.properties ?? {}) as Record<string, Record<string, unknown>>
}

function required(schema: Record<string, unknown>): string[] {
  return Array.isArray(schema.required) ? schema.required.map(String) : []
}

/** Dotted variable paths (e.g. `seal.needed`) a FEEL condition refers to. */
function feelPaths(condition: string): string[] {
  const withoutStrings = condition.replace(/"(?:[^"\\]|\\.)*"/g, '""')
  return withoutStrings.match(/\b[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+/g) ?? []
}

function bundle(code: string): BundleContent {
  const found = DEMO_BUNDLES.find((b) => b.code === code)
  if (!found) throw new Error(`no demo bundle ${code}`)
  return found
}

describe('DEMO_BUNDLES', () => {
  it('are the three demo bundles', () => {
    expect(DEMO_BUNDLES.map((b) => b.code)).toEqual([
      'start_company',
      'open_restaurant',
      'property_transfer',
    ])
  })

  it.each(byCode)('%s validates against BundleContent', (_, b) => {
    const errors = [...Value.Errors(BundleContent, b)]
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([])
    expect(Value.Check(BundleContent, b)).toBe(true)
  })

  it.each(byCode)('%s has a sane merged form of sections', (_, b) => {
    expect(b.formSchema.type).toBe('object')
    expect(formSchemaProblems(b.formSchema)).toEqual([])
    for (const [name, sectionSchema] of Object.entries(properties(b.formSchema))) {
      expect(sectionSchema.type, name).toBe('object')
    }
    expect(() => Schema.Compile(b.formSchema)).not.toThrow()
  })

  it.each(byCode)('%s has members that exist, once each', (_, b) => {
    const codes = b.members.map((m) => m.implementationCode)
    expect(new Set(codes).size).toBe(codes.length)
    for (const code of codes) expect(itemsByCode.has(code), code).toBe(true)
  })

  it.each(byCode)('%s maps every item field onto the merged form', (_, b) => {
    for (const member of b.members) {
      const itemSchema = item(member.implementationCode).formSchema
      const itemFields = properties(itemSchema)
      expect(Object.keys(member.fieldMap).sort(), member.implementationCode).toEqual(
        Object.keys(itemFields).sort(),
      )
      for (const field of required(itemSchema)) {
        expect(member.fieldMap[field], `${member.implementationCode} ${field}`).toBeDefined()
      }
      for (const [field, pointer] of Object.entries(member.fieldMap)) {
        const target = schemaAtPointer(b.formSchema, pointer)
        const source = itemFields[field]
        expect(target, `${field} → ${pointer}`).toBeDefined()
        if (!target || !source) continue
        expect(target.type, `${field} → ${pointer}`).toBe(source.type)
        expect(target.pattern, `${field} → ${pointer}`).toBe(source.pattern)
        expect(target.format, `${field} → ${pointer}`).toBe(source.format)
        const allowed = choiceValues(source)
        if (allowed) {
          for (const value of choiceValues(target) ?? []) expect(allowed).toContain(value)
        }
      }
    }
  })

  it.each(byCode)('%s has FEEL conditions over required merged-form fields', (_, b) => {
    for (const member of b.members) {
      if (member.condition === null) continue
      const paths = feelPaths(member.condition)
      expect(paths.length, member.condition).toBeGreaterThan(0)
      for (const path of paths) {
        const pointer = `/${path.split('.').join('/')}`
        expect(schemaAtPointer(b.formSchema, pointer), path).toBeDefined()
        expect(isRequiredPath(b.formSchema, pointer), `${path} must be required`).toBe(true)
      }
      expect(() => evaluate(member.condition ?? '', {})).not.toThrow()
    }
  })
})

describe('DEMO_BUNDLE_SAMPLES', () => {
  const persons = new Map(DEMO_PERSONS.map((p) => [p.idNumber, p]))
  const samples = DEMO_BUNDLE_SAMPLES.map((s) => [s.title, s] as const)

  it('cover every bundle and include and exclude every conditional member', () => {
    for (const b of DEMO_BUNDLES) {
      const mine = DEMO_BUNDLE_SAMPLES.filter((s) => s.bundleCode === b.code)
      expect(mine.length, b.code).toBeGreaterThan(0)
      for (const member of b.members.filter((m) => m.condition !== null)) {
        const included = mine.map((s) => s.expectedMembers.includes(member.implementationCode))
        expect(included, `${b.code} ${member.condition}`).toContain(true)
        expect(included, `${b.code} ${member.condition}`).toContain(false)
      }
    }
  })

  it.each(samples)('%s is a valid bundle application by demo persons', (_, sample) => {
    const b = bundle(sample.bundleCode)
    const validator = Schema.Compile(b.formSchema)
    const [valid, errors] = validator.Errors(sample.form)
    expect(errors, JSON.stringify(errors, null, 2)).toEqual([])
    expect(valid).toBe(true)
    expect(persons.has(sample.applicantIdNumber)).toBe(true)
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit)
      else if (typeof value === 'object' && value !== null) {
        const record = value as Record<string, unknown>
        if (typeof record.idNumber === 'string') {
          expect(persons.get(record.idNumber)?.name, record.idNumber).toBe(record.name)
        }
        Object.values(record).forEach(visit)
      }
    }
    visit(sample.form)
  })

  it.each(samples)('%s selects the expected members with FEEL', (_, sample) => {
    const b = bundle(sample.bundleCode)
    const selected = b.members.filter((member) => {
      if (member.condition === null) return true
      const result = evaluate(member.condition, sample.form)
      expect(result.warnings, member.condition).toEqual([])
      expect(typeof result.value, member.condition).toBe('boolean')
      return result.value === true
    })
    expect(selected.map((m) => m.implementationCode)).toEqual(sample.expectedMembers)
  })

  it.each(samples)('%s yields valid item applications through the field maps', (_, sample) => {
    const b = bundle(sample.bundleCode)
    let merged = sample.form
    for (const [pointer, value] of Object.entries(sample.backfill)) {
      // Filled in by the platform from an earlier member's result, never by the applicant.
      expect(schemaAtPointer(b.formSchema, pointer), pointer).toBeDefined()
      expect(valueAtPointer(merged, pointer), pointer).toBeUndefined()
      merged = withValueAt(merged, pointer, value)
    }
    for (const member of b.members) {
      if (!sample.expectedMembers.includes(member.implementationCode)) continue
      const target = item(member.implementationCode)
      const application: Record<string, unknown> = {}
      for (const [field, pointer] of Object.entries(member.fieldMap)) {
        const value = valueAtPointer(merged, pointer)
        if (value !== undefined) application[field] = value
      }
      const [valid, errors] = Schema.Compile(target.formSchema).Errors(application)
      expect(errors, `${target.name.zh}: ${JSON.stringify(errors, null, 2)}`).toEqual([])
      expect(valid).toBe(true)
    }
  })
})
