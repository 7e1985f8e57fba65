/**
 * 卫健委 · 公共场所卫生许可.
 *
 * Since 国发〔2016〕12号 饭馆、咖啡馆、酒吧、茶座 no longer need this licence (its food-safety part
 * merged into the 食品经营许可证); a restaurant needs it only when it also runs a public place that
 * still requires one, e.g. 卡拉OK包厢 or 住宿.
 */
import type { ItemContent } from '../catalog.schema.js'
import type { ChoiceOptions } from './demo-common.js'
import {
  address,
  creditCode,
  decimal,
  form,
  guide,
  implementationCode,
  integer,
  mobile,
  multiChoice,
  personName,
  text,
  yesNo,
} from './demo-common.js'

export const PUBLIC_PLACE_TYPE_OPTIONS: ChoiceOptions = [
  ['accommodation', '住宿场所（宾馆、旅店、招待所）'],
  ['karaoke', '歌舞厅、卡拉OK等娱乐场所'],
  ['beauty_salon', '美容店、理发店'],
  ['bathing', '公共浴室（沐浴、足浴）'],
  ['swimming', '游泳场（馆）'],
]

export const PUBLIC_PLACE_HYGIENE_FIELDS = {
  unitName: text('单位名称', 'Operator name as on the business licence', { maxLength: 100 }),
  creditCode: creditCode('统一社会信用代码', 'Unified social credit code of the operator'),
  legalRepresentativeName: personName(
    '法定代表人（负责人）姓名',
    'Legal representative or person in charge',
  ),
  premisesAddress: address('经营场所', 'Address of the public place'),
  premisesArea: decimal('经营面积（平方米）', 'Floor area of the public place in square metres', {
    exclusiveMinimum: 0,
    maximum: 100000,
  }),
  publicPlaceTypes: multiChoice(
    '公共场所类别',
    'Kinds of public places operated',
    PUBLIC_PLACE_TYPE_OPTIONS,
  ),
  employeeCount: integer('直接为顾客服务的从业人员数', 'Employees directly serving customers', {
    minimum: 0,
    maximum: 10000,
  }),
  healthCertifiedCount: integer(
    '持有效健康合格证明人数',
    'Employees holding a valid health certificate',
    { minimum: 0, maximum: 10000 },
  ),
  centralAirConditioning: yesNo(
    '是否使用集中空调通风系统',
    'Whether a central air-conditioning system is used',
  ),
  contactName: personName('卫生管理员姓名', 'Full name of the hygiene manager'),
  contactPhone: mobile('卫生管理员手机号码', 'Mobile phone of the hygiene manager'),
}

export const PUBLIC_PLACE_HYGIENE_LICENCE: ItemContent = {
  basicCode: '000117016000',
  implementationCode: implementationCode('health', '000117016000'),
  name: { zh: '公共场所卫生许可', en: 'Public place hygiene licence' },
  departmentCode: 'health',
  itemType: 'administrative_licence',
  legalBasis: [
    {
      title: '《公共场所卫生管理条例》',
      article:
        '第八条：除公园、体育场（馆）、公共交通工具外的公共场所，经营单位应当及时向卫生行政部门申请办理“卫生许可证”',
    },
    {
      title: '《公共场所卫生管理条例实施细则》',
      article: '第二十二条、第二十三条、第二十四条（卫生许可的申请、材料与审查）',
    },
    {
      title:
        '《国务院关于整合调整餐饮服务场所的公共场所卫生许可证和食品经营许可证的决定》（国发〔2016〕12号）',
      article: '取消对饭馆、咖啡馆、酒吧、茶座4类公共场所核发的卫生许可证',
    },
  ],
  handlingType: 'promised',
  statutoryLimitDays: 20,
  promisedLimitDays: 7,
  onSiteVisits: 0,
  specialProcedures: [
    {
      kind: 'inspection',
      name: { zh: '现场审核', en: 'On-site hygiene review' },
      limitDays: 5,
    },
  ],
  scope: 'city',
  fees: [],
  materials: [
    {
      code: 'licence_application',
      name: { zh: '公共场所卫生许可申请表', en: 'Public place hygiene licence application' },
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
      code: 'legal_representative_id',
      name: {
        zh: '法定代表人或者负责人身份证明',
        en: 'Identity document of the legal representative',
      },
      required: true,
      copies: 1,
      form: 'electronic',
      licenceType: 'id_card',
    },
    {
      code: 'site_plans',
      name: {
        zh: '公共场所地址方位示意图、平面图和卫生设施平面布局图',
        en: 'Location map, floor plan and layout of hygiene facilities',
      },
      required: true,
      copies: 1,
      form: 'electronic',
    },
    {
      code: 'hygiene_test_report',
      name: { zh: '公共场所卫生检测或者评价报告', en: 'Hygiene testing or evaluation report' },
      required: true,
      copies: 1,
      form: 'electronic',
    },
    {
      code: 'hygiene_rules',
      name: { zh: '公共场所卫生管理制度', en: 'Hygiene management rules' },
      required: true,
      copies: 1,
      form: 'electronic',
    },
    {
      code: 'air_conditioning_report',
      name: {
        zh: '集中空调通风系统卫生检测或者评价报告',
        en: 'Hygiene report of the central air-conditioning system',
      },
      required: false,
      copies: 1,
      form: 'electronic',
      note: '使用集中空调通风系统的提交',
    },
  ],
  formSchema: form(
    '公共场所卫生许可申请表',
    'Public place hygiene licence application',
    PUBLIC_PLACE_HYGIENE_FIELDS,
    [
      'unitName',
      'creditCode',
      'legalRepresentativeName',
      'premisesAddress',
      'premisesArea',
      'publicPlaceTypes',
      'employeeCount',
      'healthCertifiedCount',
      'centralAirConditioning',
      'contactName',
      'contactPhone',
    ],
  ),
  guide: guide('3楼卫生健康窗口', [
    '已取得营业执照，经营住宿、沐浴、美容美发、游泳、歌舞娱乐等公共场所',
    '饭馆、咖啡馆、酒吧、茶座不再办理公共场所卫生许可（国发〔2016〕12号）',
    '直接为顾客服务的从业人员取得有效健康合格证明',
    '公共场所卫生许可证有效期四年，每两年复核一次',
  ]),
}
