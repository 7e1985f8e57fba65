import { describe, expect, it } from 'vitest'
import { RECORD_START, detectDelimiter, scanLine } from './csv-scan.js'

describe('the CSV line scanner', () => {
  const scan = (text: string, trim = true) => scanLine(text, RECORD_START, ',', trim)

  it('sees a record end when every quote is closed', () => {
    expect(scan('1,"a,b","c ""d"""')?.inQuotes).toBe(false)
    expect(scan('1,"open')?.inQuotes).toBe(true)
    expect(scan('1,12" screen,3')?.inQuotes).toBe(false)
  })

  it('continues a quoted field on the next line', () => {
    const first = scan('1,"two')
    expect(first?.inQuotes).toBe(true)
    expect(scanLine('lines",3', first!, ',', true)?.inQuotes).toBe(false)
  })

  it('refuses text after a closing quote, allowing spaces only when trimming', () => {
    expect(scan('1,"a" x,3')).toBeNull()
    expect(scan('1, "a" ,3')?.inQuotes).toBe(false)
    expect(scan('1,"a" ,3', false)).toBeNull()
  })
})

describe('delimiter detection', () => {
  it.each([
    ['a,b,c', ','],
    ['a\tb\tc', '\t'],
    ['a;b;c', ';'],
    ['a|b|c', '|'],
    ['rec_id, given_name, surname', ','],
    ['"x;y",a,b', ','],
    ['single', ','],
  ])('takes %j as delimited by %j', (header, delimiter) => {
    expect(detectDelimiter(header)).toBe(delimiter)
  })
})
