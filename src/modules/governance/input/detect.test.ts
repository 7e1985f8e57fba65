import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { detectEncoding, detectFile, detectKind, trimCutUtf8 } from './detect.js'
import { InputError } from './messages.js'
import { useTempDir } from './test-support.js'

const sample = (bytes: Uint8Array | string, complete = true) => ({
  bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes,
  complete,
})

describe('detecting the encoding', () => {
  it('follows a byte-order mark', () => {
    expect(detectEncoding(sample(Buffer.from([0xef, 0xbb, 0xbf, 0x61])))).toBe('utf-8')
    expect(detectEncoding(sample(Buffer.from([0xff, 0xfe, 0x61, 0])))).toBe('utf-16le')
    expect(detectEncoding(sample(Buffer.from([0xfe, 0xff, 0, 0x61])))).toBe('utf-16be')
  })

  it('takes valid UTF-8 as UTF-8 and anything else as GB18030', () => {
    expect(detectEncoding(sample('姓名,身份证号\n张三,1'))).toBe('utf-8')
    expect(detectEncoding(sample(iconv.encode('姓名,身份证号\n张三,1', 'gb18030')))).toBe('gb18030')
    expect(detectEncoding(sample('plain ascii'))).toBe('utf-8')
  })

  it('ignores a character cut off at the end of a partial sample', () => {
    const cut = Buffer.from('姓名张三').subarray(0, 10)
    expect(trimCutUtf8(cut)).toHaveLength(9)
    expect(detectEncoding(sample(cut, false))).toBe('utf-8')
    expect(detectEncoding(sample(cut, true))).toBe('gb18030')
  })
})

describe('detecting the kind', () => {
  it('tells XLSX by its ZIP signature and JSON lines by a leading brace', () => {
    expect(detectKind('a.bin', sample(Buffer.from('PK\x03\x04rest')))).toEqual({
      kind: 'xlsx',
      encoding: null,
    })
    expect(detectKind('a.txt', sample('\uFEFF  {"a":1}\n')).kind).toBe('jsonl')
    expect(detectKind('a.txt', sample('a,b\n1,2\n'))).toEqual({ kind: 'csv', encoding: 'utf-8' })
  })

  it('reads a UTF-16 file with a BOM as text despite its zero bytes', () => {
    const bytes = iconv.encode('a,b\n1,2\n', 'utf16le', { addBOM: true })
    expect(detectKind('a.csv', sample(bytes))).toEqual({ kind: 'csv', encoding: 'utf-16le' })
  })

  it.each([
    ['a binary file', 'photo.csv', Buffer.from([0x41, 0x00, 0x42, 0x01]), 'BINARY'],
    ['a PDF', 'report.csv', Buffer.from('%PDF-1.7\n'), 'BINARY'],
    [
      'an old .xls',
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'LEGACY_XLS',
    ],
    ['a text file named .xlsx', 'fake.xlsx', Buffer.from('a,b\n'), 'NOT_XLSX'],
    ['an empty file', 'empty.csv', Buffer.alloc(0), 'EMPTY'],
  ])('refuses %s with an error naming the file', (_what, name, bytes, code) => {
    let error: unknown
    try {
      detectKind(`/data/${name}`, sample(bytes))
    } catch (thrown) {
      error = thrown
    }
    expect(error).toBeInstanceOf(InputError)
    const input = error as InputError
    expect(input.code).toBe(`GOVERNANCE_INPUT_${code}`)
    expect(input.en).toContain(name)
    expect(input.zh).toContain(name)
  })
})

describe('detecting a file on disk', () => {
  const dir = useTempDir()

  it('refuses a missing file and a binary one by name', async () => {
    await expect(detectFile(dir.path('missing.csv'))).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_NOT_FOUND',
    })
    const binary = await dir.write('scan.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))
    await expect(detectFile(binary)).rejects.toMatchObject({
      code: 'GOVERNANCE_INPUT_BINARY',
      en: expect.stringContaining('scan.csv') as unknown,
    })
  })

  it('uses a forced encoding instead of detecting one', async () => {
    const path = await dir.write('gbk.csv', iconv.encode('姓名\n张三\n', 'gb18030'))
    expect(await detectFile(path)).toEqual({ kind: 'csv', encoding: 'gb18030' })
    expect(await detectFile(path, 'utf-8')).toEqual({ kind: 'csv', encoding: 'utf-8' })
  })
})
