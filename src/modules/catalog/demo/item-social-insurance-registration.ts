/** 人社局 · 单位参保登记 (社会保险登记). */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  address,
  bankAccount,
  creditCode,
  form,
  guide,
  implementationCode,
  integer,
  mobile,
  multiChoice,
  personName,
  text,
} from './demo-common.js'

/** Insurances handled by 人社部门; medical and maternity insurance are handled by 医保部门. */
export const INSURANCE_TYPE_OPTIONS: ChoiceOptions = [
  ['pension', '企业职工基本养老保险'],
  ['unemployment', '失业保险'],
  ['work_injury', '工伤保险'],
]

export const SOCIAL_INSURANCE_FIELDS = {
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the employer'),
  unitName: text('单位名称', 'Employer name as on the business licence', { maxLength: 100 }),
  address: address('单位地址', 'Employer address'),
  legalRepresentativeName: personName('法定代表人姓名', 'Full name of the legal representative'),
  insuranceTypes: multiChoice(
    '参保险种',
    'Social insurances the employer enrols in',
    INSURANCE_TYPE_OPTIONS,
  ),
  employeeCount: integer('预计参保职工人数', 'Expected number of insured employees', {
    minimum: 0,
    maximum: 100000,
  }),
  contactName: personName('社保经办人姓名', 'Full name of the social insurance contact'),
  contactPhone: mobile('社保经办人手机号码', 'Mobile phone of the social insurance contact'),
  bankName: text('缴费开户银行', 'Bank of the contribution account', { maxLength: 100 }),
  bankAccount: bankAccount('缴费银行账号', 'Bank account number for contribution debits'),
}

export const SOCIAL_INSURANCE_REGISTRATION: ItemContent = {
  basicCode: '000142001000',
  implementationCode: implementationCode('hrss', '000142001000'),
  name: { zh: '单位参保登记', en: 'Employer social insurance registration' },
  departmentCode: 'hrss',
  itemType: 'public_service',
  legalBasis: [
    {
      title: '《中华人民共和国社会保险法》',
      article:
        '第五十七条：用人单位应当自成立之日起三十日内凭营业执照、登记证书或者单位印章，向当地社会保险经办机构申请办理社会保险登记。社会保险经办机构应当自收到申请之日起十五日内予以审核',
    },
    {
      title: '《中华人民共和国社会保险法》',
      article:
        '第五十八条：用人单位应当自用工之日起三十日内为其职工向社会保险经办机构申请办理社会保险登记',
    },
  ],
  handlingType: 'immediate',
  statutoryLimitDays: 15,
  promisedLimitDays: 0,
  onSiteVisits: 0,
  specialProcedures: [],
  scope: 'province',
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
      code: 'registration_form',
      name: { zh: '社会保险登记表', en: 'Social insurance registration form' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报，系统自动生成',
    },
    {
      code: 'debit_agreement',
      name: { zh: '社会保险费委托扣款协议', en: 'Direct debit agreement for contributions' },
      required: false,
      copies: 1,
      form: 'electronic',
    },
  ],
  formSchema: form(
    '单位参保登记表',
    'Employer social insurance registration',
    SOCIAL_INSURANCE_FIELDS,
    [
      'creditCode',
      'unitName',
      'address',
      'legalRepresentativeName',
      'insuranceTypes',
      'contactName',
      'contactPhone',
    ],
  ),
  guide: guide('2楼企业开办专区社保窗口', [
    '在本市登记设立的用人单位，自成立之日起三十日内办理',
    '单位参保登记后，应当自用工之日起三十日内为职工办理参保登记',
    '职工基本医疗保险（含生育保险）参保登记由医疗保障部门同步办理',
  ]),
}
