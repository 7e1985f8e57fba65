/** All service items (事项) of the demo city, grouped by the bundle they serve. */
import type { ItemContent } from '../catalog.schema.js'
import { COMPANY_REGISTRATION } from './item-company-registration.js'
import { FOOD_BUSINESS_LICENCE } from './item-food-business-licence.js'
import { HOUSING_FUND_REGISTRATION } from './item-housing-fund-registration.js'
import { HOUSING_FUND_WITHDRAWAL } from './item-housing-fund-withdrawal.js'
import { NEW_TAXPAYER } from './item-new-taxpayer.js'
import { PROPERTY_TRANSACTION_TAX } from './item-property-transaction-tax.js'
import { PROPERTY_TRANSFER_REGISTRATION } from './item-property-transfer-registration.js'
import { PUBLIC_PLACE_HYGIENE_LICENCE } from './item-public-place-hygiene-licence.js'
import { SEAL_FILING } from './item-seal-filing.js'
import { SOCIAL_INSURANCE_REGISTRATION } from './item-social-insurance-registration.js'

export const DEMO_ITEMS: ItemContent[] = [
  // 企业开办
  COMPANY_REGISTRATION,
  SEAL_FILING,
  NEW_TAXPAYER,
  SOCIAL_INSURANCE_REGISTRATION,
  HOUSING_FUND_REGISTRATION,
  // 开餐馆
  FOOD_BUSINESS_LICENCE,
  PUBLIC_PLACE_HYGIENE_LICENCE,
  // 二手房转移登记
  PROPERTY_TRANSACTION_TAX,
  PROPERTY_TRANSFER_REGISTRATION,
  HOUSING_FUND_WITHDRAWAL,
]

/** Electronic licence types (电子证照) the demo items issue or accept instead of a material. */
export const DEMO_LICENCE_TYPES: Record<string, { zh: string; en: string }> = {
  id_card: { zh: '居民身份证', en: 'Resident identity card' },
  business_licence: { zh: '营业执照', en: 'Business licence' },
  food_business_licence: { zh: '食品经营许可证', en: 'Food business licence' },
  public_place_hygiene_licence: { zh: '公共场所卫生许可证', en: 'Public place hygiene licence' },
  property_certificate: { zh: '不动产权证书', en: 'Real estate title certificate' },
  tax_payment_certificate: { zh: '税收完税证明', en: 'Tax payment certificate' },
  marriage_certificate: { zh: '结婚证', en: 'Marriage certificate' },
}
