import { pinyin } from 'pinyin-pro'

const HAN_RUNS = /\p{Script=Han}+|[^\p{Script=Han}]+/gu
const HAS_HAN = /\p{Script=Han}/u

// Two-character surnames; every other Han name takes its first character as the surname.
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 令狐 夏侯 长孙 宇文 司徒 司空 澹台 轩辕 端木 独孤 南宫 西门 呼延 百里 万俟 闻人 申屠 赫连 钟离 宗政 濮阳 太史 第五'.split(
    ' ',
  ),
)

// Letters NFKD leaves whole.
const LATIN_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** A name romanised for comparison: pinyin syllables for Han text, words for Latin text. */
export interface NormalizedName {
  /** The cleaned original: Han kept, Latin lowercased without accents or punctuation. */
  readonly text: string
  readonly tokens: readonly string[]
  /** Tokens joined without spaces: 'zhangwei', 'jeanpierre'. */
  readonly compact: string
  readonly initials: string
  /** Tokens sorted and joined: equal for the same words in another order. */
  readonly sortedKey: string
  readonly surname: string
  readonly given: string
  readonly han: boolean
}

/** Lowercases, strips accents, folds ß/æ/ø…, turns hyphens into spaces and drops punctuation. */
export const normalizeLatin = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LATIN_FOLDS[c] ?? c)
    .replace(/[-‐‑–—_/.·・]/g, ' ')
    .replace(/[^\p{L}\p{N}\s]/gu, '')
    .replace(/\s+/g, ' ')
    .trim()

/** Toneless pinyin syllables ('lv' for 吕); `surname` reads a leading surname (单 → shan). */
export const toPinyin = (han: string, options: { surname?: boolean } = {}): string[] =>
  pinyin(han, {
    toneType: 'none',
    type: 'array',
    v: true,
    surname: options.surname === true ? 'head' : 'off',
  }).map((syllable) => syllable.toLowerCase())

const romanise = (text: string, person: boolean): string[] => {
  const tokens: string[] = []
  for (const run of text.match(HAN_RUNS) ?? []) {
    if (HAS_HAN.test(run)) tokens.push(...toPinyin(run, { surname: person && tokens.length === 0 }))
    else tokens.push(...normalizeLatin(run).split(' ').filter(Boolean))
  }
  return tokens
}

const cleanText = (text: string): string => {
  const folded = text.normalize('NFKC')
  if (!HAS_HAN.test(folded)) return normalizeLatin(folded)
  return folded.replace(/[\s·・•.]+/g, '').toLowerCase()
}

const surnameLength = (text: string, tokens: readonly string[], han: boolean): number => {
  if (!han) return tokens.length <= 1 ? tokens.length : tokens.length - 1
  return COMPOUND_SURNAMES.has(text.slice(0, 2)) ? 2 : 1
}

const buildName = (text: string, tokens: string[]): NormalizedName | null => {
  if (tokens.length === 0) return null
  const han = HAS_HAN.test(text)
  const cut = surnameLength(text, tokens, han)
  // Latin full names put the surname last; a one-word Latin value is taken as a surname.
  const surnameTokens = han ? tokens.slice(0, cut) : tokens.slice(cut === 0 ? 0 : cut)
  const givenTokens = han ? tokens.slice(cut) : tokens.slice(0, cut)
  const isSingleWord = !han && tokens.length === 1
  return {
    text,
    tokens,
    compact: tokens.join(''),
    initials: tokens.map((t) => t.charAt(0)).join(''),
    sortedKey: [...tokens].sort().join(' '),
    surname: isSingleWord ? tokens.join('') : surnameTokens.join(''),
    given: isSingleWord ? '' : givenTokens.join(''),
    han,
  }
}

/**
 * Normalises a person's name, Han (张伟 → zhang wei, initials zw) or Latin (José → jose). A Latin
 * full name is read given name first, so 'Zhang Wei' has surname 'wei'; its compact form still
 * equals that of 张伟.
 */
export const normalizePersonName = (raw: string): NormalizedName | null => {
  const text = cleanText(raw)
  return buildName(text, romanise(text, true))
}

const BRACKETED = /[(（[【][^)）\]】]*[)）\]】]/g
const HAN_LEGAL_FORMS =
  /(股份有限公司|有限责任公司|有限公司|集团公司|集团|分公司|总公司|公司|合伙企业|个体工商户)$/u
const LATIN_LEGAL_FORMS =
  /\b(co|ltd|limited|inc|incorporated|llc|corp|corporation|company|gmbh|plc|group)\b/g
// Leading 省/市/区/县 names, but not words such as 市场 or 市政.
const ADMIN_PREFIX = /^(\p{Script=Han}{1,5}?(省|自治区|市|区|县)(?![场政区]))+/u

/** Normalises an organisation name: drops brackets, legal forms (有限公司, Ltd) and a region prefix. */
export const normalizeOrganisationName = (raw: string): NormalizedName | null => {
  let text = raw.normalize('NFKC').replace(BRACKETED, '')
  if (HAS_HAN.test(text)) {
    text = cleanText(text).replace(HAN_LEGAL_FORMS, '')
    const stripped = text.replace(ADMIN_PREFIX, '')
    if (stripped.length >= 2) text = stripped
  } else {
    text = normalizeLatin(text).replace(LATIN_LEGAL_FORMS, ' ').replace(/\s+/g, ' ').trim()
  }
  const tokens = romanise(text, false)
  const name = buildName(text, tokens)
  return name === null ? null : { ...name, surname: '', given: '' }
}

const YEAR_FIRST = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/

/**
 * Year-first dates ('1990-1-5', '1990/01/05', '1990年1月5日', '19900105', ISO date-times) to
 * 'YYYY-MM-DD'. Calendar validity is not checked: a mistyped date still carries evidence.
 */
export const normalizeDate = (raw: string): string | null => {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[T\s]\d{1,2}:\d{2}.*$/, '')
  const parts = COMPACT.exec(text) ?? YEAR_FIRST.exec(text)
  if (parts === null) return null
  const [, year = '', month = '', day = ''] = parts
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
}

/** Codes and numbers (ID, credit code, phone): NFKC, uppercase, separators and a +86 dropped. */
export const normalizeCode = (raw: string): string | null => {
  const text = raw
    .normalize('NFKC')
    .toUpperCase()
    .replace(/^\s*(\+|00)86/, '')
    .replace(/[^\p{L}\p{N}]/gu, '')
  return text === '' ? null : text
}

/** American Soundex of the letters a–z in a romanised string ('robert' → R163); '' when none. */
export const soundex = (text: string): string => {
  const letters = text.toLowerCase().replace(/[^a-z]/g, '')
  const first = letters.charAt(0)
  if (first === '') return ''
  const code = (c: string): string => SOUNDEX_CODES[c] ?? ''
  let out = first.toUpperCase()
  let previous = code(first)
  for (const c of letters.slice(1)) {
    const digit = code(c)
    if (digit !== '' && digit !== previous) out += digit
    // h and w do not separate letters with the same code; vowels do.
    if (c !== 'h' && c !== 'w') previous = digit
  }
  return out.padEnd(4, '0').slice(0, 4)
}

const SOUNDEX_CODES: Readonly<Record<string, string>> = Object.fromEntries(
  ['bfpv', 'cgjkqsxz', 'dt', 'l', 'mn', 'r'].flatMap((letters, i) =>
    [...letters].map((letter) => [letter, String(i + 1)]),
  ),
)
