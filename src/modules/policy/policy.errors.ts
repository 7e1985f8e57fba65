import { defineErrors } from '../../platform/errors.js'

export const POLICY_ERRORS = defineErrors({
  POLICY_DOCUMENT_INVALID: {
    status: 400,
    zh: '政策文件有误，请检查标出的位置',
    en: 'The policy document has errors at the marked places',
  },
  POLICY_NOT_FOUND: { status: 404, zh: '政策 {code} 不存在', en: 'Policy {code} does not exist' },
  POLICY_NOT_PUBLISHED: {
    status: 404,
    zh: '政策 {code} 尚未发布',
    en: 'Policy {code} is not published',
  },
  POLICY_REVISION_NOT_FOUND: {
    status: 404,
    zh: '政策 {code} 没有第 {revision} 版',
    en: 'Policy {code} has no revision {revision}',
  },
  POLICY_REVISION_FROZEN: {
    status: 409,
    zh: '第 {revision} 版已发布，不能修改；请提交新版本',
    en: 'Revision {revision} is published and cannot change; submit a new revision',
  },
  POLICY_TESTS_FAILING: {
    status: 409,
    zh: '政策自带的测试用例未全部通过，不能发布',
    en: 'The policy cannot be published while a test case fails',
  },
  POLICY_CODE_DEPARTMENT_MISMATCH: {
    status: 409,
    zh: '政策 {code} 属于其他部门',
    en: 'Policy {code} belongs to another department',
  },
  POLICY_DEPARTMENT_UNKNOWN: {
    status: 400,
    zh: '部门 {code} 不存在',
    en: 'Department {code} does not exist',
  },
  POLICY_ENTERPRISE_NOT_FOUND: {
    status: 404,
    zh: '企业 {creditCode} 不在政策匹配范围内',
    en: 'Enterprise {creditCode} is not known to policy matching',
  },
  POLICY_FACTS_INVALID: {
    status: 400,
    zh: '企业数据有误，请检查标出的字段',
    en: 'The enterprise facts have errors in the marked fields',
  },
  POLICY_GRANT_NOT_FOUND: {
    status: 404,
    zh: '免申即享兑现记录 {id} 不存在',
    en: 'Grant {id} does not exist',
  },
  POLICY_GRANT_DECIDED: {
    status: 409,
    zh: '免申即享兑现记录 {id} 已处理',
    en: 'Grant {id} has already been decided',
  },
})
