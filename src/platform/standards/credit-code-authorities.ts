/**
 * GB 32100-2015 登记管理部门代码 (char 1) and, where widely agreed, 机构类别代码 (char 2).
 * Names are informational only: validation does not reject codes missing here, because the
 * tables have been extended since 2015 and the check character already catches typos.
 */

export const AUTHORITY_NAMES: Readonly<Record<string, string>> = {
  '1': '机构编制',
  '2': '外交',
  '3': '司法行政',
  '4': '文化',
  '5': '民政',
  '6': '旅游',
  '7': '宗教',
  '8': '工会',
  '9': '工商',
  A: '中央军委改革和编制办公室',
  N: '农业',
  Y: '其他',
}

export const CATEGORY_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  '1': { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' },
  '5': { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' },
  '9': { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' },
}
