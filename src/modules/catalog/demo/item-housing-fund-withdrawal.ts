/** 公积金中心 · 住房公积金提取（购买存量住房）. */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  PROPERTY_CERTIFICATE_PATTERN,
  bankAccount,
  choice,
  form,
  guide,
  idNumber,
  implementationCode,
  mobile,
  personName,
  text,
  yuan,
} from './demo-common.js'

export const WITHDRAWAL_REASON_OPTIONS: ChoiceOptions = [
  ['purchase_resale_home', '购买存量自住住房'],
  ['purchase_new_home', '购买新建自住住房'],
  ['repay_home_loan', '偿还自住住房贷款本息'],
  ['rent_home', '租赁自住住房'],
]

export const HOUSING_FUND_WITHDRAWAL_FIELDS = {
  applicantName: personName('提取人姓名', 'Full name of the account holder'),
  applicantIdNumber: idNumber(
    '提取人公民身份号码',
    'Resident identity card number of the account holder',
  ),
  applicantPhone: mobile('提取人手机号码', 'Mobile phone of the account holder'),
  reason: choice('提取原因', 'Reason for the withdrawal', WITHDRAWAL_REASON_OPTIONS),
  propertyCertificateNo: text(
    '不动产权证书号',
    'Title certificate number of the purchased home, once issued',
    {
      pattern: PROPERTY_CERTIFICATE_PATTERN,
    },
  ),
  contractNo: text('购房合同网签备案号', 'Filing number of the purchase contract', {
    pattern: '^[0-9A-Z-]{6,32}$',
  }),
  transactionPrice: yuan('购房总价（元）', 'Total purchase price in yuan'),
  amount: yuan('申请提取金额（元）', 'Amount to withdraw in yuan'),
  bankName: text('收款银行', 'Bank of the receiving account', { maxLength: 100 }),
  bankCardNumber: bankAccount('本人银行借记卡号', "Account holder's own debit card number"),
}

export const HOUSING_FUND_WITHDRAWAL: ItemContent = {
  basicCode: '000151006000',
  implementationCode: implementationCode('housing_fund', '000151006000'),
  name: {
    zh: '住房公积金提取（购买自住住房）',
    en: 'Housing provident fund withdrawal (home purchase)',
  },
  departmentCode: 'housing_fund',
  itemType: 'public_service',
  legalBasis: [
    {
      title: '《住房公积金管理条例》',
      article:
        '第二十四条第一款第（一）项：购买、建造、翻建、大修自住住房的，可以提取职工住房公积金账户内的存储余额',
    },
    {
      title: '《住房公积金管理条例》',
      article:
        '第二十五条：住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定',
    },
  ],
  handlingType: 'promised',
  statutoryLimitDays: 3,
  promisedLimitDays: 1,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'cross_province',
  fees: [],
  materials: [
    {
      code: 'applicant_identity',
      name: { zh: '提取人居民身份证', en: 'Identity card of the account holder' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'title_certificate',
      name: { zh: '不动产权证书', en: 'Real estate title certificate' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'property_certificate',
      note: '转移登记办结后由不动产登记机构共享，免于提交',
    },
    {
      code: 'tax_payment_proof',
      name: { zh: '契税完税凭证', en: 'Proof of deed tax payment' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'tax_payment_certificate',
    },
    {
      code: 'debit_card',
      name: { zh: '本人银行借记卡', en: "Account holder's debit card" },
      required: true,
      copies: 1,
      form: 'electronic',
    },
  ],
  formSchema: form(
    '住房公积金提取申请表',
    'Housing provident fund withdrawal application',
    HOUSING_FUND_WITHDRAWAL_FIELDS,
    [
      'applicantName',
      'applicantIdNumber',
      'applicantPhone',
      'reason',
      'contractNo',
      'transactionPrice',
      'amount',
      'bankCardNumber',
    ],
  ),
  guide: guide('2楼住房公积金窗口', [
    '在本市正常缴存住房公积金的职工（或其配偶）购买自住住房',
    '提取金额不超过购房总价款扣除贷款后的部分，且不超过本人账户余额',
    '提取人应为购房合同或不动产权证书记载的购房人（或其配偶）',
  ]),
}
