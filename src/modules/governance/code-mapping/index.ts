/** National code sets, per-source mappings onto them, suggestions and unmapped-value reports. */

export type { CodeEntry, CodeSet } from './code-set.types.js'
// SEX_CODES: GB/T 2261.1-2003 (0 未知的性别, 1 男性, 2 女性, 9 未说明的性别).
export { SEX_CODES } from './sex-codes.js'
// MARITAL_STATUS_CODES: GB/T 2261.2-2003 (10 未婚, 20 已婚 with 21–23, 30 丧偶, 40 离婚, 90).
export { MARITAL_STATUS_CODES } from './marital-status-codes.js'
// EDUCATION_CODES: GB/T 4658-2006 levels 10–90 and their detailed codes.
export { EDUCATION_CODES } from './education-codes.js'
// ETHNICITY_CODES: GB 3304-1991, the 56 nationalities 01–56 plus 97 其他 and 98.
export { ETHNICITY_CODES } from './ethnicity-codes.js'
// NATIONAL_CODE_SETS[id] → the code set ('sex', 'marital-status', 'education', 'ethnicity').
export { NATIONAL_CODE_SETS } from './code-sets.js'
// findCodeSet(id) → CodeSet | undefined.
export { findCodeSet } from './code-sets.js'
// findCode(codeSet, code) → CodeEntry | undefined.
export { findCode } from './code-sets.js'

// validateMapping(mapping, codeSet) → { ok } or issues naming each local value and bad code.
export { validateMapping } from './mapping.js'
// createCodeMapper(mapping, codeSet) → map(value) → mapped code | unmapped | empty; throws if invalid.
export { createCodeMapper } from './mapping.js'
// InvalidCodeMappingError: what createCodeMapper throws, carrying the issues.
export { InvalidCodeMappingError } from './mapping.js'
export type {
  CodeMapper,
  CodeMapping,
  MappingIssue,
  MappingIssueKind,
  MappingResult,
  MappingValidation,
} from './mapping.js'
// normaliseLocalValue(text) → NFKC, trimmed, spaces collapsed, lower case: how values compare.
export { normaliseLocalValue } from './normalise.js'

// suggestCodes(value, codeSet, { synonyms?, limit?, minConfidence? }) → codes with a confidence.
export { suggestCodes } from './suggest.js'
// similarity(a, b) → 1 − Levenshtein distance / longer length.
export { similarity } from './suggest.js'
export type { CodeSuggestion, SuggestionBasis, SuggestOptions } from './suggest.js'
// createUnmappedTally(mapper, options?) → add(value) per row; report() of unmapped values by count.
export { createUnmappedTally } from './unmapped-tally.js'
export type {
  UnmappedReport,
  UnmappedTally,
  UnmappedTallyOptions,
  UnmappedValue,
} from './unmapped-tally.js'
