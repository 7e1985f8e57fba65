/** 市场监管局 · 企业设立登记 (企业开办“一件事” core item, issues the 营业执照). */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  DISTRICT_OPTIONS,
  address,
  choice,
  date,
  form,
  guide,
  idNumber,
  implementationCode,
  mobile,
  personName,
  section,
  text,
  yuan,
} from './demo-common.js'

export const COMPANY_TYPE_OPTIONS: ChoiceOptions = [
  ['llc_natural_person_sole', '有限责任公司（自然人独资）'],
  ['llc_natural_person_controlled', '有限责任公司（自然人投资或控股）'],
  ['llc_legal_person_sole', '有限责任公司（非自然人投资或控股的法人独资）'],
  ['joint_stock_unlisted', '股份有限公司（非上市、自然人投资或控股）'],
]

export const SHAREHOLDER_SCHEMA = section('股东（出资人）', 'Shareholder (investor)', {
  name: personName('姓名', 'Shareholder full name'),
  idNumber: idNumber('公民身份号码', 'Resident identity card number of the shareholder'),
  subscribedCapital: yuan('认缴出资额（元）', 'Subscribed capital contribution in yuan'),
  contributionDeadline: date(
    '出资期限',
    'Date by which the contribution is paid in full (at most five years after establishment)',
  ),
})

export const COMPANY_REGISTRATION_FIELDS = {
  companyName: text('企业名称', 'Company name: division + trade name + industry + legal form', {
    minLength: 4,
    maxLength: 100,
  }),
  companyType: choice('企业类型', 'Legal form of the company', COMPANY_TYPE_OPTIONS),
  registeredCapital: yuan('注册资本（元）', 'Registered (subscribed) capital in yuan'),
  businessScope: text('经营范围', 'Business scope in standard wording (经营范围规范表述)', {
    maxLength: 2000,
  }),
  addressDivision: choice('住所所在区县', 'District of the registered address', DISTRICT_OPTIONS),
  address: address('住所', 'Registered address (住所)'),
  legalRepresentativeName: personName('法定代表人姓名', 'Full name of the legal representative'),
  legalRepresentativeIdNumber: idNumber(
    '法定代表人公民身份号码',
    'Resident identity card number of the legal representative',
  ),
  legalRepresentativePhone: mobile(
    '法定代表人手机号码',
    'Mobile phone of the legal representative',
  ),
  shareholders: {
    type: 'array',
    title: '股东（出资人）信息',
    description: 'Shareholders and their subscribed contributions',
    items: SHAREHOLDER_SCHEMA,
    minItems: 1,
    maxItems: 50,
  },
  applicantName: personName(
    '申请人（经办人）姓名',
    'Full name of the person filing the application',
  ),
  applicantIdNumber: idNumber(
    '申请人公民身份号码',
    'Resident identity card number of the applicant',
  ),
  applicantPhone: mobile('申请人手机号码', 'Mobile phone of the applicant, for SMS notices'),
}

export const COMPANY_REGISTRATION: ItemContent = {
  basicCode: '000131003000',
  implementationCode: implementationCode('market', '000131003000'),
  name: { zh: '企业设立登记', en: 'Enterprise establishment registration' },
  keywords: ['开公司', '注册公司', '营业执照'],
  departmentCode: 'market',
  itemType: 'administrative_registration',
  legalBasis: [
    {
      title: '《中华人民共和国市场主体登记管理条例》',
      article: '第三条：市场主体应当依照本条例办理登记。未经登记，不得以市场主体名义从事经营活动',
    },
    {
      title: '《中华人民共和国市场主体登记管理条例》',
      article: '第十六条（申请登记应当提交的材料）',
    },
    {
      title: '《中华人民共和国市场主体登记管理条例》',
      article:
        '第十九条：登记机关对申请材料进行形式审查，材料齐全、符合法定形式的当场登记；不能当场登记的，应当在3个工作日内予以登记',
    },
    { title: '《中华人民共和国公司法》', article: '第二十九条、第三十三条（设立登记与营业执照）' },
  ],
  handlingType: 'promised',
  statutoryLimitDays: 3,
  promisedLimitDays: 1,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'province',
  fees: [],
  materials: [
    {
      code: 'registration_application',
      name: { zh: '公司登记（备案）申请书', en: 'Company registration (filing) application' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报后由系统生成，全体股东、法定代表人电子签名',
    },
    {
      code: 'articles_of_association',
      name: { zh: '公司章程', en: 'Articles of association' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '可选用章程示范文本，由全体股东签署',
    },
    {
      code: 'shareholder_identity',
      name: { zh: '股东主体资格证明（自然人身份证件）', en: 'Identity documents of shareholders' },
      required: true,
      copies: 1,
      form: 'either',
      licenceType: 'id_card',
    },
    {
      code: 'officer_appointment',
      name: {
        zh: '法定代表人、董事、监事和高级管理人员的任职文件及身份证件',
        en: 'Appointment documents and identity documents of the legal representative, directors, supervisors and managers',
      },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'premises_proof',
      name: { zh: '住所使用相关文件', en: 'Proof of the right to use the registered address' },
      required: true,
      copies: 1,
      form: 'either',
      licenceType: 'property_certificate',
      note: '实行住所申报承诺制，可提交《住所（经营场所）申报承诺书》替代',
    },
    {
      code: 'agent_authorization',
      name: { zh: '指定代表或者共同委托代理人授权委托书', en: 'Power of attorney for the agent' },
      required: false,
      copies: 1,
      form: 'either',
      note: '委托他人办理的提交',
    },
  ],
  formSchema: form(
    '企业设立登记申请表',
    'Enterprise establishment registration',
    COMPANY_REGISTRATION_FIELDS,
  ),
  guide: guide('2楼企业开办专区', [
    '企业名称已通过自主申报，符合《企业名称登记管理规定》',
    '有限责任公司全体股东认缴的出资额应自公司成立之日起五年内缴足（《中华人民共和国公司法》第四十七条）',
    '有公司住所，住所申报承诺制适用于本市行政区域内',
    '法定代表人、董事、监事、高级管理人员不存在《中华人民共和国公司法》第一百七十八条规定的情形',
    '企业开办全流程网上办理，营业执照、印章、发票、社保和公积金登记1个工作日内办结',
  ]),
}
