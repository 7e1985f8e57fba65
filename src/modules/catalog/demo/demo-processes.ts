/** BPMN 2.0 processes of the demo items, keyed by implementation code. */
import type { DepartmentRole } from '../../identity/demo/index.js'
import type { ProcessSpec, ServiceTaskSpec, UserTaskSpec } from './bpmn-builder.js'
import { buildProcessXml } from './bpmn-builder.js'
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

const task = (id: string, name: string, role: DepartmentRole): UserTaskSpec => ({ id, name, role })
const accept = (name = '受理'): UserTaskSpec => task('accept', name, 'dept_staff')
const review = (name = '审查'): UserTaskSpec => task('review', name, 'dept_staff')
const decide = (name = '决定', role: DepartmentRole = 'dept_approver'): UserTaskSpec =>
  task('decide', name, role)
const issue = (licenceType: string, name: string): ServiceTaskSpec => ({
  id: 'issue_licence',
  name,
  topic: 'issue-licence',
  licenceType,
})
/** 材料审查 and 现场核查 run in parallel between 受理 and 决定. */
const reviewAndInspect = (inspection: string | UserTaskSpec) => ({
  id: 'parallel_review',
  parallel: [
    task('material_review', '材料审查', 'dept_staff'),
    typeof inspection === 'string' ? task('inspection', inspection, 'dept_staff') : inspection,
  ],
})

/**
 * 食品经营许可: 受理 names at least two inspectors (核查人员不得少于2人, 《食品经营许可和备案管理办法》),
 * each gets a 现场核查 task, and the step passes only when all of them approve (会签).
 */
const FOOD_ACCEPT: UserTaskSpec = {
  ...accept(),
  editableFields: ['/inspectors'],
  documentation:
    '核对申请材料：必须提交的材料不齐全的不能同意受理，应一次告知申请人补正。同意受理时指派现场核查人员（inspectors：本部门具有受理审查岗位的 2 名以上工作人员）。',
}
const FOOD_INSPECTION: UserTaskSpec = {
  ...task('inspection', '现场核查（会签）', 'dept_staff'),
  multiInstance: { collection: 'inspectors' },
  documentation:
    '每名核查人员各办理一项会签任务，全部同意方为核查通过。到场核查期间，核查人员在本任务上开始“现场核查”特别程序（kind=inspection），核查结束后结束该程序；特别程序期间不计入办结时限（《行政许可法》第四十五条）。',
}

/** Process specifications, keyed by implementation code. */
export const DEMO_PROCESS_SPECS: Record<string, ProcessSpec> = {
  [COMPANY_REGISTRATION.implementationCode]: {
    id: 'company_registration',
    name: '企业设立登记',
    stages: [accept(), review(), decide('核准登记')],
    onApproval: issue('business_licence', '发放电子营业执照'),
  },
  [SEAL_FILING.implementationCode]: {
    id: 'seal_filing',
    name: '公章刻制备案',
    stages: [accept('受理并审核'), decide('备案确认', 'dept_staff')],
    onApproval: { id: 'notify_engraver', name: '推送刻章企业制章', topic: 'notify-seal-engraver' },
  },
  [NEW_TAXPAYER.implementationCode]: {
    id: 'new_taxpayer',
    name: '新办纳税人“套餐式”服务',
    stages: [accept(), review('信息确认与税（费）种认定'), decide('发票票种核定')],
    onApproval: {
      id: 'grant_invoice_quota',
      name: '赋予数电发票开票额度',
      topic: 'grant-invoice-quota',
    },
  },
  [SOCIAL_INSURANCE_REGISTRATION.implementationCode]: {
    id: 'social_insurance_registration',
    name: '单位参保登记',
    stages: [accept(), review('审核'), decide('登记确认')],
    onApproval: {
      id: 'open_account',
      name: '生成单位社保编号',
      topic: 'open-social-insurance-account',
    },
  },
  [HOUSING_FUND_REGISTRATION.implementationCode]: {
    id: 'housing_fund_registration',
    name: '单位住房公积金缴存登记',
    stages: [accept(), review('审核'), decide('登记确认')],
    onApproval: {
      id: 'open_account',
      name: '开设单位公积金账户',
      topic: 'open-housing-fund-account',
    },
  },
  [FOOD_BUSINESS_LICENCE.implementationCode]: {
    id: 'food_business_licence',
    name: '食品经营许可',
    stages: [FOOD_ACCEPT, reviewAndInspect(FOOD_INSPECTION), decide('许可决定')],
    onApproval: issue('food_business_licence', '发放电子食品经营许可证'),
  },
  [PUBLIC_PLACE_HYGIENE_LICENCE.implementationCode]: {
    id: 'public_place_hygiene_licence',
    name: '公共场所卫生许可',
    stages: [accept(), reviewAndInspect('现场审核'), decide('许可决定')],
    onApproval: issue('public_place_hygiene_licence', '发放电子公共场所卫生许可证'),
  },
  [PROPERTY_TRANSACTION_TAX.implementationCode]: {
    id: 'property_transaction_tax',
    name: '存量房交易税费申报',
    stages: [accept('受理申报'), review('计税审核'), decide('税费核定')],
    onApproval: issue('tax_payment_certificate', '开具电子完税证明'),
  },
  [PROPERTY_TRANSFER_REGISTRATION.implementationCode]: {
    id: 'property_transfer_registration',
    name: '不动产转移登记',
    stages: [accept('受理（询问、身份核验）'), review('审核'), decide('登簿')],
    onApproval: issue('property_certificate', '发放电子不动产权证书'),
  },
  [HOUSING_FUND_WITHDRAWAL.implementationCode]: {
    id: 'housing_fund_withdrawal',
    name: '住房公积金提取',
    stages: [accept(), review('审核'), decide('提取决定')],
    onApproval: { id: 'disburse', name: '划转提取资金', topic: 'disburse-housing-fund' },
  },
}

/** BPMN 2.0 XML per item, keyed by implementation code. */
export const DEMO_PROCESSES: Record<string, string> = Object.fromEntries(
  Object.entries(DEMO_PROCESS_SPECS).map(([code, spec]) => [code, buildProcessXml(spec)]),
)
