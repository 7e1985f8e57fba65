import { findDivision } from '../../../platform/standards/index.js'
import type { Division } from '../../../platform/standards/index.js'

/** Data the population generator draws from; every division is checked to exist at load. */

export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘',
]
export const COMPOUND_SURNAMES = ['欧阳', '司马', '诸葛', '上官']
export const GIVEN_CHARS = [
  ...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉华建国文红梅兰志新宇浩然子轩欣怡晨阳佳琪嘉',
]

// Street names that mention no division of DIVISION_CODES, so a clean address names only its own.
export const STREETS = [
  '人民路',
  '解放路',
  '中山路',
  '建设路',
  '文化路',
  '新华路',
  '幸福路',
  '光明路',
  '胜利路',
  '青年路',
  '长江路',
  '黄河路',
  '学院路',
  '花园路',
  '春风路',
]

// One county-level division per province-level unit (no two share a county name).
const DIVISION_CODES = [
  '110101',
  '120103',
  '130102',
  '140105',
  '150102',
  '210102',
  '220102',
  '230103',
  '310104',
  '320102',
  '330106',
  '340104',
  '350203',
  '360102',
  '370202',
  '410105',
  '420106',
  '430104',
  '440305',
  '450103',
  '460105',
  '500103',
  '510107',
  '520102',
  '530102',
  '540102',
  '610113',
  '620103',
  '630102',
  '640104',
  '650102',
]

function load(code: string): Division {
  const division = findDivision(code)
  if (division === undefined) throw new Error(`Generator division ${code} is not in GB/T 2260`)
  return division
}

function loadAll(codes: readonly string[]): Division[] {
  const divisions = codes.map(load)
  // A planted "address elsewhere" must not name the row's own county by chance.
  if (new Set(divisions.map((d) => d.name)).size !== divisions.length) {
    throw new Error('Generator divisions must not share a county name')
  }
  return divisions
}

export const DIVISIONS: readonly Division[] = loadAll(DIVISION_CODES)

export const MOBILE_PREFIXES = [
  '130',
  '131',
  '135',
  '138',
  '139',
  '150',
  '158',
  '166',
  '177',
  '186',
  '199',
]
export const AREA_CODES = ['010', '021', '0571', '020', '028', '027']

/** Codes GB 3304 does not have, for the unknown-ethnicity error. */
export const UNKNOWN_ETHNICITY_CODES = ['00', '57', '60', '99']
