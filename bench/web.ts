import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pino from 'pino'
import { chromium, type Browser } from 'playwright-core'
import { buildApp, type App } from '../src/app.js'
import { ensureWebBuilt } from '../src/cli/web-build.js'
import { DEMO_PASSWORD, DEMO_PERSONS } from '../src/modules/identity/demo/index.js'
import { loadConfig } from '../src/platform/config.js'
import { seedDemo } from '../src/seed-demo.js'
import type { BenchRow } from './authz.js'
import { runFigures, type Emit } from './figures.js'
import { portalFirstLoad } from './web/first-load.js'
import { largestContentfulPaint, median } from './web/lcp.js'

const DIST = fileURLToPath(new URL('../web/dist', import.meta.url))
const CHROMIUM = '/usr/bin/chromium'
const FIRST_LOAD_TARGET_KB = 250
const LCP_TARGET_MS = 1000
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7)
const row = (r: Omit<BenchRow, 'bench'>): BenchRow => ({ bench: 'web', ...r })
const round2 = (n: number) => Math.round(n * 100) / 100
const log = (line: string): void => void process.stderr.write(`web: ${line}\n`)

/** A page of the same size as the portal's first load, all of it text in the HTML itself. */
function staticPeer(bytes: number): string {
  const head =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>静态页 static</title></head><body><main><h1>一网通办 静态对照页</h1><p>'
  const tail = '</p></main></body></html>'
  const filler = '政务服务一网通办 '.repeat(Math.ceil(bytes / 24))
  return (
    head +
    Buffer.from(filler)
      .subarray(0, Math.max(0, bytes - head.length - tail.length))
      .toString('utf8')
      .replace(/\uFFFD/g, '') +
    tail
  )
}

async function signInCitizen(app: App) {
  const person = DEMO_PERSONS[0]
  if (!person) throw new Error('no demo citizen')
  const start = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    payload: {
      kind: 'person',
      identifier: person.idNumber,
      password: DEMO_PASSWORD,
      channel: 'web',
    },
  })
  const { challengeId } = start.json<{ challengeId: string }>()
  const sms = await app.http.inject({ url: `/api/v1/demo/sms?phone=${person.phone}` })
  const code = /(\d{6})/.exec(sms.json<Array<{ body: string }>>()[0]?.body ?? '')?.[1]
  const verify = await app.http.inject({
    method: 'POST',
    url: '/api/v1/auth/verify',
    payload: { challengeId, code },
  })
  if (verify.statusCode !== 200) throw new Error(`sign-in failed: ${verify.body}`)
  return verify.json<{ accessToken: string; refreshToken: string }>()
}

async function lcpFigure(): Promise<BenchRow[]> {
  if (!existsSync(CHROMIUM)) throw new Error(`needs Debian's chromium at ${CHROMIUM}`)
  const dir = mkdtempSync(join(tmpdir(), 'tongban-bench-web-'))
  const webDir = join(dir, 'dist')
  cpSync(DIST, webDir, { recursive: true })
  const firstLoad = portalFirstLoad(DIST)
  writeFileSync(join(webDir, 'static-peer.html'), staticPeer(firstLoad.rawBytes))
  const config = loadConfig({
    TONGBAN_DATA_DIR: dir,
    TONGBAN_SECRET: 'bench-secret-0123456789-abcdefghijklmnop',
    TONGBAN_LOG_LEVEL: 'silent',
    TONGBAN_WEB_DIR: webDir,
  })
  const app = await buildApp({ config, logger: pino({ level: 'silent' }) })
  let browser: Browser | undefined
  try {
    await seedDemo(app)
    const tokens = await signInCitizen(app)
    await app.http.listen({ port: 0, host: '127.0.0.1' })
    const url = `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    const times = { home: [] as number[], mine: [] as number[], peer: [] as number[] }
    const session = JSON.stringify({ ...tokens, remember: false })
    for (let round = 0; round < ROUNDS; round++) {
      // A fresh profile each time: nothing cached, as on a first visit.
      for (const [key, path, ready, signedIn] of [
        ['peer', '/static-peer.html', 'main h1', false],
        ['home', '/', 'main h1', false],
        ['mine', '/my/applications', 'main h1', true],
      ] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
        if (signedIn)
          await context.addInitScript((s) => sessionStorage.setItem('tongban.session', s), session)
        const page = await context.newPage()
        times[key].push(await largestContentfulPaint(page, url + path, ready))
        await context.close()
      }
      log(
        `round ${round + 1}/${ROUNDS}: peer ${times.peer.at(-1)?.toFixed(0)} ms, home ${times.home.at(-1)?.toFixed(0)} ms, 我的办件 ${times.mine.at(-1)?.toFixed(0)} ms`,
      )
    }
    const peer = median(times.peer)
    return [
      row({
        metric: 'home_lcp_ms',
        value: round2(median(times.home)),
        unit: 'ms',
        peer: 'static page of the same size',
        peerValue: round2(peer),
        ratio: round2(median(times.home) / peer),
      }),
      row({
        metric: 'my_applications_lcp_ms',
        value: round2(median(times.mine)),
        unit: 'ms',
        peer: 'static page of the same size',
        peerValue: round2(peer),
        ratio: round2(median(times.mine) / peer),
      }),
      row({
        metric: 'home_lcp_vs_target',
        value: round2(median(times.home)),
        unit: 'ms',
        peer: 'target',
        peerValue: LCP_TARGET_MS,
        ratio: round2(median(times.home) / LCP_TARGET_MS),
      }),
      row({
        metric: 'my_applications_lcp_vs_target',
        value: round2(median(times.mine)),
        unit: 'ms',
        peer: 'target',
        peerValue: LCP_TARGET_MS,
        ratio: round2(median(times.mine) / LCP_TARGET_MS),
      }),
    ]
  } finally {
    await browser?.close()
    await app.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

async function bundleFigure(): Promise<BenchRow[]> {
  const firstLoad = portalFirstLoad(DIST)
  for (const f of firstLoad.files)
    log(
      `first load: ${f.file} ${(f.bytes / 1024).toFixed(1)} KB, ${(f.gzipped / 1024).toFixed(1)} KB gzipped`,
    )
  const kb = firstLoad.gzippedBytes / 1024
  return [
    row({
      metric: 'portal_first_load_js_gzip_kb',
      value: round2(kb),
      unit: 'KB',
      peer: 'target',
      peerValue: FIRST_LOAD_TARGET_KB,
      ratio: round2(kb / FIRST_LOAD_TARGET_KB),
    }),
  ]
}

/** `npm run bench -- web`: the portal's first-load JavaScript, and LCP against a static page. */
export async function benchWeb(emit: Emit): Promise<void> {
  await ensureWebBuilt(log)
  await runFigures(
    'web',
    [
      { key: 'bundle', name: 'portal first-load JavaScript, gzipped', run: bundleFigure },
      { key: 'lcp', name: 'LCP of the home page and 我的办件 vs a static page', run: lcpFigure },
    ],
    emit,
  )
}
