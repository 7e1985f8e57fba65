import { describe, expect, it } from 'vitest'
import { normaliseQuery, rankEntries, searchKeys, type SearchEntry } from './catalog-search.js'

const entry = (
  code: string,
  name: string,
  extra: Partial<Omit<SearchEntry<string>, 'value' | 'order' | 'names'>> = {},
): SearchEntry<string> => ({
  value: code,
  order: code,
  names: [searchKeys(name)],
  keywords: [],
  members: [],
  departments: [],
  ...extra,
})

const ENTRIES = [
  entry('a-start', '企业开办“一件事”', { keywords: [searchKeys('开公司')] }),
  entry('b-reg', '企业设立登记', { departments: [searchKeys('市场监督管理局')] }),
  entry('c-bank', '银行开户信息备案', { members: [searchKeys('公章刻制备案')] }),
  entry('d-en', 'Start a company'),
]
const codes = (q: string) => rankEntries(ENTRIES, q).map((h) => `${h.value}:${h.match}`)

describe('catalogue search keys and ranking', () => {
  it('computes full pinyin and initials of a Chinese name, punctuation dropped', () => {
    expect(searchKeys('企业开办“一件事”')).toEqual({
      text: '企业开办“一件事”',
      full: 'qiyekaibanyijianshi',
      initials: 'qykbyjs',
    })
    expect(searchKeys('银行').full).toBe('yinhang')
    expect(searchKeys('Start').full).toBe('')
  })

  it('finds 企业开办 by its pinyin initials and by full pinyin with spaces', () => {
    expect(codes('qykb')).toEqual(['a-start:pinyin'])
    expect(codes("qi'ye kai ban")).toEqual(['a-start:pinyin'])
    expect(codes('QYKB')).toEqual(['a-start:pinyin'])
    expect(normaliseQuery(' Qi Ye ')).toBe('qiye')
  })

  it('ranks a name match above pinyin, keyword, member and department matches', () => {
    expect(codes('企业')).toEqual(['a-start:name', 'b-reg:name'])
    expect(codes('开公司')).toEqual(['a-start:keyword'])
    expect(codes('公章')).toEqual(['c-bank:member'])
    expect(codes('市场监督')).toEqual(['b-reg:department'])
    expect(codes('start')).toEqual(['d-en:name'])
  })

  it('lists everything in order for an empty query and nothing for a miss', () => {
    expect(rankEntries(ENTRIES, '  ').map((h) => h.value)).toEqual([
      'a-start',
      'b-reg',
      'c-bank',
      'd-en',
    ])
    expect(codes('xyzxyz')).toEqual([])
  })
})
