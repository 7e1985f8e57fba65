import { describe, expect, it } from 'vitest'
import { normalizeAddress } from './address.js'
import {
  normalizeCode,
  normalizeDate,
  normalizeLatin,
  normalizeOrganisationName,
  normalizePersonName,
  soundex,
  toPinyin,
} from './normalize.js'

describe('person name normalisation', () => {
  it('romanises Han names to toneless pinyin with initials, surname and given name', () => {
    expect(normalizePersonName('张伟')).toMatchObject({
      text: '张伟',
      tokens: ['zhang', 'wei'],
      compact: 'zhangwei',
      initials: 'zw',
      surname: 'zhang',
      given: 'wei',
      han: true,
    })
  })

  it('reads compound and polyphonic surnames as surnames', () => {
    expect(normalizePersonName('欧阳娜娜')).toMatchObject({ surname: 'ouyang', given: 'nana' })
    expect(normalizePersonName('单田芳')?.surname).toBe('shan')
    expect(normalizePersonName('曾明')?.surname).toBe('zeng')
  })

  it('gives homophone characters the same romanisation', () => {
    expect(normalizePersonName('章玮')?.compact).toBe(normalizePersonName('张伟')?.compact)
  })

  it('writes ü as v and ignores spaces and full-width characters', () => {
    expect(normalizePersonName('吕　小 红')).toMatchObject({
      text: '吕小红',
      compact: 'lvxiaohong',
    })
  })

  it('lowercases Latin names, strips accents and punctuation, and takes the last word as surname', () => {
    expect(normalizePersonName("  José  O'Brien-Smith ")).toMatchObject({
      text: 'jose obrien smith',
      surname: 'smith',
      given: 'joseobrien',
    })
    expect(normalizePersonName('Waller')).toMatchObject({ surname: 'waller', given: '' })
  })

  it('returns null for a name without letters', () => {
    expect(normalizePersonName(' ... ')).toBeNull()
  })

  it('folds letters that have no accent to strip', () => {
    expect(normalizeLatin('Straße Ørsted Łódź')).toBe('strasse orsted lodz')
  })

  it('keeps pinyin syllables lowercase', () => {
    expect(toPinyin('北京')).toEqual(['bei', 'jing'])
  })
})

describe('organisation name normalisation', () => {
  it('drops a region prefix, bracketed regions and the legal form', () => {
    expect(normalizeOrganisationName('示范市通达科技有限公司')?.compact).toBe('tongdakeji')
    expect(normalizeOrganisationName('通达科技（示范市）有限公司')?.compact).toBe('tongdakeji')
    expect(normalizeOrganisationName('Acme Trading Co., Ltd.')?.text).toBe('acme trading')
  })

  it('keeps words that merely start with 市', () => {
    expect(normalizeOrganisationName('示范市市场服务有限公司')?.text).toBe('市场服务')
  })
})

describe('date normalisation', () => {
  it.each([
    '1990-1-5',
    '1990/01/05',
    '1990.1.5',
    '1990年1月5日',
    '19900105',
    '１９９０－０１－０５',
    '1990-01-05T10:00:00Z',
    '1990-01-05 08:00',
  ])('reads %s as 1990-01-05', (input) => {
    expect(normalizeDate(input)).toBe('1990-01-05')
  })

  it('refuses day-first and unparseable dates', () => {
    expect(normalizeDate('05/01/1990')).toBeNull()
    expect(normalizeDate('unknown')).toBeNull()
  })

  it('keeps a mistyped date so it can still be compared', () => {
    expect(normalizeDate('19160017')).toBe('1916-00-17')
  })
})

describe('code normalisation', () => {
  it('uppercases and drops separators, spaces and a +86 prefix', () => {
    expect(normalizeCode(' 3301 0219-9603293558 ')).toBe('330102199603293558')
    expect(normalizeCode('３３０１０２x')).toBe('330102X')
    expect(normalizeCode('+86 138-0013-8000')).toBe('13800138000')
    expect(normalizeCode(' - ')).toBeNull()
  })
})

describe('soundex', () => {
  it.each([
    ['robert', 'R163'],
    ['rupert', 'R163'],
    ['rubin', 'R150'],
    ['ashcraft', 'A261'],
    ['tymczak', 'T522'],
    ['pfister', 'P236'],
  ])('codes %s as %s', (name, code) => {
    expect(soundex(name)).toBe(code)
  })
})

describe('address normalisation', () => {
  it('splits Chinese addresses after administrative and street units', () => {
    expect(normalizeAddress('示范市东城区建设路12号3单元1201室')?.tokens).toEqual([
      '示范市',
      '东城区',
      '建设路',
      '12号',
      '3单元',
      '1201室',
    ])
    expect(normalizeAddress('东城街道幸福大道8号')?.tokens).toEqual(['东城街道', '幸福大道', '8号'])
  })

  it('folds full-width characters and collapses whitespace and punctuation', () => {
    expect(normalizeAddress('浙江省杭州市西湖区文三路１２３号')?.text).toBe(
      '浙江省 杭州市 西湖区 文三路 123号',
    )
    expect(normalizeAddress('  12  Maltby   Circuit, Coaling ')?.text).toBe(
      '12 maltby circuit coaling',
    )
  })

  it('returns null for an address without letters or digits', () => {
    expect(normalizeAddress(' ，。 ')).toBeNull()
  })
})
