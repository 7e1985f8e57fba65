/** 公安局 · 公章刻制备案 (企业开办“一件事”, only when the applicant asks for seals). */
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

export const SEAL_TYPE_OPTIONS: ChoiceOptions = [
  ['company_seal', '企业公章（法定名称章）'],
  ['finance_seal', '财务专用章'],
  ['invoice_seal', '发票专用章'],
  ['contract_seal', '合同专用章'],
  ['legal_representative_seal', '法定代表人名章'],
]

/** 公安机关备案的刻章企业 (fictitious). */
export const SEAL_ENGRAVER_OPTIONS: ChoiceOptions = [
  ['engraver_chengxin', '示范市诚信印章有限公司'],
  ['engraver_jinshi', '示范市上城区金石刻字社'],
  ['engraver_yongxin', '示范市滨江区永信印章服务部'],
]

export const SEAL_DELIVERY_OPTIONS: ChoiceOptions = [
  ['pickup', '政务服务中心企业开办专区领取'],
  ['mail', '免费寄递'],
]

export const SEAL_FILING_FIELDS = {
  companyName: text('企业名称', 'Name of the enterprise on the business licence', {
    maxLength: 100,
  }),
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the enterprise'),
  sealTypes: multiChoice('刻制印章种类', 'Kinds of seals to engrave', SEAL_TYPE_OPTIONS),
  engraver: choice(
    '刻章企业',
    'Seal engraving company filed with the public security bureau',
    SEAL_ENGRAVER_OPTIONS,
  ),
  deliveryMethod: choice('印章领取方式', 'How the seals are delivered', SEAL_DELIVERY_OPTIONS),
  legalRepresentativeName: personName('法定代表人姓名', 'Full name of the legal representative'),
  legalRepresentativeIdNumber: idNumber(
    '法定代表人公民身份号码',
    'Resident identity card number of the legal representative',
  ),
  agentName: personName('经办人姓名', 'Full name of the agent handling the filing'),
  agentIdNumber: idNumber('经办人公民身份号码', 'Resident identity card number of the agent'),
  agentPhone: mobile('经办人手机号码', 'Mobile phone of the agent'),
}

export const SEAL_FILING: ItemContent = {
  basicCode: '000116010000',
  implementationCode: implementationCode('public_security', '000116010000'),
  name: { zh: '公章刻制备案', en: 'Filing of official seal engraving' },
  departmentCode: 'public_security',
  itemType: 'administrative_registration',
  legalBasis: [
    {
      title: '《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）',
      article: '附件：取消“公章刻制审批”，公安机关对公章刻制实行备案管理',
    },
  ],
  handlingType: 'immediate',
  statutoryLimitDays: 1,
  promisedLimitDays: 0,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'city',
  fees: [],
  materials: [
    {
      code: 'business_licence',
      name: { zh: '营业执照', en: 'Business licence' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'business_licence',
      note: '通过电子证照库共享，免于提交',
    },
    {
      code: 'legal_representative_id',
      name: { zh: '法定代表人居民身份证', en: 'Identity card of the legal representative' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'agent_id_and_authorization',
      name: {
        zh: '经办人居民身份证及授权委托书',
        en: 'Identity card and power of attorney of the agent',
      },
      required: false,
      copies: 1,
      form: 'either',
      licenceType: 'id_card',
      note: '非法定代表人本人办理的提交',
    },
  ],
  formSchema: form('公章刻制备案表', 'Official seal engraving filing', SEAL_FILING_FIELDS, [
    'companyName',
    'creditCode',
    'sealTypes',
    'engraver',
    'deliveryMethod',
    'legalRepresentativeName',
    'legalRepresentativeIdNumber',
  ]),
  guide: guide('2楼企业开办专区', [
    '已依法取得营业执照的企业',
    '在公安机关备案的刻章企业中自主选择，印章刻制信息实时上传公安机关',
    '新开办企业首套印章（公章、财务专用章、发票专用章、合同专用章、法定代表人名章）由政府购买服务免费刻制',
  ]),
}
