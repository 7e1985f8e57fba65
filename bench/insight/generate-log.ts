import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

/**
 * Writes a synthetic XES log of `cases` cases to `path`: each case runs 受理 and 审查, then one of
 * three routes (approve, a 补正 round first, or a second review), then 办结; every step has a
 * lifecycle start and complete with staff (200) and department (12). Deterministic (an LCG).
 * Returns the bytes and events written.
 */
export async function writeSyntheticXes(
  path: string,
  cases: number,
): Promise<{ bytes: number; events: number }> {
  const out = createWriteStream(path)
  let seed = 20261201
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed % n
  }
  let bytes = 0
  let events = 0
  let buffer = ''
  const write = async (text: string): Promise<void> => {
    buffer += text
    if (buffer.length < 1 << 20) return
    bytes += Buffer.byteLength(buffer)
    if (!out.write(buffer)) await once(out, 'drain')
    buffer = ''
  }
  await write('<?xml version="1.0" encoding="UTF-8"?>\n<log xes.version="1849-2016">\n')
  let time = Date.parse('2025-01-02T09:00:00+08:00')
  for (let c = 0; c < cases; c++) {
    time += 30_000
    let at = time
    const route = random(10)
    const steps = [
      '受理',
      '审查',
      ...(route < 6 ? ['审批'] : route < 9 ? ['补正', '审批'] : ['复核', '审批']),
      '办结',
    ]
    let trace = `<trace><string key="concept:name" value="case-${c}"/>`
    for (const step of steps) {
      const staff = `staff-${random(200)}`
      const dept = `dept-${random(12)}`
      for (const lifecycle of ['start', 'complete']) {
        at += 60_000 * (1 + random(lifecycle === 'start' ? 2880 : 240))
        trace +=
          `<event><string key="concept:name" value="${step}"/>` +
          `<string key="lifecycle:transition" value="${lifecycle}"/>` +
          `<string key="org:resource" value="${staff}"/><string key="org:group" value="${dept}"/>` +
          `<date key="time:timestamp" value="${new Date(at).toISOString()}"/></event>\n`
        events++
      }
    }
    await write(`${trace}</trace>\n`)
  }
  await write('</log>\n')
  bytes += Buffer.byteLength(buffer)
  out.end(buffer)
  await once(out, 'finish')
  return { bytes, events }
}
