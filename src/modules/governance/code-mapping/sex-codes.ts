import type { CodeSet } from './code-set.types.js'

/** GB/T 2261.1-2003 人的性别代码. */
export const SEX_CODES: CodeSet = {
  id: 'sex',
  standard: 'GB/T 2261.1-2003',
  title: { zh: '人的性别代码', en: 'Sex of persons' },
  entries: [
    { code: '0', name: { zh: '未知的性别', en: 'Not known' }, aliases: ['未知', '不详'] },
    { code: '1', name: { zh: '男性', en: 'Male' }, aliases: ['男', '男士', 'm', 'man'] },
    { code: '2', name: { zh: '女性', en: 'Female' }, aliases: ['女', '女士', 'f', 'woman'] },
    { code: '9', name: { zh: '未说明的性别', en: 'Not stated' }, aliases: ['未说明'] },
  ],
}
