import type { TopLevelCondition } from 'json-rules-engine'
import type { Enterprise } from './enterprises.js'
import { CERTIFICATIONS } from './enterprises.js'
import { int, pick, sample } from './random.js'
import type { Random } from './random.js'

/** One condition of a json-rules-engine rule (the package does not export the type). */
export type RuleCondition = Extract<TopLevelCondition, { all: unknown }>['all'][number]

/** One policy condition in the three forms a template writes; the feelin form joins `feel`s. */
export type Condition = {
  template: string
  /** FEEL expression, true when the condition holds. */
  feel: string
  /** The same condition for json-rules-engine (custom operators and facts: ./json-rules.ts). */
  rule: RuleCondition
  /** The same condition written by hand. */
  test: (e: Enterprise) => boolean
}

type Template = { name: string; draw: (random: Random) => Omit<Condition, 'template'> }

const q = (s: string): string => JSON.stringify(s)
const list = (xs: readonly string[]): string => `[${xs.map(q).join(', ')}]`

const atMost = (fact: 'employees' | 'totalAssets' | 'taxableIncome', limits: number[]) => ({
  draw: (random: Random) => {
    const n = pick(limits, random)
    return {
      feel: `${fact} <= ${n}`,
      rule: { fact, operator: 'lessThanInclusive', value: n },
      test: (e: Enterprise) => e[fact] <= n,
    }
  },
})

const atLeast = (fact: 'newHires' | 'rdSpending', limits: number[]) => ({
  draw: (random: Random) => {
    const n = pick(limits, random)
    return {
      feel: `${fact} >= ${n}`,
      rule: { fact, operator: 'greaterThanInclusive', value: n },
      test: (e: Enterprise) => e[fact] >= n,
    }
  },
})

/** Numerator / denominator ≥ share; a zero denominator makes FEEL null, so not eligible. */
const ratio = (of: 'rdSpending' | 'newHires', to: 'revenue' | 'employees', shares: number[]) => ({
  draw: (random: Random) => {
    const share = pick(shares, random)
    return {
      feel: `${of} / ${to} >= ${share}`,
      rule: {
        fact: 'ratio',
        params: { of, to },
        operator: 'greaterThanInclusive',
        value: share,
      },
      test: (e: Enterprise) => e[to] !== 0 && e[of] / e[to] >= share,
    }
  },
})

const SIZE: Template[] = [
  { name: 'employees-at-most', ...atMost('employees', [100, 200, 300, 500, 1000]) },
  { name: 'assets-at-most', ...atMost('totalAssets', [50_000_000, 100_000_000, 200_000_000]) },
  { name: 'taxable-income-at-most', ...atMost('taxableIncome', [1_000_000, 3_000_000, 5_000_000]) },
  { name: 'new-hires-at-least', ...atLeast('newHires', [1, 3, 5, 10]) },
  { name: 'rd-spending-at-least', ...atLeast('rdSpending', [100_000, 500_000, 1_000_000]) },
  { name: 'rd-intensity', ...ratio('rdSpending', 'revenue', [0.02, 0.03, 0.04, 0.05]) },
  { name: 'hiring-rate', ...ratio('newHires', 'employees', [0.05, 0.1, 0.15]) },
]

const revenueRange: Template = {
  name: 'revenue-range',
  draw: (random) => {
    const lo = pick([0, 1_000_000, 3_000_000, 5_000_000], random)
    const hi = pick([50_000_000, 100_000_000, 400_000_000], random)
    return {
      feel: `revenue in [${lo}..${hi}]`,
      rule: {
        all: [
          { fact: 'revenue', operator: 'greaterThanInclusive', value: lo },
          { fact: 'revenue', operator: 'lessThanInclusive', value: hi },
        ],
      },
      test: (e) => e.revenue >= lo && e.revenue <= hi,
    }
  },
}

const revenueAbove: Template = {
  name: 'revenue-above',
  draw: (random) => {
    const n = pick([500_000, 1_000_000, 2_000_000], random)
    return {
      feel: `revenue > ${n}`,
      rule: { fact: 'revenue', operator: 'greaterThan', value: n },
      test: (e) => e.revenue > n,
    }
  },
}

const rentBetween: Template = {
  name: 'rent-between',
  draw: (random) => {
    const lo = pick([10_000, 50_000, 100_000], random)
    const hi = pick([2_000_000, 5_000_000, 10_000_000], random)
    return {
      feel: `rentPaid between ${lo} and ${hi}`,
      rule: {
        all: [
          { fact: 'rentPaid', operator: 'greaterThanInclusive', value: lo },
          { fact: 'rentPaid', operator: 'lessThanInclusive', value: hi },
        ],
      },
      test: (e) => e.rentPaid >= lo && e.rentPaid <= hi,
    }
  },
}

