import { spawn, type ChildProcess } from 'node:child_process'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/** The repository root, where `src/main.ts` lives. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** A TCP port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Whether sockets can bind 127.0.0.2 and up (Linux), so one test can act as many clients. */
export function canUseLoopbackAliases(): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer()
    server.once('error', () => resolve(false))
    server.listen(0, '127.0.0.2', () => server.close(() => resolve(true)))
  })
}

/** The parent's environment without any tongban setting, so only what a test passes applies. */
export function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('TONGBAN_') && key !== 'DATABASE_URL') base[key] = value
  }
  return { ...base, ...env }
}

export interface HttpResult {
  status: number
  body: unknown
}

export interface HttpOptions {
  method?: string
  /** Sent as JSON, or as it is when a Buffer (give its content-type in `headers`). */
  body?: unknown
  headers?: Record<string, string>
  /** Binds the client socket to this loopback address, so the server sees a distinct client. */
  localAddress?: string
  timeoutMs?: number
}

/** One JSON request over a fresh connection; rejects when the connection breaks. */
export function httpJson(url: string, options: HttpOptions = {}): Promise<HttpResult> {
  const raw = Buffer.isBuffer(options.body)
  const payload =
    options.body === undefined || raw
      ? (options.body as Buffer | undefined)
      : JSON.stringify(options.body)
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        agent: false,
        localAddress: options.localAddress,
        timeout: options.timeoutMs ?? 10_000,
        headers: {
          ...(payload === undefined || raw ? {} : { 'content-type': 'application/json' }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          let body: unknown = text
          try {
            body = text ? JSON.parse(text) : null
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body })
        })
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)))
    req.on('error', reject)
    req.end(payload)
  })
}

export interface ServerProcess {
  readonly child: ChildProcess
  readonly pid: number
  readonly baseUrl: string
  /** What the server printed so far (for failure messages). */
  output(): string
  /** Resolves with the exit code (or the signal) once the process has ended. */
  readonly exited: Promise<number | NodeJS.Signals>
  /** Sends the signal unless the process has already ended, then waits for the end. */
  stop(signal: NodeJS.Signals): Promise<number | NodeJS.Signals>
}

/** Starts `tongban serve --seed-if-empty` as a child process and waits until /readyz answers. */
export async function startServer(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const port = Number(env.TONGBAN_PORT)
  const host = env.TONGBAN_HOST ?? '127.0.0.1'
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main.ts', 'serve', '--seed-if-empty'],
    {
      cwd: REPO_ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let text = ''
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-20_000)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  let ended = false
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once('exit', (code, signal) => {
      ended = true
      resolve(signal ?? code ?? -1)
    })
  })
  const server: ServerProcess = {
    child,
    pid: child.pid ?? -1,
    baseUrl: `http://${host}:${port}`,
    output: () => text,
    exited,
    async stop(signal) {
      if (!ended) child.kill(signal)
      return exited
    },
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (ended) throw new Error(`server exited before it was ready:\n${text}`)
    const ready = await httpJson(`${server.baseUrl}/readyz`, { timeoutMs: 2000 }).catch(() => null)
    if (ready?.status === 200) return server
    if (Date.now() > deadline) {
      await server.stop('SIGKILL')
      throw new Error(`server not ready after ${timeoutMs} ms:\n${text}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

export interface CliResult {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs one `tongban` command (`node --import tsx src/main.ts …`) to completion. */
export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
      cwd: REPO_ROOT,
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
