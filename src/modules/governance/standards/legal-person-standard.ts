import type { DataStandard } from './standard.types.js'

/** 法人基础信息: enterprises and other legal persons, keyed by 统一社会信用代码. */
export const LEGAL_PERSON_STANDARD: DataStandard = {
  code: 'legal_person',
  name: { zh: '法人基础信息', en: 'Legal person basic information' },
  version: '1.0',
  elements: [
    {
      key: 'credit_code',
      name: { zh: '统一社会信用代码', en: 'Unified social credit code' },
      type: 'string',
      required: true,
      format: 'gb32100',
    },
    {
      key: 'name',
      name: { zh: '名称', en: 'Name' },
      type: 'string',
      required: true,
      maxLength: 200,
    },
    {
      key: 'legal_representative',
      name: { zh: '法定代表人', en: 'Legal representative' },
      type: 'string',
      required: true,
      maxLength: 50,
    },
    {
      key: 'registered_address',
      name: { zh: '住所（注册地址）', en: 'Registered address' },
      type: 'string',
      required: true,
      maxLength: 200,
    },
    {
      key: 'registered_division',
      name: { zh: '注册地行政区划代码', en: 'Registered division code' },
      type: 'code',
      required: true,
      codeSet: 'division',
    },
    {
      key: 'industry_code',
      name: { zh: '行业代码（GB/T 4754）', en: 'Industry code (GB/T 4754)' },
      type: 'string',
      required: true,
      format: 'gb4754',
    },
    {
      key: 'registered_capital',
      name: { zh: '注册资本（万元）', en: 'Registered capital (10,000 yuan)' },
      type: 'decimal',
      required: false,
      format: 'amount',
    },
    {
      key: 'established_on',
      name: { zh: '成立日期', en: 'Date of establishment' },
      type: 'date',
      required: true,
      format: 'date',
    },
  ],
  crossChecks: [
    { check: 'address_division_match', fields: ['registered_address', 'registered_division'] },
  ],
  uniqueKeys: [['credit_code']],
  outlierGroups: ['industry_code'],
}
