export {
  DEMO_CITY_DIVISION_CODE,
  DEMO_DEPARTMENTS,
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
} from './demo-people.js'
export type {
  DemoDepartment,
  DemoDepartmentCode,
  DemoDepartmentStaff,
  DemoEnterprise,
  DemoGender,
  DemoIndustry,
  DemoLocalizedText,
  DemoPerson,
  DemoPlatformAdmin,
  DemoStaff,
  DepartmentRole,
  PlatformRole,
} from './demo-types.js'
