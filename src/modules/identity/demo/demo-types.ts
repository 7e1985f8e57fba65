/** Types of the demo city (示范市) identity data: departments, staff, citizens and enterprises. */

export interface DemoLocalizedText {
  zh: string
  en: string
}

/** Department slugs of 示范市 used across the demo data (事项实施主体). */
export type DemoDepartmentCode =
  | 'market'
  | 'public_security'
  | 'tax'
  | 'hrss'
  | 'housing_fund'
  | 'health'
  | 'natural_resources'
  | 'data_bureau'
  | 'science_technology'

/** Roles a department member can hold. */
export type DepartmentRole =
  | 'dept_staff'
  | 'dept_approver'
  | 'catalog_editor'
  | 'catalog_publisher'
  | 'dept_admin'
  | 'policy_officer'
  | 'data_officer'
  | 'process_analyst'

/** Platform roles (三员分立: 系统管理员、安全管理员、安全审计员); held by staff without a department. */
export type PlatformRole = 'system_admin' | 'security_admin' | 'auditor'

export interface DemoDepartment {
  code: DemoDepartmentCode
  name: DemoLocalizedText
  /** 统一社会信用代码 (GB 32100-2015), '11' = 机关, '12' = 事业单位. */
  creditCode: string
  address: string
  phone: string
}

export interface DemoDepartmentStaff {
  account: string
  name: string
  departmentCode: DemoDepartmentCode
  roles: readonly DepartmentRole[]
}

export interface DemoPlatformAdmin {
  account: string
  name: string
  departmentCode: null
  roles: readonly PlatformRole[]
}

export type DemoStaff = DemoDepartmentStaff | DemoPlatformAdmin

export type DemoGender = 'male' | 'female'

export interface DemoPerson {
  name: string
  /** 公民身份号码 (GB 11643-1999), 18 chars with check char. */
  idNumber: string
  gender: DemoGender
  /** ISO date, equal to the birth date embedded in idNumber. */
  birthDate: string
  /** Obviously fake mobile number. */
  phone: string
  address: string
  /** Who this person is in the demo script. */
  persona: string
}

export interface DemoIndustry {
  /** GB/T 4754-2017 class code with section letter, e.g. 'I6513'. */
  code: string
  name: string
}

export interface DemoEnterprise {
  name: string
  /** 统一社会信用代码 (GB 32100-2015), '91' = 工商登记的企业. */
  creditCode: string
  legalRepresentativeIdNumber: string
  registeredAddress: string
  industry: DemoIndustry
  /** Registered capital in yuan, exact decimal string. */
  registeredCapital: string
  /** ISO date of establishment (成立日期). */
  establishedOn: string
  /** idNumbers of persons authorised to act for the enterprise (经办人/代理人). */
  agents: readonly string[]
}
