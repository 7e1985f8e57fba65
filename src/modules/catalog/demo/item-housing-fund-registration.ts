/** 公积金中心 · 单位住房公积金缴存登记. */
import type { ItemContent } from '../catalog.schema.js'
import {
  MONTH_PATTERN,
  address,
  bankAccount,
  creditCode,
  form,
  guide,
  implementationCode,
  integer,
  mobile,
  personName,
  text,
} from './demo-common.js'

export const HOUSING_FUND_REGISTRATION_FIELDS = {
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the employer'),
  unitName: text('单位名称', 'Employer name as on the business licence', { maxLength: 100 }),
  address: address('单位地址', 'Employer address'),
  legalRepresentativeName: personName('法定代表人姓名', 'Full name of the legal representative'),
  contributionRate: integer('单位缴存比例（%）', 'Employer contribution rate in percent (5–12)', {
    minimum: 5,
    maximum: 12,
  }),
  firstPaymentMonth: text('首次汇缴年月', 'First contribution month, YYYY-MM', {
    pattern: MONTH_PATTERN,
  }),
  employeeCount: integer('预计缴存职工人数', 'Expected number of contributing employees', {
    minimum: 0,
    maximum: 100000,
  }),
  contactName: personName('公积金专管员姓名', 'Full name of the housing fund contact'),
  contactPhone: mobile('公积金专管员手机号码', 'Mobile phone of the housing fund contact'),
  bankName: text('缴存开户银行', 'Bank of the contribution account', { maxLength: 100 }),
  bankAccount: bankAccount('缴存银行账号', 'Bank account number for contributions'),
}

export const HOUSING_FUND_REGISTRATION: ItemContent = {
  basicCode: '000151001000',
  implementationCode: implementationCode('housing_fund', '000151001000'),
  name: { zh: '单位住房公积金缴存登记', en: 'Employer housing provident fund registration' },
  departmentCode: 'housing_fund',
  itemType: 'public_service',
  legalBasis: [
    {
      title: '《住房公积金管理条例》',
      article:
        '第十四条：新设立的单位应当自设立之日起30日内向住房公积金管理中心办理住房公积金缴存登记',
    },
    {
      title: '《住房公积金管理条例》',
      article: '第十五条：单位录用职工的，应当自录用之日起30日内办理缴存登记',
    },
    {
      title: '《住房公积金管理条例》',
      article: '第十八条：职工和单位住房公积金的缴存比例均不得低于职工上一年度月平均工资的5%',
    },
  ],
  handlingType: 'immediate',
  statutoryLimitDays: 5,
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
      name: { zh: '单位住房公积金缴存登记表', en: 'Employer housing fund registration form' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报，系统自动生成',
    },
    {
      code: 'contact_authorization',
      name: { zh: '单位公积金专管员授权书', en: 'Authorisation of the housing fund contact' },
      required: false,
      copies: 1,
      form: 'electronic',
    },
  ],
  formSchema: form(
    '单位住房公积金缴存登记表',
    'Employer housing provident fund registration',
    HOUSING_FUND_REGISTRATION_FIELDS,
    [
      'creditCode',
      'unitName',
      'address',
      'contributionRate',
      'firstPaymentMonth',
      'contactName',
      'contactPhone',
    ],
  ),
  guide: guide('2楼企业开办专区公积金窗口', [
    '新设立的单位自设立之日起30日内办理缴存登记，并自登记之日起20日内为职工办理账户设立手续',
    '单位和职工缴存比例均不低于5%、不高于12%',
  ]),
}
