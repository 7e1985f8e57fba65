import type { CodeSet } from './code-set.types.js'

/** GB/T 2261.2-2003 婚姻状况代码. */
export const MARITAL_STATUS_CODES: CodeSet = {
  id: 'marital-status',
  standard: 'GB/T 2261.2-2003',
  title: { zh: '婚姻状况代码', en: 'Marital status' },
  entries: [
    { code: '10', name: { zh: '未婚', en: 'Never married' }, aliases: ['单身', 'single'] },
    { code: '20', name: { zh: '已婚', en: 'Married' }, aliases: ['有配偶', '在婚'] },
    { code: '21', name: { zh: '初婚', en: 'First marriage' }, parent: '20' },
    { code: '22', name: { zh: '再婚', en: 'Remarried' }, parent: '20' },
    { code: '23', name: { zh: '复婚', en: 'Remarried to a former spouse' }, parent: '20' },
    { code: '30', name: { zh: '丧偶', en: 'Widowed' }, aliases: ['配偶死亡', '配偶已故'] },
    { code: '40', name: { zh: '离婚', en: 'Divorced' }, aliases: ['离异'] },
    { code: '90', name: { zh: '未说明的婚姻状况', en: 'Not stated' }, aliases: ['未说明', '不详'] },
  ],
}
