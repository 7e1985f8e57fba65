import { defineErrors } from '../../platform/errors.js'

export const IDENTITY_ERRORS = defineErrors({
  IDENTITY_PERSON_ALREADY_REGISTERED: {
    status: 409,
    zh: '该身份证号已注册，请直接登录',
    en: 'This ID number is already registered; sign in instead',
  },
  IDENTITY_ENTERPRISE_ALREADY_REGISTERED: {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'This credit code is already registered',
  },
  IDENTITY_CREDENTIALS_INVALID: {
    status: 401,
    zh: '账号或密码错误',
    en: 'Wrong account or password',
  },
  IDENTITY_ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已锁定至 {until}',
    en: 'Too many failed sign-ins; the account is locked until {until}',
  },
  IDENTITY_OTP_INVALID: {
    status: 401,
    zh: '短信验证码错误或已过期',
    en: 'The SMS code is wrong or has expired',
  },
  IDENTITY_REFRESH_INVALID: {
    status: 401,
    zh: '刷新凭证无效，请重新登录',
    en: 'The refresh token is not valid; sign in again',
  },
  IDENTITY_REFRESH_REUSED: {
    status: 401,
    zh: '刷新凭证被重复使用，该登录已全部注销',
    en: 'A used refresh token was presented again; the whole sign-in was revoked',
  },
  IDENTITY_DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在', en: 'Department not found' },
  IDENTITY_DEPARTMENT_CODE_TAKEN: {
    status: 409,
    zh: '部门编码已存在',
    en: 'The department code is taken',
  },
  IDENTITY_STAFF_NOT_FOUND: { status: 404, zh: '工作人员不存在', en: 'Staff member not found' },
  IDENTITY_STAFF_ACCOUNT_TAKEN: {
    status: 409,
    zh: '工作人员账号已存在',
    en: 'The staff account is taken',
  },
  IDENTITY_ENTERPRISE_NOT_FOUND: { status: 404, zh: '企业不存在', en: 'Enterprise not found' },
  IDENTITY_PERSON_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'Person not found' },
  IDENTITY_ROLE_SCOPE_MISMATCH: {
    status: 400,
    zh: '角色 {role} 的适用范围与所选部门不符',
    en: 'Role {role} does not apply to the chosen scope',
  },
  IDENTITY_ROLES_NOT_SEPARATED: {
    status: 409,
    zh: '三员分立：系统管理员、安全管理员、审计管理员不能由同一人兼任',
    en: 'Separation of duties: one person cannot hold two of system admin, security admin and auditor',
  },
})

export const IDENTITY_MESSAGES = {
  'identity.sms.otp': {
    zh: '【示范市一网通办】您的登录验证码为 {code}，{minutes} 分钟内有效。如非本人操作请忽略。',
    en: '[Demo City One-Stop Services] Your sign-in code is {code}, valid for {minutes} minutes.',
  },
  'identity.field.id_number_invalid': {
    zh: '身份证号码无效：{reason}',
    en: 'Invalid ID number: {reason}',
  },
  'identity.field.credit_code_invalid': {
    zh: '统一社会信用代码无效：{reason}',
    en: 'Invalid unified social credit code: {reason}',
  },
  'identity.field.phone_invalid': { zh: '手机号码无效', en: 'Invalid mobile number' },
  'identity.field.password_weak': {
    zh: '密码须为 8–64 位且同时包含字母和数字',
    en: 'The password must be 8–64 characters with letters and digits',
  },
}
