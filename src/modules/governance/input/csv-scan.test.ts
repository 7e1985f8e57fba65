import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { createRandom } from '../quality/random.js'
import { RECORD_START, detectDelimiter, scanLine, splitRecord } from './csv-scan.js'

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

describe('splitting a whole record', () => {
  const csvParse = (text: string, delimiter: string, trim: boolean): string[] => {
    const records: string[][] = parse(text, {
      delimiter,
      record_delimiter: '\n',
      quote: '"',
      escape: '"',
      trim,
      relax_quotes: true,
      relax_column_count: true,
    })
    return records[0] ?? []
  }

  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    expect(splitRecord('1,"a,b","c ""d""",x', ',', true)).toEqual(['1', 'a,b', 'c "d"', 'x'])
    expect(splitRecord('1,"北京市\n东城区",', ',', true)).toEqual(['1', '北京市\n东城区', ''])
    expect(splitRecord(' "a" , 12" screen ,""', ',', true)).toEqual(['a', ' 12" screen ', ''])
    expect(splitRecord(' "a",b', ',', false)).toEqual([' "a"', 'b'])
  })

  it('reads every record the scanner accepts as csv-parse does', () => {
    const random = createRandom(7)
    const pieces = ['a', 'b c', '"', '""', ',', '\t', ' ', '\n', '中', '']
    let compared = 0
    for (let n = 0; n < 20_000; n++) {
      let text = ''
      const length = 1 + Math.floor(random() * 12)
      for (let i = 0; i < length; i++) text += pieces[Math.floor(random() * pieces.length)]
      if (text.trim() === '') continue
      for (const [delimiter, trim] of [
        [',', true],
        [',', false],
        ['\t', true],
      ] as const) {
        // One record: every line break but none of the record's end inside quotes.
        const lines = text.split('\n')
        let state: ReturnType<typeof scanLine> = RECORD_START
        let oneRecord = true
        for (const [i, line] of lines.entries()) {
          state = state && scanLine(line, state, delimiter, trim)
          oneRecord &&= state !== null && state.inQuotes === i < lines.length - 1
        }
        if (!oneRecord) continue
        const ours = splitRecord(text, delimiter, trim)
        const theirs = csvParse(text, delimiter, trim)
        const tidy = (fields: string[]) => (trim ? fields.map((f) => f.trim()) : fields)
        expect(tidy(ours), JSON.stringify(text)).toEqual(tidy(theirs))
        compared++
      }
    }
    expect(compared).toBeGreaterThan(10_000)
  })
})
