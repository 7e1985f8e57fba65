/** 税务局 · 新办纳税人“套餐式”服务 (税务登记信息确认 + 发票领用). */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  choice,
  creditCode,
  form,
  guide,
  idNumber,
  implementationCode,
  mobile,
  multiChoice,
  personName,
  text,
} from './demo-common.js'

export const TAXPAYER_TYPE_OPTIONS: ChoiceOptions = [
  ['small_scale', '小规模纳税人'],
  ['general', '增值税一般纳税人'],
]

export const ACCOUNTING_STANDARD_OPTIONS: ChoiceOptions = [
  ['small_enterprise', '小企业会计准则'],
  ['enterprise', '企业会计准则'],
]

export const INVOICE_KIND_OPTIONS: ChoiceOptions = [
  ['digital_vat_special', '数电发票（增值税专用发票）'],
  ['digital_ordinary', '数电发票（普通发票）'],
]

export const NEW_TAXPAYER_FIELDS = {
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the taxpayer'),
  taxpayerName: text('纳税人名称', 'Taxpayer name as on the business licence', { maxLength: 100 }),
  taxpayerType: choice('增值税纳税人类型', 'VAT taxpayer category', TAXPAYER_TYPE_OPTIONS),
  accountingStandard: choice(
    '适用会计制度',
    'Accounting standard filed with the tax authority',
    ACCOUNTING_STANDARD_OPTIONS,
  ),
  invoiceKinds: multiChoice(
    '申领发票种类',
    'Kinds of e-invoices to be granted (empty = none)',
    INVOICE_KIND_OPTIONS,
    0,
  ),
  legalRepresentativeName: personName('法定代表人姓名', 'Full name of the legal representative'),
  legalRepresentativeIdNumber: idNumber(
    '法定代表人公民身份号码',
    'Resident identity card number of the legal representative (实名办税)',
  ),
  financeContactName: personName('财务负责人姓名', 'Full name of the person in charge of finance'),
  financeContactIdNumber: idNumber(
    '财务负责人公民身份号码',
    'Resident identity card number of the person in charge of finance (实名办税)',
  ),
  financeContactPhone: mobile(
    '财务负责人手机号码',
    'Mobile phone of the person in charge of finance',
  ),
}

export const NEW_TAXPAYER: ItemContent = {
  basicCode: '000139009000',
  implementationCode: implementationCode('tax', '000139009000'),
  name: {
    zh: '新办纳税人“套餐式”服务（税务登记信息确认、发票领用）',
    en: 'New taxpayer package (tax registration confirmation and invoice grant)',
  },
  departmentCode: 'tax',
  itemType: 'administrative_registration',
  legalBasis: [
    {
      title: '《中华人民共和国税收征收管理法》',
      article: '第十五条：企业自领取营业执照之日起三十日内，向税务机关申报办理税务登记',
    },
    {
      title: '《中华人民共和国税收征收管理法》',
      article: '第二十条（财务、会计制度和会计核算软件报送税务机关备案）',
    },
    {
      title: '《中华人民共和国发票管理办法》',
      article: '第十五条（需要领用发票的单位和个人向主管税务机关办理发票领用手续）',
    },
  ],
  handlingType: 'immediate',
  statutoryLimitDays: 5,
  promisedLimitDays: 0,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'cross_province',
  fees: [],
  materials: [
    {
      code: 'business_licence',
      name: { zh: '营业执照', en: 'Business licence' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'business_licence',
      note: '“多证合一”登记信息由市场监管部门共享，免于提交',
    },
    {
      code: 'real_name_identity',
      name: {
        zh: '法定代表人、财务负责人、办税人员身份证件（实名采集）',
        en: 'Identity documents of the legal representative, finance officer and tax clerk',
      },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'accounting_system_filing',
      name: { zh: '财务会计制度及核算软件备案报告书', en: 'Accounting system filing report' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报，系统自动生成',
    },
  ],
  formSchema: form('新办纳税人涉税事项申请表', 'New taxpayer package', NEW_TAXPAYER_FIELDS, [
    'creditCode',
    'taxpayerName',
    'taxpayerType',
    'accountingStandard',
    'legalRepresentativeName',
    'legalRepresentativeIdNumber',
    'financeContactName',
    'financeContactPhone',
  ]),
  guide: guide('2楼企业开办专区税务窗口', [
    '已领取营业执照的新办企业，自领取营业执照之日起三十日内办理',
    '法定代表人、财务负责人、办税人员完成实名信息采集',
    '首次申领数电发票的，税务机关根据纳税人风险等级赋予开票额度',
  ]),
}
