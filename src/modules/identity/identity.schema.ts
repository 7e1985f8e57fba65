import { Type, type Static } from 'typebox'

export const ChannelSchema = Type.Union(
  [Type.Literal('web'), Type.Literal('app'), Type.Literal('miniprogram'), Type.Literal('counter')],
  { description: '渠道 channel' },
)

export const RegisterPersonBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, description: '姓名' }),
  idNumber: Type.String({ minLength: 1, maxLength: 32, description: '公民身份号码 (GB 11643)' }),
  phone: Type.String({ minLength: 1, maxLength: 20, description: '手机号码' }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
})

export const PersonView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  idNumberMasked: Type.String(),
  phoneMasked: Type.String(),
  birthDate: Type.String(),
  sex: Type.String(),
})

export const SignInBody = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('staff')]),
  identifier: Type.String({
    minLength: 1,
    maxLength: 64,
    description: '身份证号（个人）或工作人员账号',
  }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
  channel: ChannelSchema,
  rememberDevice: Type.Optional(Type.Boolean()),
})

export const SignInChallenge = Type.Object({
  challengeId: Type.String(),
  expiresAt: Type.String(),
  sentTo: Type.String(),
})
export const VerifyBody = Type.Object({
  challengeId: Type.String({ minLength: 1, maxLength: 64 }),
  code: Type.String({ pattern: '^[0-9]{6}$' }),
})
export const RefreshBody = Type.Object({
  refreshToken: Type.String({ minLength: 1, maxLength: 200 }),
})

export const TokensView = Type.Object({
  accessToken: Type.String(),
  tokenType: Type.Literal('Bearer'),
  expiresIn: Type.Integer(),
  refreshToken: Type.String(),
  refreshExpiresAt: Type.String(),
  sessionId: Type.String(),
})

export const MeView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  channel: Type.String(),
  sessionId: Type.String(),
  roles: Type.Array(
    Type.Object({ role: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]) }),
  ),
})

export const PreferencesView = Type.Object({
  elderlyMode: Type.Boolean({ description: '适老化（长辈版）elderly mode' }),
  locale: Type.Union([Type.Literal('zh-CN'), Type.Literal('en'), Type.Null()], {
    description: '界面语言；null = 按浏览器 the browser decides',
  }),
})
export const PreferencesPatch = Type.Partial(PreferencesView, { minProperties: 1 })

export const DepartmentView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.Object({ zh: Type.String(), en: Type.String() }),
  creditCode: Type.String(),
  address: Type.String(),
  phone: Type.String(),
})
export const NewDepartmentBody = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,31}$' }),
  nameZh: Type.String({ minLength: 2, maxLength: 100 }),
  nameEn: Type.String({ minLength: 2, maxLength: 200 }),
  creditCode: Type.String({ minLength: 1, maxLength: 32 }),
  address: Type.String({ minLength: 1, maxLength: 200 }),
  phone: Type.String({ minLength: 1, maxLength: 30 }),
})

export const StaffView = Type.Object({
  id: Type.String(),
  account: Type.String(),
  name: Type.String(),
  departmentId: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  phoneMasked: Type.String(),
  lockedUntil: Type.Union([Type.String(), Type.Null()]),
  roles: Type.Array(
    Type.Object({ role: Type.String(), departmentId: Type.Union([Type.String(), Type.Null()]) }),
  ),
})
export const NewStaffBody = Type.Object({
  account: Type.String({ pattern: '^[a-z][a-z0-9._-]{2,39}$' }),
  name: Type.String({ minLength: 2, maxLength: 50 }),
  departmentId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
  phone: Type.String({ minLength: 1, maxLength: 20 }),
  password: Type.String({ minLength: 1, maxLength: 128 }),
})
export const ColleagueView = Type.Object({
  id: Type.String(),
  account: Type.String(),
  name: Type.String(),
  departmentId: Type.String(),
  roles: Type.Array(Type.String()),
})
export const ColleagueQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'name or account' })),
})
export const StaffListQuery = Type.Object({
  departmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
})
export const RoleBody = Type.Object({
  role: Type.String({ minLength: 1, maxLength: 40 }),
  departmentId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
})

export const EnterpriseView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  creditCode: Type.String(),
  legalRepresentativeId: Type.String(),
  registeredAddress: Type.String(),
  industryCode: Type.String(),
  registeredCapital: Type.String(),
  establishedOn: Type.String(),
})
export const NewEnterpriseBody = Type.Object({
  name: Type.String({ minLength: 2, maxLength: 100, description: '企业名称' }),
  creditCode: Type.String({
    minLength: 1,
    maxLength: 32,
    description: '统一社会信用代码 (GB 32100)',
  }),
  registeredAddress: Type.String({ minLength: 2, maxLength: 200 }),
  industryCode: Type.String({
    pattern: '^[A-T][0-9]{2,4}$',
    description: 'GB/T 4754 国民经济行业分类',
  }),
  registeredCapital: Type.String({
    pattern: '^\\d{1,13}(\\.\\d{1,2})?$',
    description: '注册资本（元）',
  }),
  establishedOn: Type.String({ format: 'date' }),
})
export const GrantAgentBody = Type.Object({
  idNumber: Type.String({ minLength: 1, maxLength: 32 }),
})
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

export type RegisterPersonBody = Static<typeof RegisterPersonBody>
