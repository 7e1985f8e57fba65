import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { readRows } from './read-rows.js'
import { errorsOf, readAll, recordsOf, useTempDir } from './test-support.js'

const dir = useTempDir()

describe('reading CSV', () => {
  it('reads UTF-8 with a BOM, the BOM kept out of the first column name', async () => {
    const path = await dir.write('bom.csv', '\uFEFF姓名,年龄\r\n张三,30\r\n李四,\r\n')
    const { events, summary } = await readAll(path)
    expect(recordsOf(events)).toEqual([
      { 姓名: '张三', 年龄: '30' },
      { 姓名: '李四', 年龄: null },
    ])
    expect(summary).toMatchObject({ kind: 'csv', encoding: 'utf-8', columns: ['姓名', '年龄'] })
    expect(summary).toMatchObject({ rows: 2, errors: 0, complete: true })
    expect(summary.bytesRead).toBe(Buffer.byteLength('\uFEFF姓名,年龄\r\n张三,30\r\n李四,\r\n'))
  })

  it('reads GBK exported from Excel, with Chinese headers and values', async () => {
    const text =
      '姓名,身份证号,出生日期\r\n张三,110101199003077777,1990-03-07\r\n欧阳娜娜,11010119950505222X,1995-05-05\r\n'
    const path = await dir.write('gbk.csv', iconv.encode(text, 'gbk'))
    const { events, summary } = await readAll(path)
    expect(summary.encoding).toBe('gb18030')
    expect(summary.columns).toEqual(['姓名', '身份证号', '出生日期'])
    expect(recordsOf(events)[1]).toEqual({
      姓名: '欧阳娜娜',
      身份证号: '11010119950505222X',
      出生日期: '1995-05-05',
    })
  })

  it('reports a short row and an unclosed quote at their lines and keeps the good rows', async () => {
    const text = 'id,name,age\n1,Alice,30\n2,Bob\n\n3,"Carol, ""CJ""",50\n4,"Dan,60\n5,Eve,70\n'
    const { events, summary } = await readAll(await dir.write('bad.csv', text))
    expect(errorsOf(events)).toEqual([
      { line: 3, code: 'GOVERNANCE_INPUT_COLUMN_COUNT' },
      { line: 6, code: 'GOVERNANCE_INPUT_UNCLOSED_QUOTE' },
    ])
    expect(events.map((e) => `${e.kind}@${e.line}`)).toEqual([
      'row@2',
      'error@3',
      'row@5',
      'error@6',
      'row@7',
    ])
    expect(recordsOf(events).map((r) => r.name)).toEqual(['Alice', 'Carol, "CJ"', 'Eve'])
    expect(events[1]).toMatchObject({ raw: '2,Bob', reason: { zh: '本行有 2 列，表头有 3 列' } })
    expect(summary).toMatchObject({ rows: 3, errors: 2 })
  })

  it('reads a quoted value spanning lines as one row on the line it starts', async () => {
    const path = await dir.write('multi.csv', 'id,address\n1,"北京市\n东城区"\n2,上海\n')
    const { events } = await readAll(path)
    expect(events).toEqual([
      { kind: 'row', line: 2, record: { id: '1', address: '北京市\n东城区' } },
      { kind: 'row', line: 4, record: { id: '2', address: '上海' } },
    ])
  })

  it.each([
    ['tab', 'a\tb\n1\t2\n'],
    ['semicolon', 'a;b\n1;2\n'],
    ['pipe', 'a|b\n1|2\n'],
  ])('detects a %s delimiter from the header', async (name, text) => {
    const { events } = await readAll(await dir.write(`${name}.csv`, text))
    expect(recordsOf(events)).toEqual([{ a: '1', b: '2' }])
  })

  it('keeps surrounding spaces when trimming is off', async () => {
    const path = await dir.write('spaces.csv', 'a,b\n x ,"  y "\n')
    expect(recordsOf((await readAll(path, { trim: false })).events)).toEqual([
      { a: ' x ', b: '  y ' },
    ])
    expect(recordsOf((await readAll(path)).events)).toEqual([{ a: 'x', b: 'y' }])
  })

  it('names blank and repeated header cells', async () => {
    const { summary } = await readAll(await dir.write('header.csv', 'a,,a\n1,2,3\n'))
    expect(summary.columns).toEqual(['a', 'column_2', 'a_2'])
  })

  it('reads UTF-16 with a BOM', async () => {
    const bytes = iconv.encode('姓名\t年龄\n张三\t30\n', 'utf16le', { addBOM: true })
    const { events, summary } = await readAll(await dir.write('utf16.csv', bytes))
    expect(summary.encoding).toBe('utf-16le')
    expect(recordsOf(events)).toEqual([{ 姓名: '张三', 年龄: '30' }])
  })

  it('reports a GBK line in a file that starts as UTF-8 and reads on', async () => {
    const head = Buffer.from(`a,b\n${'x,y\n'.repeat(20_000)}`)
    const gbk = iconv.encode('张三,李四\n', 'gbk')
    const path = await dir.write('mixed.csv', Buffer.concat([head, gbk, Buffer.from('z,w\n')]))
    const { events, summary } = await readAll(path)
    expect(summary).toMatchObject({ encoding: 'utf-8', rows: 20_001, errors: 1 })
    expect(errorsOf(events)).toEqual([{ line: 20_002, code: 'GOVERNANCE_INPUT_UNDECODABLE' }])
  })

  it('refuses a header it cannot read, naming the file and the line', async () => {
    const path = await dir.write('bad-header.csv', '\n"id,name\n1,a\n')
    await expect(readAll(path)).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_BAD_HEADER',
      line: 2,
      en: expect.stringContaining('bad-header.csv, line 2') as unknown,
    })
  })

  it('refuses a file with no header row, naming it', async () => {
    const path = await dir.write('blank.csv', '\n  \n')
    await expect(readAll(path)).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_NO_HEADER',
      en: expect.stringContaining('blank.csv') as unknown,
    })
  })

  it('refuses a binary file named .csv, naming it', async () => {
    const path = await dir.write('image.csv', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))
    await expect(readAll(path)).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_BINARY',
      zh: expect.stringContaining('image.csv') as unknown,
    })
  })

  it('stops cleanly when the reader leaves early', async () => {
    const path = await dir.write('early.csv', 'a\n1\n2\n3\n')
    const reader = readRows(path)
    for await (const event of reader) {
      expect(event).toMatchObject({ line: 2 })
      break
    }
    expect(reader.summary()).toMatchObject({ rows: 1, complete: false })
    expect(() => reader.rows()).toThrow(/only once/)
  })

  const febrl = resolve(process.cwd(), '../shared/data/febrl/febrl_dataset1.csv')
  it.skipIf(!existsSync(febrl))('reads the Febrl file: 1,000 rows of 11 columns', async () => {
    const { events, summary } = await readAll(febrl)
    expect(summary).toMatchObject({ kind: 'csv', rows: 1000, errors: 0 })
    expect(summary.columns).toHaveLength(11)
    expect(summary.columns[0]).toBe('rec_id')
    expect(recordsOf(events)[0]).toMatchObject({ rec_id: 'rec-223-org', given_name: null })
  })
})
