import { computeIdCheckChar } from '../../../platform/standards/index.js'
import { createRandom } from '../quality/random.js'

/** Deterministic generator of Chinese person records living in 示范市. */

// Weighted roughly like real frequencies; 张/章, 徐/许, 刘/柳 share pinyin on purpose.
const SURNAMES = [
  ['王', 9],
  ['李', 9],
  ['张', 8],
  ['刘', 6],
  ['陈', 6],
  ['杨', 4],
  ['黄', 3],
  ['赵', 3],
  ['吴', 3],
  ['周', 3],
  ['徐', 2],
  ['孙', 2],
  ['马', 2],
  ['朱', 2],
  ['胡', 2],
  ['郭', 2],
  ['何', 2],
  ['林', 2],
  ['罗', 1],
  ['高', 1],
  ['郑', 1],
  ['梁', 1],
  ['谢', 1],
  ['宋', 1],
  ['唐', 1],
  ['许', 1],
  ['韩', 1],
  ['冯', 1],
  ['邓', 1],
  ['曹', 1],
  ['章', 1],
  ['柳', 1],
  ['吕', 1],
  ['欧阳', 1],
  ['司马', 1],
] as const

// Each group shares a toneless pinyin, so swapping within it is a homophone typo.
export const HOMOPHONES = [
  '伟玮炜',
  '丽莉俐',
  '静靖',
  '敏闵',
  '华桦',
  '军君钧',
  '芳方',
  '强蔷',
  '勇永咏',
  '艳燕雁',
  '杰洁婕',
  '涛韬',
  '明鸣铭',
  '秀绣',
  '霞侠',
  '平萍苹',
  '刚钢',
  '英莹瑛',
  '红宏鸿',
  '梅玫',
  '建健',
  '文雯',
  '志智',
  '欣馨',
  '宇雨',
  '浩昊',
  '晨辰',
  '佳嘉',
  '子梓',
  '轩萱',
  '睿瑞',
  '涵含',
  '慧惠',
  '斌彬',
  '琦琪',
  '张章',
  '徐许',
  '刘柳',
]
const OTHER_GIVEN = '娜磊洋超国海婷思怡博一诗雪丹鹏飞波辉凯欢楠颖岩晶帆'
const GIVEN_CHARS = [
  ...HOMOPHONES.filter((g) => g.length > 1 && g !== '张章').join(''),
  ...OTHER_GIVEN,
]

const DISTRICTS = [
  ['330102', '东城区'],
  ['330105', '西城区'],
  ['330106', '南湖区'],
  ['330108', '北山区'],
  ['330109', '江滨区'],
  ['330110', '新港区'],
] as const
const STREETS = [
  '建设路',
  '人民路',
  '解放街',
  '中山大道',
  '和平路',
  '文化路',
  '新华街',
  '光明路',
  '胜利街',
  '幸福路',
  '青年路',
  '朝阳街',
  '长江路',
  '黄河路',
  '东风路',
  '学院路',
  '工业大道',
  '滨江路',
  '花园街',
  '友谊路',
]

/** Mulberry32 (shared with the quality generator), so fixtures are the same on every run. */
export const seededRandom = createRandom

export type Random = () => number

export const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)]
  if (item === undefined) throw new RangeError('cannot pick from an empty list')
  return item
}

const SURNAME_POOL = SURNAMES.flatMap(([name, weight]) => Array<string>(weight).fill(name))

export interface Person {
  name: string
  birthDate: string
  idNumber: string | null
  phone: string | null
  address: string
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

const birthDate = (random: Random): string => {
  const day = new Date(Date.UTC(1940, 0, 1) + Math.floor(random() * 66 * 365.25) * 86_400_000)
  return `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`
}

const idNumber = (random: Random, division: string, birth: string): string => {
  const first17 = `${division}${birth.replaceAll('-', '')}${pad(Math.floor(random() * 1000), 3)}`
  return first17 + computeIdCheckChar(first17)
}

/** A random person: GB 11643 ID with a valid check character, mobile phone, 示范市 address. */
export const generatePerson = (random: Random): Person => {
  const [division, district] = pick(random, DISTRICTS)
  const given = pick(random, GIVEN_CHARS) + (random() < 0.7 ? pick(random, GIVEN_CHARS) : '')
  const birth = birthDate(random)
  const unit =
    random() < 0.5
      ? `${1 + Math.floor(random() * 6)}单元${pad(1 + Math.floor(random() * 30))}01室`
      : ''
  return {
    name: pick(random, SURNAME_POOL) + given,
    birthDate: birth,
    idNumber: idNumber(random, division, birth),
    phone: `1${pick(random, ['3', '5', '7', '8', '9'])}${pad(Math.floor(random() * 1e9), 9)}`,
    address: `示范市${district}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号${unit}`,
  }
}
