import type { DataStandard } from './standard.types.js'

/** 人口基础信息: the person record most departments exchange, keyed by 公民身份号码. */
export const POPULATION_STANDARD: DataStandard = {
  code: 'population',
  name: { zh: '人口基础信息', en: 'Population basic information' },
  version: '1.0',
  elements: [
    {
      key: 'name',
      name: { zh: '姓名', en: 'Name' },
      type: 'string',
      required: true,
      maxLength: 50,
    },
    { key: 'sex', name: { zh: '性别', en: 'Sex' }, type: 'code', required: true, codeSet: 'sex' },
    {
      key: 'id_number',
      name: { zh: '公民身份号码', en: 'Citizen ID number' },
      type: 'string',
      required: true,
      format: 'gb11643',
    },
    {
      key: 'birth_date',
      name: { zh: '出生日期', en: 'Date of birth' },
      type: 'date',
      required: true,
      format: 'date',
    },
    {
      key: 'ethnicity',
      name: { zh: '民族', en: 'Ethnicity' },
      type: 'code',
      required: true,
      codeSet: 'ethnicity',
    },
    {
      key: 'marital_status',
      name: { zh: '婚姻状况', en: 'Marital status' },
      type: 'code',
      required: false,
      codeSet: 'marital-status',
    },
    {
      key: 'education',
      name: { zh: '学历', en: 'Education' },
      type: 'code',
      required: false,
      codeSet: 'education',
    },
    {
      key: 'household_address',
      name: { zh: '户籍地址', en: 'Household registration address' },
      type: 'string',
      required: true,
      maxLength: 200,
    },
    {
      key: 'household_division',
      name: { zh: '户籍地行政区划代码', en: 'Household registration division code' },
      type: 'code',
      required: true,
      codeSet: 'division',
    },
    {
      key: 'phone',
      name: { zh: '联系电话', en: 'Phone' },
      type: 'string',
      required: false,
      format: 'phone',
    },
  ],
  crossChecks: [
    { check: 'id_birth_date_match', fields: ['id_number', 'birth_date'] },
    { check: 'id_sex_match', fields: ['id_number', 'sex'] },
    { check: 'address_division_match', fields: ['household_address', 'household_division'] },
  ],
  uniqueKeys: [['id_number']],
  outlierGroups: ['household_division'],
}
