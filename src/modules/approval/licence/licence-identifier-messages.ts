import type { LocalisedMessage } from '../../../platform/standards/index.js'
import type { LicenceIdentifierReason } from './licence-identifier.js'

/** User-facing text for each reason parseLicenceIdentifier returns. */
export const LICENCE_IDENTIFIER_REASON_MESSAGES: Record<LicenceIdentifierReason, LocalisedMessage> =
  {
    bad_length: { zh: '证照标识应为55位', en: 'A licence identifier has 55 characters' },
    bad_characters: {
      zh: '证照标识只能包含数字和大写字母',
      en: 'A licence identifier uses only digits and letters',
    },
    bad_check_character: {
      zh: '证照标识校验位不正确，请核对是否输错',
      en: 'The identifier check character does not match; please check for typos',
    },
    bad_type_code: {
      zh: '证照标识第1至21位不是有效的证照类型代码',
      en: 'Characters 1 to 21 are not a valid licence type code',
    },
    bad_issuer: {
      zh: '证照标识第22至39位不是有效的发证机构统一社会信用代码',
      en: "Characters 22 to 39 are not a valid issuer's unified social credit code",
    },
    bad_serial: {
      zh: '证照标识第40至51位不是有效的序号',
      en: 'Characters 40 to 51 are not a valid serial number',
    },
    bad_version: {
      zh: '证照标识第52至54位不是有效的版本号',
      en: 'Characters 52 to 54 are not a valid version number',
    },
  }
