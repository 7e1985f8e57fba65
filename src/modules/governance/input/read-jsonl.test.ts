import { describe, expect, it } from 'vitest'
import { errorsOf, readAll, recordsOf, useTempDir } from './test-support.js'

const dir = useTempDir()

describe('reading JSON lines', () => {
  it('reads one object per line and reports the bad lines at their numbers', async () => {
    const text = [
      '{"姓名":"张三","年龄":30,"在职":true}',
      '{"姓名":"李四", oops}',
      '',
      '[1,2]',
      '{"姓名":"王五","地址":{"市":"北京"},"备注":null}',
    ].join('\n')
    const { events, summary } = await readAll(await dir.write('people.jsonl', text))
    expect(recordsOf(events)).toEqual([
      { 姓名: '张三', 年龄: '30', 在职: 'true' },
      { 姓名: '王五', 地址: '{"市":"北京"}', 备注: null },
    ])
    expect(errorsOf(events)).toEqual([
      { line: 2, code: 'GOVERNANCE_INPUT_BAD_JSON' },
      { line: 4, code: 'GOVERNANCE_INPUT_NOT_OBJECT' },
    ])
    expect(summary).toMatchObject({
      kind: 'jsonl',
      columns: ['姓名', '年龄', '在职', '地址', '备注'],
      rows: 2,
      errors: 2,
      complete: true,
    })
  })

  it('refuses an over-long line without holding it', async () => {
    const text = `{"a":"${'x'.repeat(5000)}"}\n{"a":"ok"}\n`
    const { events } = await readAll(await dir.write('long.jsonl', text), { maxRecordChars: 1000 })
    expect(errorsOf(events)).toEqual([{ line: 1, code: 'GOVERNANCE_INPUT_RECORD_TOO_LONG' }])
    expect(recordsOf(events)).toEqual([{ a: 'ok' }])
  })
})
