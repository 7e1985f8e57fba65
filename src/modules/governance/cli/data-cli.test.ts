import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CliIo } from './cli-io.js'
import { dataCommand } from './data-cli.js'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tongban-data-cli-'))
  await writeFile(join(dir, 'people.csv'), 'name,id_number\n张三,110101199003077777\n')
  await writeFile(join(dir, 'other.csv'), 'colour,size\nred,1\nblue,2\n')
})
afterAll(() => rm(dir, { recursive: true, force: true }))

/** Runs `tongban data …` in this process, collecting what it prints. */
async function data(...args: string[]) {
  let out = ''
  let err = ''
  const io: CliIo = {
    out: (text) => void (out += text),
    err: { write: (text: string) => void (err += text) },
    now: () => performance.now(),
  }
  const code = await dataCommand(args, io)
  return { code, out, err }
}

describe('tongban data: usage (exit 2)', () => {
  it('lists the known standards for an unknown or missing --standard', async () => {
    const unknown = await data('check', join(dir, 'people.csv'), '--standard', 'vehicles')
    expect(unknown).toMatchObject({ code: 2, out: '' })
    expect(unknown.err).toContain(
      'unknown data standard "vehicles" (known: population, legal-person)',
    )
    const missing = await data('check', join(dir, 'people.csv'))
    expect(missing.code).toBe(2)
    expect(missing.err).toContain('missing --standard (known: population, legal-person)')
  })

  it('refuses a missing FILE, extra arguments, unknown options and bad numbers', async () => {
    expect((await data('check', '--standard', 'population')).err).toContain('missing FILE')
    for (const args of [
      ['check', 'a.csv', 'b.csv', '--standard', 'population'],
      ['check', 'a.csv', '--standard', 'population', '--colour', 'red'],
      ['check', 'a.csv', '--standard', 'population', '--sample', '-1'],
      ['dedup', 'a.csv', '--show', 'ten'],
      ['dedup', 'a.csv', '--kind', 'vehicle'],
      ['import', 'a.csv'],
      [],
    ]) {
      const run = await data(...args)
      expect({ args, code: run.code }).toEqual({ args, code: 2 })
      expect(run.err).toContain('Usage:')
    }
  })

  it('prints its usage on --help (exit 0)', async () => {
    const help = await data('--help')
    expect(help.code).toBe(0)
    expect(help.out).toContain('tongban data dedup FILE [--kind person|enterprise]')
  })

  it('refuses a --truth column the file lacks, listing its columns', async () => {
    const run = await data('dedup', join(dir, 'people.csv'), '--truth', 'person_id')
    expect(run.code).toBe(2)
    expect(run.err).toContain('no column "person_id" for --truth')
    expect(run.err).toContain('(columns: name, id_number)')
  })
})

describe('tongban data: failed runs (exit 1)', () => {
  it('names a file that does not exist', async () => {
    const run = await data('check', join(dir, 'nope.csv'), '--standard', 'legal-person')
    expect(run.code).toBe(1)
    expect(run.err).toContain('文件“nope.csv”：文件不存在或无法读取')
    expect(run.err).toContain('nope.csv: The file does not exist or cannot be read')
  })

  it('names a file that is random bytes, and why it is refused', async () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)
    await writeFile(join(dir, 'export.csv'), bytes)
    const run = await data('check', join(dir, 'export.csv'), '--standard', 'population')
    expect(run.code).toBe(1)
    expect(run.err).toContain('文件“export.csv”：不是 CSV、XLSX 或 JSON 行文件（内容是二进制数据）')
    expect(run.err).toContain(
      'export.csv: Not a CSV, XLSX or JSON-lines file (the content is binary)',
    )
  })

  it('names a file with no column to compare, and the columns looked for', async () => {
    const run = await data('dedup', join(dir, 'other.csv'))
    expect(run.code).toBe(1)
    expect(run.err).toContain('other.csv: no column to compare')
    expect(run.err).toContain('idNumber: idNumber | id_number | 公民身份号码')
  })

  it('names a report that cannot be written, after printing the summary', async () => {
    const json = join(dir, 'no-such-dir', 'report.json')
    const run = await data(
      'check',
      join(dir, 'people.csv'),
      '--standard',
      'population',
      '--json',
      json,
    )
    expect(run.code).toBe(1)
    expect(run.out).toContain('总分 Overall score')
    expect(run.err).toContain(`cannot write ${json}`)
  })
})
