import { describe, expect, it } from 'vitest'
import { computeCreditCodeCheckChar } from '../../../platform/standards/index.js'
import { pick, seededRandom } from './chinese-person-fixtures.js'
import type { Random } from './chinese-person-fixtures.js'
import { findDuplicates } from './dedup.js'
import { generateChinesePersons } from './planted-duplicates-fixtures.js'
import { ENTERPRISE_PRESET, PERSON_PRESET } from './presets.js'
import { pairwiseScores } from './test-fixtures.js'
import type { DedupRecord } from './types.js'

const WORDS = [
  '通达',
  '恒信',
  '华盛',
  '金鼎',
  '宏远',
  '新源',
  '瑞丰',
  '博雅',
  '天成',
  '鑫隆',
  '启明',
]
const TRADES = ['科技', '贸易', '建筑工程', '餐饮管理', '物流', '文化传媒']
const PEOPLE = ['张伟', '李娜', '王芳', '刘洋', '陈静', '杨勇', '赵敏', '黄磊', '周杰', '吴霞']

const enterprise = (random: Random, i: number): DedupRecord => {
  const first17 = `91330102${String(Math.floor(random() * 1e9)).padStart(9, '0')}`
  return {
    id: `e${i}`,
    fields: {
      name: `示范市${pick(random, WORDS)}${pick(random, WORDS)}${pick(random, TRADES)}有限公司`,
      creditCode: first17 + computeCreditCodeCheckChar(first17),
      address: `示范市东城区${pick(random, ['建设路', '人民路', '和平路'])}${1 + Math.floor(random() * 200)}号`,
      legalRepresentative: pick(random, PEOPLE) + pick(random, ['', '华', '明', '红']),
    },
  }
}

/** 300 enterprises and 30 copies: region moved into brackets, code missing, address shortened. */
const enterprises = (): { records: DedupRecord[]; entityOf: (id: string) => string } => {
  const random = seededRandom(5)
  const originals = Array.from({ length: 300 }, (_, i) => enterprise(random, i))
  const copies = originals.slice(0, 30).map((original, i): DedupRecord => {
    const name = original.fields.name ?? ''
    return {
      id: `copy${i}-of-${original.id}`,
      fields: {
        ...original.fields,
        name: i % 2 === 0 ? name.replace(/^示范市(.*)有限公司$/, '$1（示范市）有限公司') : name,
        creditCode: i % 3 === 0 ? null : (original.fields.creditCode ?? null),
        address: (original.fields.address ?? '').replace('示范市', ''),
      },
    }
  })
  return {
    records: [...originals, ...copies],
    entityOf: (id) => id.replace(/^copy\d+-of-/, ''),
  }
}

describe('finding duplicates', () => {
  it('reports the pairs compared, the blocks and the trained model', () => {
    const { records } = generateChinesePersons(1_000, { seed: 3 })
    const result = findDuplicates(records, PERSON_PRESET)
    expect(result.allPairs).toBe(499_500)
    expect(result.pairsCompared).toBe(result.blockStats.reduce((sum, s) => sum + s.pairs, 0))
    expect(result.model.lambda).toBeGreaterThan(0)
    expect(result.model.weights.idNumber?.exact).toBeGreaterThan(5)
    expect(result.model.weights.idNumber?.different).toBeLessThan(0)
    const posteriors = result.possiblePairs.map((p) => p.posterior)
    expect(posteriors).toEqual([...posteriors].sort((a, b) => b - a))
  })

  it('finds duplicate enterprises written with the region in brackets or no credit code', () => {
    const { records, entityOf } = enterprises()
    const result = findDuplicates(records, ENTERPRISE_PRESET)
    const scores = pairwiseScores(
      result.clusters,
      records.map((r) => r.id),
      entityOf,
    )
    expect(scores.precision).toBeGreaterThanOrEqual(0.95)
    expect(scores.recall).toBeGreaterThanOrEqual(0.95)
  })

  it('shows weightless fields as evidence without weight', () => {
    const { records } = generateChinesePersons(1_000, { seed: 3 })
    const withSex = records.map((r) => ({
      ...r,
      fields: { ...r.fields, sex: r.id.length % 2 ? 'M' : 'F' },
    }))
    const config = {
      ...PERSON_PRESET,
      fields: { ...PERSON_PRESET.fields, sex: { comparator: 'exact', weightless: true } },
    } as const
    const result = findDuplicates(withSex, config)
    const edge = result.clusters[0]?.edges[0]
    expect(edge?.fields.sex?.weight).toBe(0)
    expect(result.model.weights.sex).toBeUndefined()
  })

  it('compares all pairs under a rule without parts', () => {
    const { records } = generateChinesePersons(200, { seed: 3 })
    const result = findDuplicates(records, {
      ...PERSON_PRESET,
      blocking: [{ name: 'all-pairs', parts: [] }],
      maxBlockSize: 1_000,
    })
    expect(result.pairsCompared).toBe(result.allPairs)
  })

  it('returns no clusters when no pair shares a block', () => {
    const records = [
      { id: '1', fields: { name: '张伟', idNumber: '1' } },
      { id: '2', fields: { name: '李娜', idNumber: '2' } },
    ]
    const result = findDuplicates(records, PERSON_PRESET)
    expect(result).toMatchObject({ clusters: [], pairsCompared: 0 })
  })

  it('refuses duplicate ids and blocking rules that the fields cannot serve', () => {
    const twice = [
      { id: '1', fields: {} },
      { id: '1', fields: {} },
    ]
    expect(() => findDuplicates(twice, PERSON_PRESET)).toThrow(/unique/)
    const badRule = {
      ...PERSON_PRESET,
      blocking: [{ name: 'bad', parts: [{ field: 'phone', transform: 'year' }] }],
    } as const
    expect(() => findDuplicates([], badRule)).toThrow(/edit-distance has no year key/)
    const unknown = { ...PERSON_PRESET, blocking: [{ name: 'bad', parts: [{ field: 'email' }] }] }
    expect(() => findDuplicates([], unknown)).toThrow(/no field email/)
    const weightless = {
      fields: { name: { comparator: 'name', weightless: true } },
      blocking: [],
    } as const
    expect(() => findDuplicates([], weightless)).toThrow(/carry weight/)
  })
})
