/** 企业开办“一件事”: 营业执照 + 公章刻制 + 新办纳税人 + 社保登记 + 公积金登记, one form, fully online. */
import type { BundleContent } from '../catalog.schema.js'
import { form, section, yesNo } from './demo-common.js'
import {
  APPLICANT_SECTION,
  COMPANY_REGISTRATION_FIELD_MAP,
  LEGAL_REPRESENTATIVE_SECTION,
  NEW_COMPANY_PROPERTIES,
  creditCodeBackfilled,
} from './bundle-common.js'
import { COMPANY_REGISTRATION } from './item-company-registration.js'
import {
  HOUSING_FUND_REGISTRATION,
  HOUSING_FUND_REGISTRATION_FIELDS as HF,
} from './item-housing-fund-registration.js'
import { NEW_TAXPAYER, NEW_TAXPAYER_FIELDS as TX } from './item-new-taxpayer.js'
import { SEAL_FILING, SEAL_FILING_FIELDS as SL } from './item-seal-filing.js'
import {
  SOCIAL_INSURANCE_FIELDS as SI,
  SOCIAL_INSURANCE_REGISTRATION,
} from './item-social-insurance-registration.js'

const sealSection = {
  ...section(
    '印章刻制',
    'Official seals (公章刻制备案)',
    {
      needed: yesNo('是否申请刻制印章', 'Whether seals are to be engraved (free first set)'),
      types: SL.sealTypes,
      engraver: SL.engraver,
      deliveryMethod: SL.deliveryMethod,
    },
    ['needed'],
  ),
  if: { properties: { needed: { const: true } } },
  then: { required: ['types', 'engraver', 'deliveryMethod'] },
}

export const START_COMPANY_FORM = form(
  '企业开办“一件事”申请表',
  'Start a company',
  {
    applicant: APPLICANT_SECTION,
    company: section(
      '企业信息',
      'Company to establish',
      {
        ...NEW_COMPANY_PROPERTIES,
        creditCode: creditCodeBackfilled(
          'Unified social credit code; filled in by the platform once the business licence is issued',
        ),
      },
      Object.keys(NEW_COMPANY_PROPERTIES),
    ),
    legalRepresentative: LEGAL_REPRESENTATIVE_SECTION,
    seal: sealSection,
    tax: section(
      '税务信息',
      'Taxation (新办纳税人套餐)',
      {
        taxpayerType: TX.taxpayerType,
        accountingStandard: TX.accountingStandard,
        invoiceKinds: TX.invoiceKinds,
      },
      ['taxpayerType', 'accountingStandard'],
    ),
    finance: section('财务负责人', 'Person in charge of finance', {
      name: TX.financeContactName,
      idNumber: TX.financeContactIdNumber,
      phone: TX.financeContactPhone,
    }),
    employment: section(
      '用工、社保与公积金',
      'Employment, social insurance and housing provident fund',
      {
        employeeCount: SI.employeeCount,
        insuranceTypes: SI.insuranceTypes,
        housingFundRate: HF.contributionRate,
        housingFundFirstMonth: HF.firstPaymentMonth,
        contactName: { ...SI.contactName, title: '人事（社保、公积金）经办人姓名' },
        contactPhone: { ...SI.contactPhone, title: '人事（社保、公积金）经办人手机号码' },
      },
      ['insuranceTypes', 'housingFundRate', 'housingFundFirstMonth', 'contactName', 'contactPhone'],
    ),
    bank: section('银行账户（可选）', 'Bank account for contributions, once opened', {
      bankName: SI.bankName,
      accountNumber: SI.bankAccount,
    }),
  },
  ['applicant', 'company', 'legalRepresentative', 'seal', 'tax', 'finance', 'employment'],
)

const COMPANY_PARTY = {
  creditCode: '/company/creditCode',
  legalRepresentativeName: '/legalRepresentative/name',
}

export const START_COMPANY: BundleContent = {
  code: 'start_company',
  name: { zh: '企业开办“一件事”', en: 'Start a company' },
  keywords: ['开公司', '注册公司', '办营业执照', '新办企业', '刻章'],
  description: {
    zh: '一次填报、一网通办：营业执照、公章刻制、新办纳税人涉税事项、单位参保登记和住房公积金缴存登记同步办理，全程网办、1个工作日内办结，免费刻章、免费寄递。',
    en: 'One form for the business licence, official seals, new-taxpayer services, social insurance and housing fund registration; fully online, done within one working day.',
  },
  members: [
    {
      implementationCode: COMPANY_REGISTRATION.implementationCode,
      condition: null,
      fieldMap: COMPANY_REGISTRATION_FIELD_MAP,
    },
    {
      implementationCode: SEAL_FILING.implementationCode,
      condition: 'seal.needed = true',
      fieldMap: {
        ...COMPANY_PARTY,
        companyName: '/company/name',
        sealTypes: '/seal/types',
        engraver: '/seal/engraver',
        deliveryMethod: '/seal/deliveryMethod',
        legalRepresentativeIdNumber: '/legalRepresentative/idNumber',
        agentName: '/applicant/name',
        agentIdNumber: '/applicant/idNumber',
        agentPhone: '/applicant/phone',
      },
    },
    {
      implementationCode: NEW_TAXPAYER.implementationCode,
      condition: null,
      fieldMap: {
        ...COMPANY_PARTY,
        taxpayerName: '/company/name',
        taxpayerType: '/tax/taxpayerType',
        accountingStandard: '/tax/accountingStandard',
        invoiceKinds: '/tax/invoiceKinds',
        legalRepresentativeIdNumber: '/legalRepresentative/idNumber',
        financeContactName: '/finance/name',
        financeContactIdNumber: '/finance/idNumber',
        financeContactPhone: '/finance/phone',
      },
    },
    {
      implementationCode: SOCIAL_INSURANCE_REGISTRATION.implementationCode,
      condition: null,
      fieldMap: {
        ...COMPANY_PARTY,
        unitName: '/company/name',
        address: '/company/address',
        insuranceTypes: '/employment/insuranceTypes',
        employeeCount: '/employment/employeeCount',
        contactName: '/employment/contactName',
        contactPhone: '/employment/contactPhone',
        bankName: '/bank/bankName',
        bankAccount: '/bank/accountNumber',
      },
    },
    {
      implementationCode: HOUSING_FUND_REGISTRATION.implementationCode,
      condition: null,
      fieldMap: {
        ...COMPANY_PARTY,
        unitName: '/company/name',
        address: '/company/address',
        contributionRate: '/employment/housingFundRate',
        firstPaymentMonth: '/employment/housingFundFirstMonth',
        employeeCount: '/employment/employeeCount',
        contactName: '/employment/contactName',
        contactPhone: '/employment/contactPhone',
        bankName: '/bank/bankName',
        bankAccount: '/bank/accountNumber',
      },
    },
  ],
  formSchema: START_COMPANY_FORM,
}