const registeredBefore: Template = {
  name: 'registered-before',
  draw: (random) => {
    const day = `${int(2018, 2024, random)}-${pick(['01-01', '06-30', '12-31'], random)}`
    return {
      feel: `registered <= date(${q(day)})`,
      rule: { fact: 'registered', operator: 'dateOnOrBefore', value: day },
      test: (e) => e.registered <= day,
    }
  },
}

const registeredSince: Template = {
  name: 'registered-since',
  draw: (random) => {
    const day = `${int(2000, 2020, random)}-01-01`
    return {
      feel: `registered >= date(${q(day)})`,
      rule: { fact: 'registered', operator: 'dateOnOrAfter', value: day },
      test: (e) => e.registered >= day,
    }
  },
}

const certified: Template = {
  name: 'certified',
  draw: (random) => {
    const name = pick(['高新技术企业', '科技型中小企业', '创新型中小企业'], random)
    return {
      feel: `list contains(certifications, ${q(name)})`,
      rule: { fact: 'certifications', operator: 'contains', value: name },
      test: (e) => e.certifications.includes(name),
    }
  },
}

const eitherCertified: Template = {
  name: 'either-certified',
  draw: (random) => {
    const [a = '', b = ''] = sample(CERTIFICATIONS, 2, random)
    return {
      feel: `list contains(certifications, ${q(a)}) or list contains(certifications, ${q(b)})`,
      rule: {
        any: [
          { fact: 'certifications', operator: 'contains', value: a },
          { fact: 'certifications', operator: 'contains', value: b },
        ],
      },
      test: (e) => e.certifications.includes(a) || e.certifications.includes(b),
    }
  },
}

const SECTIONS = ['A', 'C', 'E', 'F', 'G', 'H', 'I', 'M', 'N', 'R', 'S']

const industryIn: Template = {
  name: 'industry-in',
  draw: (random) => {
    const sections = sample(SECTIONS, int(3, 6, random), random)
    const set = new Set(sections)
    return {
      feel: `industry in ${list(sections)}`,
      rule: { fact: 'industry', operator: 'in', value: sections },
      test: (e) => set.has(e.industry),
    }
  },
}

const industryExcluded: Template = {
  name: 'industry-excluded',
  draw: (random) => {
    const sections = pick(
      [
        ['K', 'L'],
        ['K', 'L', 'O'],
        ['D', 'K', 'L'],
      ],
      random,
    )
    const set = new Set(sections)
    return {
      feel: `not(industry in ${list(sections)})`,
      rule: { fact: 'industry', operator: 'notIn', value: sections },
      test: (e) => !set.has(e.industry),
    }
  },
}

const regionPrefix: Template = {
  name: 'region-prefix',
  draw: (random) => {
    const prefix = pick(['31', '44', '33', '3101', '4403', '11', '32', '51'], random)
    return {
      feel: `starts with(region, ${q(prefix)})`,
      rule: { fact: 'region', operator: 'startsWith', value: prefix },
      test: (e) => e.region.startsWith(prefix),
    }
  },
}

/** A nested or/and: small and modest turnover, or 专精特新 whatever the size. */
const smallOrSpecialised: Template = {
  name: 'small-or-specialised',
  draw: (random) => {
    const staff = pick([50, 100, 200], random)
    const turnover = pick([20_000_000, 50_000_000], random)
    return {
      feel: `(employees <= ${staff} and revenue <= ${turnover}) or list contains(certifications, "专精特新")`,
      rule: {
        any: [
          {
            all: [
              { fact: 'employees', operator: 'lessThanInclusive', value: staff },
              { fact: 'revenue', operator: 'lessThanInclusive', value: turnover },
            ],
          },
          { fact: 'certifications', operator: 'contains', value: '专精特新' },
        ],
      },
      test: (e) =>
        (e.employees <= staff && e.revenue <= turnover) || e.certifications.includes('专精特新'),
    }
  },
}

const manufacturingOrIntensive: Template = {
  name: 'manufacturing-or-rd',
  draw: (random) => {
    const share = pick([0.06, 0.08], random)
    return {
      feel: `industry = "C" or rdSpending / revenue >= ${share}`,
      rule: {
        any: [
          { fact: 'industry', operator: 'equal', value: 'C' },
          {
            fact: 'ratio',
            params: { of: 'rdSpending', to: 'revenue' },
            operator: 'greaterThanInclusive',
            value: share,
          },
        ],
      },
      test: (e) => e.industry === 'C' || (e.revenue !== 0 && e.rdSpending / e.revenue >= share),
    }
  },
}

/** Every template a policy condition is drawn from. */
export const TEMPLATES: readonly Template[] = [
  ...SIZE,
  revenueRange,
  revenueAbove,
  rentBetween,
  registeredBefore,
  registeredSince,
  certified,
  eitherCertified,
  industryIn,
  industryExcluded,
  regionPrefix,
  smallOrSpecialised,
  manufacturingOrIntensive,
]
