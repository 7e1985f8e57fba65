/** 自然资源和规划局（不动产登记中心）· 国有建设用地使用权及房屋所有权转移登记（买卖）. */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  PROPERTY_CERTIFICATE_PATTERN,
  address,
  choice,
  decimal,
  form,
  guide,
  idNumber,
  implementationCode,
  mobile,
  personName,
  text,
  yuan,
} from './demo-common.js'

export const PROPERTY_USAGE_OPTIONS: ChoiceOptions = [
  ['residential', '住宅'],
  ['commercial', '商业服务'],
  ['office', '办公'],
]

export const SHARE_TYPE_OPTIONS: ChoiceOptions = [
  ['sole', '单独所有'],
  ['joint', '共同共有'],
  ['by_shares', '按份共有'],
]

export const CERTIFICATE_DELIVERY_OPTIONS: ChoiceOptions = [
  ['electronic', '电子不动产权证书'],
  ['pickup', '窗口领取纸质证书'],
  ['mail', '纸质证书免费寄递'],
]

/** Fields shared by the registration and the tax declaration of a resale home. */
export const PROPERTY_FIELDS = {
  propertyCertificateNo: text('不动产权证书号', 'Number of the real estate title certificate', {
    pattern: PROPERTY_CERTIFICATE_PATTERN,
  }),
  propertyAddress: address('坐落', 'Location of the property'),
  buildingArea: decimal('建筑面积（平方米）', 'Gross floor area in square metres', {
    exclusiveMinimum: 0,
    maximum: 100000,
  }),
  propertyUsage: choice('房屋用途', 'Registered use of the building', PROPERTY_USAGE_OPTIONS),
  contractNo: text('存量房买卖合同网签备案号', 'Filing number of the online resale contract', {
    pattern: '^[0-9A-Z-]{6,32}$',
  }),
  transactionPrice: yuan('成交价格（元）', 'Transaction price in yuan'),
}

export const PROPERTY_TRANSFER_FIELDS = {
  sellerName: personName('转让方（出卖人）姓名', 'Full name of the seller'),
  sellerIdNumber: idNumber('转让方公民身份号码', 'Resident identity card number of the seller'),
  sellerPhone: mobile('转让方手机号码', 'Mobile phone of the seller'),
  buyerName: personName('受让方（买受人）姓名', 'Full name of the buyer'),
  buyerIdNumber: idNumber('受让方公民身份号码', 'Resident identity card number of the buyer'),
  buyerPhone: mobile('受让方手机号码', 'Mobile phone of the buyer'),
  ...PROPERTY_FIELDS,
  shareType: choice('共有方式', 'Form of co-ownership after the transfer', SHARE_TYPE_OPTIONS),
  certificateDelivery: choice(
    '证书领取方式',
    'How the new title certificate is delivered',
    CERTIFICATE_DELIVERY_OPTIONS,
  ),
}

export const PROPERTY_TRANSFER_REGISTRATION: ItemContent = {
  basicCode: '000112005002',
  implementationCode: implementationCode('natural_resources', '000112005002'),
  name: {
    zh: '国有建设用地使用权及房屋所有权转移登记（存量房买卖）',
    en: 'Transfer registration of land use right and building ownership (resale)',
  },
  departmentCode: 'natural_resources',
  itemType: 'administrative_confirmation',
  legalBasis: [
    {
      title: '《中华人民共和国民法典》',
      article: '第二百零九条：不动产物权的设立、变更、转让和消灭，经依法登记，发生效力',
    },
    {
      title: '《不动产登记暂行条例》',
      article: '第十四条：因买卖、设定抵押权等申请不动产登记的，应当由当事人双方共同申请',
    },
    {
      title: '《不动产登记暂行条例》',
      article: '第二十条：不动产登记机构应当自受理登记申请之日起30个工作日内办结不动产登记手续',
    },
    {
      title: '《不动产登记暂行条例实施细则》',
      article: '第三十八条（国有建设用地使用权及房屋所有权转移登记应当提交的材料）',
    },
  ],
  handlingType: 'promised',
  statutoryLimitDays: 30,
  promisedLimitDays: 1,
  onSiteVisits: 1,
  specialProcedures: [],
  scope: 'city',
  fees: [
    {
      name: { zh: '不动产登记费（住宅类，每件）', en: 'Registration fee, residential (per case)' },
      amount: '80',
      basis:
        '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
    },
    {
      name: {
        zh: '不动产登记费（非住宅类，每件）',
        en: 'Registration fee, non-residential (per case)',
      },
      amount: '550',
      basis:
        '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
    },
    {
      name: {
        zh: '不动产权属证书工本费（第二本起，每本）',
        en: 'Certificate cost, from the second certificate (each)',
      },
      amount: '10',
      basis:
        '《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》（发改价格规〔2016〕2559号）',
    },
  ],
  materials: [
    {
      code: 'registration_application',
      name: { zh: '不动产登记申请书', en: 'Real estate registration application' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报，买卖双方电子签名',
    },
    {
      code: 'applicant_identity',
      name: { zh: '买卖双方身份证明', en: 'Identity documents of seller and buyer' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'title_certificate',
      name: { zh: '不动产权属证书', en: 'Real estate title certificate' },
      required: true,
      copies: 1,
      form: 'either',
      licenceType: 'property_certificate',
      note: '登记簿信息实时调取，纸质证书由登记机构收回',
    },
    {
      code: 'sale_contract',
      name: { zh: '存量房买卖合同（网签）', en: 'Online resale contract' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '通过网签备案系统共享，免于提交',
    },
    {
      code: 'tax_payment_proof',
      name: { zh: '契税等税费完税凭证', en: 'Proof of payment of deed tax and other taxes' },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'tax_payment_certificate',
      note: '税务部门推送完税信息，免于提交',
    },
    {
      code: 'marital_status',
      name: { zh: '婚姻状况证明', en: 'Proof of marital status' },
      required: false,
      copies: 1,
      form: 'electronic',
      licenceType: 'marriage_certificate',
      note: '处分夫妻共同财产或登记为共同共有的提交，可通过民政数据共享核验',
    },
  ],
  formSchema: form(
    '不动产转移登记申请表',
    'Real estate transfer registration application',
    PROPERTY_TRANSFER_FIELDS,
  ),
  guide: guide('1楼不动产登记综合窗口', [
    '买卖双方共同申请，不动产未被查封、无异议登记，已设立抵押的经抵押权人同意',
    '已完成存量房买卖合同网签备案，已缴纳契税等相关税费',
    '买卖双方到窗口或通过视频完成身份核验与询问（最多跑一次）',
    '交易、缴税、登记“一窗受理”，水电气网过户可同步申请',
  ]),
}
