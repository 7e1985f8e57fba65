import type { CodeEntry, CodeSet } from './code-set.types.js'

// Graduated (毕业), completed without a diploma (结业), left before completing (肄业): the
// standard gives most programmes these three codes in a row.
function outcomes(
  first: number,
  parent: string,
  [zh, en]: [string, string],
  graduatedAliases: string[] = [],
): CodeEntry[] {
  const suffixes: [string, string][] = [
    ['毕业', 'graduated'],
    ['结业', 'completed without a diploma'],
    ['肄业', 'left before completing'],
  ]
  return suffixes.map(([zhSuffix, enSuffix], i) => ({
    code: String(first + i),
    name: { zh: `${zh}${zhSuffix}`, en: `${en}, ${enSuffix}` },
    parent,
    ...(i === 0 && graduatedAliases.length > 0 ? { aliases: graduatedAliases } : {}),
  }))
}

const level = (code: string, zh: string, en: string, aliases: string[]): CodeEntry => ({
  code,
  name: { zh, en },
  aliases,
})

/**
 * GB/T 4658-2006 学历代码. The two-digit level codes (10, 20, 30, 40, 60, 70, 80, 90) are the
 * documented top level. The detailed codes follow the 2006 table as it is reproduced in many
 * public data dictionaries; the standard text itself could not be checked here, so treat the
 * detailed codes (notably 28, and 71/73, 81/83 having no 结业) as needing that check. Some
 * reproductions name 20 and 30 alike ("大学本科/专科教育"); this table names them apart.
 */
export const EDUCATION_CODES: CodeSet = {
  id: 'education',
  standard: 'GB/T 4658-2006',
  title: { zh: '学历代码', en: 'Educational attainment' },
  entries: [
    level('10', '研究生教育', 'Postgraduate education', ['研究生']),
    ...outcomes(11, '10', ['博士研究生', 'Doctoral programme']),
    ...outcomes(14, '10', ['硕士研究生', "Master's programme"]),
    ...outcomes(17, '10', ['研究生班', 'Postgraduate class']),
    level('20', '大学本科教育', 'Undergraduate (bachelor) education', ['本科', '大学本科']),
    ...outcomes(21, '20', ['大学本科', 'Bachelor programme'], ['本科毕业']),
    {
      code: '28',
      name: { zh: '大学普通班毕业', en: 'University general class, graduated' },
      parent: '20',
    },
    level('30', '大学专科教育', 'Junior college education', ['专科', '大专', '大学专科']),
    ...outcomes(31, '30', ['大学专科', 'Junior college programme'], ['大专毕业', '专科毕业']),
    level('40', '中等职业教育', 'Secondary vocational education', ['中职', '中专', '职高', '技校']),
    ...outcomes(41, '40', ['中等专科', 'Secondary specialised school'], ['中专毕业']),
    ...outcomes(44, '40', ['职业高中', 'Vocational high school']),
    ...outcomes(47, '40', ['技工学校', 'Technical school']),
    level('60', '普通高级中学教育', 'General senior secondary education', ['高中', '普通高中']),
    ...outcomes(61, '60', ['普通高中', 'General senior secondary school'], ['高中毕业']),
    level('70', '初级中学教育', 'Junior secondary education', ['初中']),
    {
      code: '71',
      name: { zh: '初中毕业', en: 'Junior secondary school, graduated' },
      parent: '70',
    },
    {
      code: '73',
      name: { zh: '初中肄业', en: 'Junior secondary school, left before completing' },
      parent: '70',
    },
    level('80', '小学教育', 'Primary education', ['小学']),
    { code: '81', name: { zh: '小学毕业', en: 'Primary school, graduated' }, parent: '80' },
    {
      code: '83',
      name: { zh: '小学肄业', en: 'Primary school, left before completing' },
      parent: '80',
    },
    level('90', '其他', 'Other', []),
  ],
}
