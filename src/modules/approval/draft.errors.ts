import { defineErrors } from '../../platform/errors.js'

export const DRAFT_ERRORS = defineErrors({
  APPROVAL_DRAFT_NOT_FOUND: {
    status: 404,
    zh: '没有保存的草稿',
    en: 'No saved draft',
  },
})
