import { describe, expect, it } from 'vitest'
import { dateText, plainNumber, xlsxCellText } from './xlsx-cell.js'

describe('spreadsheet cells as text', () => {
  it.each([
    [1234.5, '1234.5'],
    [1e21, '1000000000000000000000'],
    [-1.5e-7, '-0.00000015'],
    [1.25e22, '12500000000000000000000'],
    [110101199001011234, '110101199001011230'],
  ])('prints %d without an exponent', (n, text) => {
    expect(plainNumber(n)).toBe(text)
  })

  it('prints dates as YYYY-MM-DD, adding the time only when there is one', () => {
    expect(dateText(new Date(Date.UTC(1990, 4, 17)))).toBe('1990-05-17')
    expect(dateText(new Date(Date.UTC(2024, 0, 2, 8, 30, 5)))).toBe('2024-01-02 08:30:05')
    expect(dateText(new Date(NaN))).toBeNull()
  })

  it('reads rich text, formulas, errors and empty cells', () => {
    expect(xlsxCellText({ richText: [{ text: '张' }, { text: '三 ' }] }, true)).toBe('张三')
    expect(xlsxCellText({ formula: 'A1*2', result: 42 }, true)).toBe('42')
    expect(xlsxCellText({ error: '#N/A' }, true)).toBe('#N/A')
    expect(xlsxCellText({ formula: '1/0', result: { error: '#DIV/0!' } }, true)).toBe('#DIV/0!')
    expect(xlsxCellText('   ', true)).toBeNull()
    expect(xlsxCellText(null, true)).toBeNull()
    expect(xlsxCellText(true, true)).toBe('TRUE')
  })
})
