import { statSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { errorsOf, readAll, recordsOf, useTempDir } from './test-support.js'

const dir = useTempDir()

async function writeWorkbook(name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  const people = workbook.addWorksheet('人员')
  people.addRow(['姓名', '出生日期', '金额', '身份证号'])
  people.addRow(['张三', new Date(Date.UTC(1990, 2, 7)), 1234.5, '110101199003077777'])
  people.addRow(['李四', null, 1e21, null])
  people.addRow([])
  people.addRow(['王五', new Date(Date.UTC(2001, 11, 31)), 0.1, 'x', '多余'])
  workbook.addWorksheet('其他').addRow(['别的表'])
  const path = dir.path(name)
  await workbook.xlsx.writeFile(path)
  return path
}

describe('reading XLSX', () => {
  it('reads the first sheet with dates as YYYY-MM-DD and numbers without exponents', async () => {
    const path = await writeWorkbook('people.xlsx')
    const { events, summary } = await readAll(path)
    expect(summary.bytesRead).toBeGreaterThan(0)
    expect(summary.bytesRead).toBeLessThanOrEqual(statSync(path).size)
    expect(summary).toMatchObject({
      kind: 'xlsx',
      encoding: null,
      columns: ['姓名', '出生日期', '金额', '身份证号'],
      rows: 2,
      errors: 1,
    })
    expect(recordsOf(events)).toEqual([
      { 姓名: '张三', 出生日期: '1990-03-07', 金额: '1234.5', 身份证号: '110101199003077777' },
      { 姓名: '李四', 出生日期: null, 金额: '1000000000000000000000', 身份证号: null },
    ])
    expect(errorsOf(events)).toEqual([{ line: 5, code: 'GOVERNANCE_INPUT_COLUMN_COUNT' }])
  })

  it('reads a sheet by name and refuses an unknown one, listing the sheets', async () => {
    const path = await writeWorkbook('two-sheets.xlsx')
    const { summary } = await readAll(path, { sheet: '其他' })
    expect(summary).toMatchObject({ columns: ['别的表'], rows: 0 })
    await expect(readAll(path, { sheet: '没有' })).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_SHEET_NOT_FOUND',
      zh: expect.stringContaining('人员、其他') as unknown,
    })
  })

  it('refuses a ZIP that is not a workbook, naming the file', async () => {
    const path = await dir.write('archive.xlsx', Buffer.from('PK\x03\x04 truncated'))
    await expect(readAll(path)).rejects.toMatchObject({
      en: expect.stringContaining('archive.xlsx') as unknown,
    })
  })
})
