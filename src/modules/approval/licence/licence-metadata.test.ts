import { describe, expect, it } from 'vitest'
import { canonicalForm, LICENCE_CANONICAL_PROFILE } from './licence-metadata.js'
import type { LicenceMetadata } from './licence-metadata.js'
import { IDENTIFIER, ISSUER_CODE, sampleMetadata, TYPE_CODE } from './licence-fixtures.js'

const small = (): LicenceMetadata => ({
  ...sampleMetadata(),
  holder: { name: '张三', code: '11010519491231002X', kind: 'natural_person' },
  validUntil: null,
  data: { 等级: 'A', 分数: 95.5 },
})

describe('canonicalForm', () => {
  it('is sorted, compact JSON with the profile marker', () => {
    expect(canonicalForm(small())).toBe(
      [
        `{"data":{"分数":95.5,"等级":"A"}`,
        `"holder":{"code":"11010519491231002X","kind":"natural_person","name":"张三"}`,
        `"identifier":"${IDENTIFIER}"`,
        `"issuedOn":"2026-03-02"`,
        `"issuer":{"code":"${ISSUER_CODE}","name":"杭州市西湖区市场监督管理局"}`,
        `"legalBasis":"《中华人民共和国食品安全法》第三十五条"`,
        `"name":"食品经营许可证"`,
        `"number":"JY23301060012345"`,
        `"profile":"${LICENCE_CANONICAL_PROFILE}"`,
        `"type":{"code":"${TYPE_CODE}","name":"食品经营许可证"}`,
        `"validFrom":"2026-03-02"`,
        `"validUntil":null}`,
      ].join(','),
    )
  })

  it('does not depend on the order fields were set in', () => {
    const metadata = sampleMetadata()
    const reordered = Object.fromEntries(Object.entries(metadata).reverse()) as LicenceMetadata
    const data = Object.fromEntries(Object.entries(metadata.data).reverse())
    expect(canonicalForm({ ...reordered, data })).toBe(canonicalForm(metadata))
  })

  it('reads decomposed and composed text alike', () => {
    const composed = { ...sampleMetadata(), name: 'Café licence' }
    const decomposed = { ...composed, name: 'Cafe\u0301 licence' }
    expect(canonicalForm(decomposed)).toBe(canonicalForm(composed))
  })

  it('ignores fields outside LicenceMetadata', () => {
    const extra = { ...sampleMetadata(), databaseId: 7 }
    expect(canonicalForm(extra)).toBe(canonicalForm(sampleMetadata()))
  })

  it('refuses nested values in the licence data', () => {
    const nested = {
      ...sampleMetadata(),
      data: { 地址: { 省: '浙江' } },
    } as unknown as LicenceMetadata
    expect(() => canonicalForm(nested)).toThrow(/^LICENCE_METADATA_NOT_CANONICAL/)
  })

  it('refuses numbers JSON cannot carry', () => {
    const metadata = { ...sampleMetadata(), data: { 面积: Number.NaN } }
    expect(() => canonicalForm(metadata)).toThrow(/^LICENCE_METADATA_NOT_CANONICAL/)
  })
})
