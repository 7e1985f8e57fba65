/**
 * 开餐馆“一件事”: 食品经营许可, plus 企业设立登记 when the operator has no business licence yet
 * and 公共场所卫生许可 when the restaurant also runs a public place that still needs one.
 */
import type { BundleContent } from '../catalog.schema.js'
import { form, multiChoice, section, yesNo } from './demo-common.js'
import {
  APPLICANT_SECTION,
  COMPANY_REGISTRATION_FIELD_MAP,
  LEGAL_REPRESENTATIVE_SECTION,
  NEW_COMPANY_PROPERTIES,
} from './bundle-common.js'
import { COMPANY_REGISTRATION } from './item-company-registration.js'
import {
  FOOD_BUSINESS_LICENCE,
  FOOD_BUSINESS_LICENCE_FIELDS as FD,
} from './item-food-business-licence.js'
import {
  PUBLIC_PLACE_HYGIENE_FIELDS as PH,
  PUBLIC_PLACE_HYGIENE_LICENCE,
  PUBLIC_PLACE_TYPE_OPTIONS,
} from './item-public-place-hygiene-licence.js'
import { SEAL_FILING_FIELDS } from './item-seal-filing.js'

const companySection = {
  ...section(
    '经营主体',
    'Operator (existing or to be established)',
    {
      registered: yesNo(
        '是否已取得营业执照',
        'Whether the operator already holds a business licence',
      ),
      creditCode: {
        ...SEAL_FILING_FIELDS.creditCode,
        description:
          'Unified social credit code; entered when already licensed, otherwise filled in by the platform after registration',
      },
      ...NEW_COMPANY_PROPERTIES,
    },
    ['registered', 'name'],
  ),
  if: { properties: { registered: { const: true } } },
  then: { required: ['creditCode'] },
  else: {
    required: [
      'type',
      'registeredCapital',
      'businessScope',
      'addressDivision',
      'address',
      'shareholders',
    ],
  },
}

export const OPEN_RESTAURANT_FORM = {
  ...form(
    '开餐馆“一件事”申请表',
    'Open a restaurant',
    {
      applicant: APPLICANT_SECTION,
      company: companySection,
      legalRepresentative: LEGAL_REPRESENTATIVE_SECTION,
      premises: section('经营场所', 'Business premises', {
        address: FD.premisesAddress,
        area: FD.premisesArea,
        publicPlaceTypes: multiChoice(
          '附设的公共场所类别',
          'Public places run on the premises that need a hygiene licence (empty = none)',
          PUBLIC_PLACE_TYPE_OPTIONS,
          0,
        ),
      }),
      food: section('食品经营', 'Food business', {
        mainBusinessForm: FD.mainBusinessForm,
        businessItems: FD.businessItems,
        safetyManagerName: FD.foodSafetyManagerName,
        safetyManagerPhone: FD.foodSafetyManagerPhone,
      }),
      hygiene: section('公共场所卫生', 'Public place hygiene (only with public places)', {
        employeeCount: PH.employeeCount,
        healthCertifiedCount: PH.healthCertifiedCount,
        centralAirConditioning: PH.centralAirConditioning,
        managerName: PH.contactName,
        managerPhone: PH.contactPhone,
      }),
    },
    ['applicant', 'company', 'legalRepresentative', 'premises', 'food'],
  ),
  if: { properties: { premises: { properties: { publicPlaceTypes: { minItems: 1 } } } } },
  then: { required: ['hygiene'] },
}

const OPERATOR = {
  creditCode: '/company/creditCode',
  legalRepresentativeName: '/legalRepresentative/name',
  premisesAddress: '/premises/address',
  premisesArea: '/premises/area',
}

export const OPEN_RESTAURANT: BundleContent = {
  code: 'open_restaurant',
  name: { zh: '开餐馆“一件事”', en: 'Open a restaurant' },
  description: {
    zh: '开办餐饮店一次申请：尚未取得营业执照的同步办理企业设立登记，食品经营许可实行现场核查与材料审查并联办理，附设歌舞娱乐、住宿等公共场所的同步申请公共场所卫生许可。',
    en: 'One application to open a restaurant: company registration if not yet licensed, the food business licence with a parallel on-site inspection, and the public place hygiene licence when the premises include public places that still require one.',
  },
  members: [
    {
      implementationCode: COMPANY_REGISTRATION.implementationCode,
      condition: 'company.registered = false',
      fieldMap: COMPANY_REGISTRATION_FIELD_MAP,
    },
    {
      implementationCode: FOOD_BUSINESS_LICENCE.implementationCode,
      condition: null,
      fieldMap: {
        ...OPERATOR,
        operatorName: '/company/name',
        legalRepresentativeIdNumber: '/legalRepresentative/idNumber',
        mainBusinessForm: '/food/mainBusinessForm',
        businessItems: '/food/businessItems',
        foodSafetyManagerName: '/food/safetyManagerName',
        foodSafetyManagerPhone: '/food/safetyManagerPhone',
      },
    },
    {
      implementationCode: PUBLIC_PLACE_HYGIENE_LICENCE.implementationCode,
      condition: 'count(premises.publicPlaceTypes) > 0',
      fieldMap: {
        ...OPERATOR,
        unitName: '/company/name',
        publicPlaceTypes: '/premises/publicPlaceTypes',
        employeeCount: '/hygiene/employeeCount',
        healthCertifiedCount: '/hygiene/healthCertifiedCount',
        centralAirConditioning: '/hygiene/centralAirConditioning',
        contactName: '/hygiene/managerName',
        contactPhone: '/hygiene/managerPhone',
      },
    },
  ],
  formSchema: OPEN_RESTAURANT_FORM,
}
