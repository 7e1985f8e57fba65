import { Type, type Static } from 'typebox'

export const LocalizedText = Type.Object({
  zh: Type.String({ minLength: 1, maxLength: 2000 }),
  en: Type.String({ minLength: 1, maxLength: 2000 }),
})

export const ItemType = Type.Union(
  [
    Type.Literal('administrative_licence'), // 行政许可
    Type.Literal('administrative_confirmation'), // 行政确认
    Type.Literal('administrative_registration'), // 行政登记 (其他行政权力)
    Type.Literal('administrative_payment'), // 行政给付
    Type.Literal('public_service'), // 公共服务
  ],
  { description: '事项类型 item type (GB/T 39554.1)' },
)

export const HandlingType = Type.Union([Type.Literal('immediate'), Type.Literal('promised')], {
  description: '办件类型: immediate = 即办件, promised = 承诺件',
})

export const ServiceScope = Type.Union(
  [
    Type.Literal('city'), // 全市通办
    Type.Literal('province'), // 全省通办
    Type.Literal('cross_province'), // 跨省通办
  ],
  { description: '通办范围' },
)

export const SpecialProcedure = Type.Object({
  kind: Type.Union([
    Type.Literal('hearing'), // 听证
    Type.Literal('testing'), // 检验检测
    Type.Literal('expert_review'), // 专家评审
    Type.Literal('inspection'), // 现场勘验
    Type.Literal('announcement'), // 公示
  ]),
  name: LocalizedText,
  limitDays: Type.Integer({ minimum: 0, maximum: 365, description: 'working days' }),
})

export const Fee = Type.Object({
  name: LocalizedText,
  amount: Type.String({ pattern: '^\\d{1,9}(\\.\\d{1,2})?$', description: 'yuan, exact decimal' }),
  basis: Type.String({ minLength: 1, maxLength: 500 }),
})

export const Material = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$' }),
  name: LocalizedText,
  required: Type.Boolean(),
  copies: Type.Integer({ minimum: 0, maximum: 20 }),
  form: Type.Union([Type.Literal('electronic'), Type.Literal('paper'), Type.Literal('either')]),
  licenceType: Type.Optional(
    Type.String({
      pattern: '^[a-z][a-z0-9_]{1,63}$',
      description: 'a licence type the government issues that satisfies this material (免提交)',
    }),
  ),
  note: Type.Optional(Type.String({ maxLength: 500 })),
})

export const LegalBasis = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  article: Type.String({ minLength: 1, maxLength: 200 }),
})

export const GuideInfo = Type.Object({
  conditions: Type.Array(Type.String({ minLength: 1, maxLength: 500 }), { maxItems: 50 }),
  address: Type.String({ minLength: 1, maxLength: 300 }),
  phone: Type.String({ minLength: 1, maxLength: 50 }),
  hours: Type.String({ minLength: 1, maxLength: 200 }),
  onlineUrl: Type.Optional(Type.String({ maxLength: 300 })),
})

/** The content of one version of a service item (事项), as drafted and published. */
export const ItemContent = Type.Object({
  basicCode: Type.String({ pattern: '^[0-9A-Z]{6,40}$', description: '基本编码' }),
  implementationCode: Type.String({ pattern: '^[0-9A-Z-]{10,60}$', description: '实施编码' }),
  name: LocalizedText,
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      maxItems: 20,
      description: '检索关键词：群众常用的说法（如“开公司”） words citizens search by',
    }),
  ),
  departmentCode: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
  itemType: ItemType,
  legalBasis: Type.Array(LegalBasis, { minItems: 1, maxItems: 20 }),
  handlingType: HandlingType,
  statutoryLimitDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: '法定办结时限 (working days)',
  }),
  promisedLimitDays: Type.Integer({
    minimum: 0,
    maximum: 365,
    description: '承诺办结时限 (working days)',
  }),
  onSiteVisits: Type.Integer({ minimum: 0, maximum: 5, description: '到办事现场次数' }),
  specialProcedures: Type.Array(SpecialProcedure, { maxItems: 10 }),
  scope: ServiceScope,
  fees: Type.Array(Fee, { maxItems: 20, description: 'empty = free of charge (不收费)' }),
  materials: Type.Array(Material, { maxItems: 50 }),
  formSchema: Type.Record(Type.String(), Type.Unknown(), {
    description: 'JSON Schema (draft 2020-12 subset) of the application form',
  }),
  guide: GuideInfo,
})
export type ItemContent = Static<typeof ItemContent>

export const BundleMember = Type.Object({
  implementationCode: Type.String({ pattern: '^[0-9A-Z-]{10,60}$' }),
  condition: Type.Union([Type.String({ minLength: 1, maxLength: 2000 }), Type.Null()], {
    description: 'FEEL expression over the merged form; null = always included',
  }),
  fieldMap: Type.Record(Type.String(), Type.String(), {
    description: 'item form field → JSON pointer into the merged bundle form',
  }),
})

/** The content of one version of a bundle (一件事). */
export const BundleContent = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,63}$' }),
  name: LocalizedText,
  description: LocalizedText,
  keywords: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
      maxItems: 20,
      description: '检索关键词：群众常用的说法（如“开公司”） words citizens search by',
    }),
  ),
  members: Type.Array(BundleMember, { minItems: 1, maxItems: 30 }),
  formSchema: Type.Record(Type.String(), Type.Unknown()),
})
export type BundleContent = Static<typeof BundleContent>

/** The published guide (办事指南) as the API shows it; `renderGuide` returns exactly this. */
export const GuideView = Type.Object({
  title: LocalizedText,
  department: LocalizedText,
  itemType: LocalizedText,
  handlingType: LocalizedText,
  timeLimits: Type.Object({
    statutoryWorkingDays: Type.Integer(),
    promisedWorkingDays: Type.Integer(),
    text: LocalizedText,
  }),
  specialProcedures: Type.Array(
    Type.Object({ name: LocalizedText, workingDays: Type.Integer(), note: LocalizedText }),
  ),
  onSiteVisits: LocalizedText,
  scope: LocalizedText,
  legalBasis: Type.Array(Type.String()),
  conditions: Type.Array(Type.String()),
  materials: Type.Array(
    Type.Object({
      code: Type.String(),
      name: LocalizedText,
      required: Type.Boolean(),
      copies: Type.Integer(),
      form: Type.Union([Type.Literal('electronic'), Type.Literal('paper'), Type.Literal('either')]),
      reusableLicence: Type.Union([Type.String(), Type.Null()]),
      note: Type.Union([LocalizedText, Type.Null()]),
    }),
  ),
  fees: Type.Array(
    Type.Object({ name: LocalizedText, amount: Type.String(), basis: Type.String() }),
  ),
  contact: Type.Object({
    address: Type.String(),
    phone: Type.String(),
    hours: Type.String(),
    onlineUrl: Type.Union([Type.String(), Type.Null()]),
  }),
})
export type GuideView = Static<typeof GuideView>
