import { fen, int, pick, seeded, weighted } from './random.js'
import type { Random } from './random.js'

/** One enterprise's facts as a database row gives them: amounts in 元 to the fen, ISO dates. */
export type Enterprise = {
  id: string
  /** GB/T 4754-2017 section letter (门类): C 制造业, F 批发和零售业, I 信息传输、软件… */
  industry: string
  /** GB/T 2260 county-level code of the place of registration. */
  region: string
  employees: number
  revenue: number
  totalAssets: number
  taxableIncome: number
  rdSpending: number
  /** Date of establishment, YYYY-MM-DD. */
  registered: string
  certifications: string[]
  newHires: number
  rentPaid: number
}

/** Sections with a share roughly like registered enterprises' (wholesale and retail first). */
export const INDUSTRIES: readonly (readonly [string, number])[] = [
  ['A', 2],
  ['C', 16],
  ['D', 1],
  ['E', 6],
  ['F', 30],
  ['G', 4],
  ['H', 5],
  ['I', 7],
  ['K', 2],
  ['L', 3],
  ['M', 6],
  ['N', 2],
  ['O', 3],
  ['P', 2],
  ['Q', 1],
  ['R', 3],
  ['S', 7],
]

/** 上海浦东 徐汇 闵行, 深圳南山 福田 宝安, 杭州西湖 滨江, 北京海淀 朝阳, 苏州虎丘, 成都武侯… */
export const REGIONS: readonly string[] = [
  '310115',
  '310104',
  '310112',
  '440305',
  '440304',
  '440306',
  '330106',
  '330108',
  '110108',
  '110105',
  '320505',
  '510107',
  '420111',
  '610113',
  '370212',
  '500112',
]

export const CERTIFICATIONS = [
  '高新技术企业',
  '专精特新',
  '科技型中小企业',
  '专精特新小巨人',
  '创新型中小企业',
] as const

const TECH = new Set(['C', 'I', 'M'])
const FIRST_DAY = Date.UTC(1995, 0, 1)
const LAST_DAY = Date.UTC(2025, 5, 30)
const DAY = 86_400_000

/** `count` enterprises from `seed`; the same seed gives the same records. */
export function generateEnterprises(count: number, seed = 4754): Enterprise[] {
  const random = seeded(seed)
  return Array.from({ length: count }, (_, i) => enterprise(i, random))
}

function enterprise(i: number, random: Random): Enterprise {
  const industry = weighted(INDUSTRIES, random)
  const tech = TECH.has(industry)
  const registeredAt = FIRST_DAY + Math.floor(random() * ((LAST_DAY - FIRST_DAY) / DAY)) * DAY
  const employees = Math.max(1, Math.round(Math.exp(random() * Math.log(3_000))))
  const revenue =
    registeredAt > LAST_DAY - 365 * DAY && random() < 0.3 ? 0 : turnover(employees, random)
  return {
    id: `E${String(i).padStart(6, '0')}`,
    industry,
    region: pick(REGIONS, random),
    employees,
    revenue,
    totalAssets: fen(revenue * (0.3 + random() * 2.2) + random() * 2_000_000),
    taxableIncome: fen(revenue * (random() * 0.2 - 0.05)),
    rdSpending: random() < 0.25 ? 0 : fen(revenue * random() * (tech ? 0.12 : 0.03)),
    registered: new Date(registeredAt).toISOString().slice(0, 10),
    certifications: certifications(tech, random),
    newHires: int(0, Math.ceil(employees * 0.3), random),
    rentPaid: random() < 0.2 ? 0 : fen(employees * (3_000 + random() * 20_000)),
  }
}

/** 元 per year: 100,000–1,500,000 per employee. */
function turnover(employees: number, random: Random): number {
  return fen(employees * (100_000 + random() * 1_400_000))
}

function certifications(tech: boolean, random: Random): string[] {
  const odds = tech ? [0.35, 0.15, 0.3, 0.04, 0.2] : [0.04, 0.03, 0.05, 0.005, 0.06]
  return CERTIFICATIONS.filter((_, k) => random() < (odds[k] ?? 0))
}
