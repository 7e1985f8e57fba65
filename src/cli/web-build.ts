import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { precompressWebBuild } from './web-compress.js'

const WEB = fileURLToPath(new URL('../../web', import.meta.url))
const DIST_INDEX = join(WEB, 'dist', 'index.html')
// What the bundle is made of: the web sources, the locked library versions and this build step.
const SOURCES = [
  '../src/cli/web-build.ts',
  '../src/cli/web-compress.ts',
  'src',
  'public',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  '../package-lock.json',
]
const LOCK = join(WEB, '.build-lock')
const STALE_LOCK_MS = 10 * 60_000

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Whether web/dist is missing or older than any web source. */
export function webBuildIsStale(): boolean {
  if (!existsSync(DIST_INDEX)) return true
  const built = statSync(DIST_INDEX).mtimeMs
  return SOURCES.some((s) => newestMtime(join(WEB, s)) > built)
}

/** One build at a time across processes (test files run in parallel): a lock directory. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS)
        rmSync(LOCK, { recursive: true, force: true })
      await sleep(250)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}

/** Builds the web app (vite build → web/dist) unless it is up to date; returns the ms spent. */
export async function ensureWebBuilt(log: (line: string) => void = () => {}): Promise<number> {
  if (!webBuildIsStale()) return 0
  return withLock(async () => {
    if (!webBuildIsStale()) return 0
    const started = performance.now()
    log('building the web app (vite build → web/dist)…')
    const { build } = await import('vite')
    // Vite bakes NODE_ENV into the bundle; vitest sets it to 'test' (React's development build).
    const nodeEnv = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await build({ configFile: join(WEB, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
    } finally {
      if (nodeEnv === undefined) delete process.env.NODE_ENV
      else process.env.NODE_ENV = nodeEnv
    }
    const packed = precompressWebBuild(join(WEB, 'dist'))
    const ms = performance.now() - started
    log(
      `web app built in ${(ms / 1000).toFixed(1)} s; ${packed.files} files precompressed, ${(packed.bytes / 1024).toFixed(0)} KiB → ${(packed.br / 1024).toFixed(0)} KiB brotli`,
    )
    return ms
  })
}

// `npm start` runs this first (prestart): a fresh clone or edited web sources get a build.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureWebBuilt((line) => console.log(line)).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
