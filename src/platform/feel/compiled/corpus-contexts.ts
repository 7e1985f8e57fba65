/** FEEL sources with contexts; the compiled result must equal feelin's for each (corpus.test.ts). */
export type CorpusCase = readonly [source: string, context?: Record<string, unknown>]

/** Contexts shared by the corpus files. */
export const applicant = {
  name: '陈思远',
  age: 34,
  income: 5200.5,
  registered: false,
  tags: ['餐饮', '零售'],
  address: { city: '杭州', district: '西湖区', zip: null },
  children: [
    { name: 'a', age: 3 },
    { name: 'b', age: 12 },
  ],
}
export const nums = { xs: [1, 2, 3, 4, 5], ys: [10, 20], empty: [], mixed: [1, 'a', null, true] }
export const dates = { due: '2024-03-15', start: '2024-01-31', stamp: '2024-03-15T10:30:00' }
