import type { LocalisedMessage } from '../../../platform/standards/index.js'
import type { LicenceMetadataReason } from './licence-metadata-check.js'

/** User-facing text for each reason checkLicenceMetadata reports. */
export const LICENCE_METADATA_REASON_MESSAGES: Record<LicenceMetadataReason, LocalisedMessage> = {
  blank: { zh: '此项不能为空', en: 'This field must not be blank' },
  identifier_invalid: { zh: '证照标识无效', en: 'The licence identifier is not valid' },
  type_code_mismatch: {
    zh: '证照类型代码与证照标识不一致',
    en: 'The licence type code differs from the one in the identifier',
  },
  issuer_code_mismatch: {
    zh: '发证机构代码与证照标识不一致',
    en: "The issuer's code differs from the one in the identifier",
  },
  holder_code_invalid: {
    zh: '持证主体代码无效（自然人应为身份证号，其他主体应为统一社会信用代码）',
    en: "The holder's code is not valid (an ID number for a person, else a credit code)",
  },
  date_invalid: { zh: '日期应为有效的YYYY-MM-DD格式', en: 'The date must be a valid YYYY-MM-DD' },
  validity_reversed: {
    zh: '有效期截止日期早于起始日期',
    en: 'The validity ends before it starts',
  },
  data_value_invalid: {
    zh: '照面信息中的数值无效',
    en: 'A number in the licence data is not valid',
  },
}
