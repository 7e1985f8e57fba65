import { DomainError, defineErrors } from '../../platform/errors.js'

export const CATALOG_ERRORS = defineErrors({
  CATALOG_ITEM_NOT_FOUND: {
    status: 404,
    zh: '事项不存在或未发布',
    en: 'Service item not found or not published',
  },
  CATALOG_ITEM_CODE_TAKEN: {
    status: 409,
    zh: '实施编码已存在',
    en: 'The implementation code is taken',
  },
  CATALOG_VERSION_NOT_FOUND: { status: 404, zh: '事项版本不存在', en: 'Item version not found' },
  CATALOG_VERSION_NOT_EDITABLE: {
    status: 409,
    zh: '版本 {version} 已{stateZh}，不能修改；请新建版本',
    en: 'Version {version} is {state} and cannot be edited; create a new version',
  },
  CATALOG_DRAFT_EXISTS: {
    status: 409,
    zh: '已有未发布的草稿版本 {version}',
    en: 'Draft version {version} already exists',
  },
  CATALOG_PROCESS_MISSING: {
    status: 409,
    zh: '发布前须上传办理流程（BPMN）',
    en: 'Upload the process (BPMN) before publishing',
  },
  CATALOG_PROCESS_INVALID: {
    status: 400,
    zh: '办理流程（BPMN）无效',
    en: 'The process definition (BPMN) is invalid',
  },
  CATALOG_DEPARTMENT_UNKNOWN: {
    status: 400,
    zh: '部门 {code} 不存在',
    en: 'Department {code} does not exist',
  },
  CATALOG_BUNDLE_NOT_FOUND: {
    status: 404,
    zh: '“一件事”不存在或未发布',
    en: 'Bundle not found or not published',
  },
  CATALOG_BUNDLE_CODE_TAKEN: {
    status: 409,
    zh: '“一件事”编码已存在',
    en: 'The bundle code is taken',
  },
  CATALOG_ITEM_RETIRED: { status: 409, zh: '事项已废止', en: 'The item is retired' },
})

const STATE_WORDS: Record<string, string> = {
  published: '发布',
  superseded: '被替代',
  retired: '废止',
}

/** A version that is no longer a draft: the state word in each language of the message. */
export function versionNotEditable(version: number, state: string): DomainError {
  return new DomainError('CATALOG_VERSION_NOT_EDITABLE', {
    version,
    state,
    stateZh: STATE_WORDS[state] ?? state,
  })
}
