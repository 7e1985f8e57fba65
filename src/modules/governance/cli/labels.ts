import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'
import type { QualityDimension } from '../quality/index.js'

/** The quality dimensions as a data officer reads them. */
export const DIMENSION_LABELS: Readonly<Record<QualityDimension, LocalizedMessage>> = {
  completeness: { zh: '完整性', en: 'Completeness' },
  validity: { zh: '规范性', en: 'Validity' },
  consistency: { zh: '一致性', en: 'Consistency' },
  uniqueness: { zh: '唯一性', en: 'Uniqueness' },
  timeliness: { zh: '及时性', en: 'Timeliness' },
  reference: { zh: '关联性', en: 'Reference' },
}

/** Both languages side by side, zh first. */
export const both = (message: LocalizedMessage): string => `${message.zh} ${message.en}`
