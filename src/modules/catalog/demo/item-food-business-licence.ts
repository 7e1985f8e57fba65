/**
 * 市场监管局 · 食品经营许可 (开餐馆“一件事” core item, with 现场核查).
 *
 * Its process (demo-processes.ts): 受理 names two or more inspectors; 现场核查 is a 会签 of
 * those inspectors, in parallel with 材料审查; then 许可决定. While on the premises an inspector
 * starts the special procedure `inspection` (现场核查, below) on their 现场核查 task and ends it
 * when done (POST /approval/tasks/{id}/special-procedures): those days do not count toward the
 * time limits.
 */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  address,
  choice,
  creditCode,
  decimal,
  form,
  guide,
  idNumber,
  implementationCode,
  mobile,
  multiChoice,
  personName,
  text,
} from './demo-common.js'

export const FOOD_BUSINESS_FORM_OPTIONS: ChoiceOptions = [
  ['catering', '餐饮服务经营者'],
  ['canteen', '单位食堂'],
  ['food_retail', '食品销售经营者'],
]

export const FOOD_CATEGORY_OPTIONS: ChoiceOptions = [
  ['hot_food', '热食类食品制售'],
  ['cold_food', '冷食类食品制售'],
  ['raw_food', '生食类食品制售'],
  ['semi_finished', '半成品制售'],
  ['self_made_drinks', '自制饮品制售'],
  ['prepackaged', '预包装食品销售（含冷藏冷冻食品）'],
  ['bulk', '散装食品销售（不含散装熟食）'],
]

export const FOOD_BUSINESS_LICENCE_FIELDS = {
  operatorName: text('经营者名称', 'Operator name as on the business licence', { maxLength: 100 }),
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the operator'),
  legalRepresentativeName: personName(
    '法定代表人（负责人）姓名',
    'Legal representative or person in charge',
  ),
  legalRepresentativeIdNumber: idNumber(
    '法定代表人（负责人）公民身份号码',
    'Resident identity card number of the legal representative',
  ),
  premisesAddress: address('经营场所', 'Address of the business premises'),
  premisesArea: decimal('经营场所面积（平方米）', 'Floor area of the premises in square metres', {
    exclusiveMinimum: 0,
    maximum: 100000,
  }),
  mainBusinessForm: choice('主体业态', 'Main business form', FOOD_BUSINESS_FORM_OPTIONS),
  businessItems: multiChoice('经营项目', 'Food business items applied for', FOOD_CATEGORY_OPTIONS),
  foodSafetyManagerName: personName('食品安全管理员姓名', 'Full name of the food safety manager'),
  foodSafetyManagerPhone: mobile(
    '食品安全管理员手机号码',
    'Mobile phone of the food safety manager',
  ),
}

export const FOOD_BUSINESS_LICENCE: ItemContent = {
  basicCode: '000105023000',
  implementationCode: implementationCode('market', '000105023000'),
  name: { zh: '食品经营许可', en: 'Food business licence' },
  departmentCode: 'market',
  itemType: 'administrative_licence',
  legalBasis: [
    {
      title: '《中华人民共和国食品安全法》',
      article:
        '第三十五条：国家对食品生产经营实行许可制度。从事食品生产、食品销售、餐饮服务，应当依法取得许可',
    },
    {
      title: '《中华人民共和国行政许可法》',
      article: '第四十二条：行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定',
    },
    {
      title: '《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）',
      article: '第二章 申请与受理、第三章 审查与决定',
    },
  ],
  handlingType: 'promised',
  statutoryLimitDays: 20,
  promisedLimitDays: 5,
  onSiteVisits: 0,
  specialProcedures: [
    {
      kind: 'inspection',
      name: { zh: '现场核查', en: 'On-site inspection of the premises' },
      limitDays: 5,
    },
  ],
  scope: 'city',
  fees: [],
  materials: [
    {
      code: 'licence_application',
      name: { zh: '食品经营许可申请书', en: 'Food business licence application' },
      required: true,
      copies: 1,
      form: 'electronic',
      note: '在线填报，系统自动生成',
    },
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
      code: 'premises_layout',
      name: {
        zh: '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
        en: 'Main equipment, premises layout and process flow documents',
      },
      required: true,
      copies: 1,
      form: 'electronic',
    },
    {
      code: 'food_safety_rules',
      name: {
        zh: '食品安全自查、从业人员健康管理、进货查验记录、食品安全事故处置等保证食品安全的规章制度',
        en: 'Food safety management rules (self-inspection, staff health, purchase checks, incident handling)',
      },
      required: true,
      copies: 1,
      form: 'electronic',
    },
    {
      code: 'legal_representative_id',
      name: {
        zh: '法定代表人（负责人）居民身份证',
        en: 'Identity card of the legal representative',
      },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'agent_authorization',
      name: {
        zh: '授权委托书及经办人身份证件',
        en: 'Power of attorney and identity card of the agent',
      },
      required: false,
      copies: 1,
      form: 'either',
      note: '委托他人办理的提交',
    },
  ],
  formSchema: form(
    '食品经营许可申请表',
    'Food business licence application',
    FOOD_BUSINESS_LICENCE_FIELDS,
  ),
  guide: guide('3楼市场监管窗口', [
    '已取得营业执照（或与设立登记一并申请）',
    '具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所，并与有毒、有害场所以及其他污染源保持规定的距离',
    '具有与经营的食品品种、数量相适应的经营设备或者设施，有专职或者兼职的食品安全管理人员和保证食品安全的规章制度',
    '具有合理的设备布局和工艺流程，防止待加工食品与直接入口食品、原料与成品交叉污染',
    '市场监管部门对经营场所进行现场核查，现场核查所需时间不计入承诺办结时限',
  ]),
}
