/**
 * Licence types tongban issues, as in the national licence catalogue (全国一体化政务服务平台
 * 电子证照目录): name, holder kind and validity. `index` makes the 3-digit part of the type code.
 */
export interface LicenceType {
  index: number
  name: { zh: string; en: string }
  holder: 'legal_person' | 'natural_person'
  /** Whole years from the issue date; null = 长期 (no end). */
  validYears: number | null
  legalBasis: string
}

export const LICENCE_TYPES: Readonly<Record<string, LicenceType>> = {
  business_licence: {
    index: 1,
    name: { zh: '营业执照', en: 'Business licence' },
    holder: 'legal_person',
    validYears: null,
    legalBasis: '《中华人民共和国市场主体登记管理条例》',
  },
  food_business_licence: {
    index: 2,
    name: { zh: '食品经营许可证', en: 'Food business licence' },
    holder: 'legal_person',
    validYears: 5,
    legalBasis: '《食品经营许可和备案管理办法》',
  },
  public_place_hygiene_licence: {
    index: 3,
    name: { zh: '公共场所卫生许可证', en: 'Public place hygiene licence' },
    holder: 'legal_person',
    validYears: 4,
    legalBasis: '《公共场所卫生管理条例实施细则》',
  },
  property_certificate: {
    index: 4,
    name: { zh: '不动产权证书', en: 'Real estate title certificate' },
    holder: 'natural_person',
    validYears: null,
    legalBasis: '《不动产登记暂行条例》',
  },
}
