import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { dirname, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'

/** The repository root: child processes run from here so `--import tsx` and `src/` resolve. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

const children = new Set<ChildProcess>()

export interface ChildOptions {
  env?: NodeJS.ProcessEnv
  /** Capture stdout (returned by `output`); otherwise it is copied to our stderr. */
  captureStdout?: boolean
}

export interface Child {
  process: ChildProcess
  /** Resolves with the exit code (or null after a signal) and the captured stdout. */
  exited: Promise<{ code: number | null; stdout: string }>
}

/** Starts `node --import tsx <script> …args` as a tracked child; stdout never reaches ours. */
export function startTs(
  name: string,
  script: string,
  args: string[],
  options: ChildOptions = {},
): Child {
  // BENCH_CPU_PROF=DIR writes a V8 CPU profile of every child into DIR (read them with
  // Chrome DevTools or speedscope) — for finding where a figure's time goes.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : []
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let stdout = ''
  child.stdout?.setEncoding('utf8')
  child.stdout?.on('data', (chunk: string) => {
    if (options.captureStdout) stdout += chunk
    else process.stderr.write(prefix(name, chunk))
  })
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => process.stderr.write(prefix(name, chunk)))
  const exited = new Promise<{ code: number | null; stdout: string }>((done, fail) => {
    child.once('error', fail)
    child.once('exit', (code) => {
      children.delete(child)
      done({ code, stdout })
    })
  })
  exited.catch(() => children.delete(child))
  return { process: child, exited }
}

function prefix(name: string, chunk: string): string {
  return chunk
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => `  [${name}] ${line}\n`)
    .join('')
}

/** SIGTERM, then SIGKILL if the child has not exited within the grace period. */
export async function stop(child: Child, graceMs = 5_000): Promise<void> {
  const proc = child.process
  if (proc.exitCode !== null || proc.signalCode !== null) return
  proc.kill('SIGTERM')
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs)
  await child.exited.catch(() => undefined)
  clearTimeout(timer)
}

/** Kills every child still running (used at the end of a run, on error and on Ctrl-C). */
export function killAllChildren(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
  children.clear()
}

let installed = false

/** Makes sure no child outlives us, whichever way we exit. */
export function installChildCleanup(): void {
  if (installed) return
  installed = true
  process.once('exit', killAllChildren)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killAllChildren()
      process.exit(130)
    })
  }
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => (port > 0 ? done(port) : fail(new Error('no free port'))))
    })
  })
}

/** Polls `url` until it answers 200, failing early if the child exits first. */
export async function waitForOk(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let exited = false
  void child.exited.then(
    () => (exited = true),
    () => (exited = true),
  )
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${url}: the server exited before it was ready`)
    try {
      const response = await fetch(url)
      await response.arrayBuffer()
      if (response.status === 200) return
    } catch {
      // not listening yet
    }
    await sleep(250)
  }
  throw new Error(`${url}: not ready after ${timeoutMs} ms`)
}
