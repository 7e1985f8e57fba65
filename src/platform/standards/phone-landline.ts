import { stripSeparators } from './phone-mobile.js'
import { invalid, normaliseInput, valid } from './validation.js'
import type { Validation } from './validation.js'

export type LandlineReason = 'bad_characters' | 'bad_area_code' | 'bad_local_number'

export interface LandlineNumber {
  kind: 'landline'
  /** With the trunk 0: 010, 0571. */
  areaCode: string
  /** 7 or 8 digits. */
  localNumber: string
  extension: string | null
  /** 010-12345678, or 010-12345678-123 with an extension. */
  formatted: string
}

/** 010 and 02X are the only 3-digit area codes (with the 0); the rest have 4. */
const AREA_CODE = /^0(?:10|2\d|[3-9]\d{2})/
const EXTENSION_MARKER = /^(.*?)\s*(?:转|分机|ext\.?|x|#|,)\s*(\d{1,6})$/i
const TRAILING_HYPHEN_EXTENSION = /^(.*)-(\d{1,6})$/

/** Turns +86/0086 followed by an area code without its trunk 0 into the domestic form. */
const domesticDigits = (main: string): string | undefined => {
  const compact = stripSeparators(main).replace(/^(?:\+86|0086)0?/, '0')
  return /^\d+$/.test(compact) ? compact : undefined
}

const parseMain = (
  main: string,
  extension: string | null,
): Validation<LandlineNumber, LandlineReason> => {
  const digits = domesticDigits(main)
  if (digits === undefined) return invalid('bad_characters')
  const areaCode = AREA_CODE.exec(digits)?.[0]
  if (areaCode === undefined) return invalid('bad_area_code')
  const localNumber = digits.slice(areaCode.length)
  if (!/^[2-9]\d{6,7}$/.test(localNumber)) return invalid('bad_local_number')
  const formatted = `${areaCode}-${localNumber}${extension === null ? '' : `-${extension}`}`
  return valid({ kind: 'landline', areaCode, localNumber, extension, formatted })
}

/**
 * Validates a landline with area code: 010-12345678, (0571)8888888, 02112345678 转 123.
 * An extension follows 转/分机/ext/x/#/, or, when the rest is not already a valid number,
 * a final hyphen (010-12345678-123).
 */
export const validateLandline = (input: string): Validation<LandlineNumber, LandlineReason> => {
  const text = normaliseInput(input)
  const marked = EXTENSION_MARKER.exec(text)
  if (marked) return parseMain(marked[1] ?? '', marked[2] ?? null)
  const whole = parseMain(text, null)
  const hyphenated = TRAILING_HYPHEN_EXTENSION.exec(text)
  if (whole.ok || !hyphenated) return whole
  const withExtension = parseMain(hyphenated[1] ?? '', hyphenated[2] ?? null)
  return withExtension.ok ? withExtension : whole
}
