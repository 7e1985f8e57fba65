import { format } from 'node:util'
import { vi } from 'vitest'
import { runCommandLine } from '../../src/cli/command-line.js'
import { childEnv, type CliResult } from './process.js'

type Write = typeof process.stdout.write
let running = false

/**
 * Runs a `tongban` command line in this process, as `src/main.ts` would, with only the settings in
 * `env`, and answers its exit code and what it printed. Spawning the CLI costs a second Node with
 * tsx compiling the whole app; tests that check what a command does use this, and one test per
 * command keeps spawning the real binary (`runCli`).
 */
export async function runCliInProcess(
  args: string[],
  env: Record<string, string>,
): Promise<CliResult> {
  // The capture replaces the process's console: two commands at once would mix their output.
  if (running) throw new Error('runCliInProcess: one command at a time (await the previous one)')
  running = true
  let stdout = ''
  let stderr = ''
  const toStdout = (...parts: unknown[]) => void (stdout += `${format(...parts)}\n`)
  const toStderr = (...parts: unknown[]) => void (stderr += `${format(...parts)}\n`)
  const capture =
    (sink: (text: string) => void): Write =>
    (chunk: string | Uint8Array) => {
      sink(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    }
  const spies = [
    vi.spyOn(console, 'log').mockImplementation(toStdout),
    vi.spyOn(console, 'info').mockImplementation(toStdout),
    vi.spyOn(console, 'error').mockImplementation(toStderr),
    vi.spyOn(console, 'warn').mockImplementation(toStderr),
    vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (stdout += t))),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (stderr += t))),
  ]
  try {
    const code = await runCommandLine(args, childEnv(env))
    return { code, stdout, stderr }
  } finally {
    for (const spy of spies) spy.mockRestore()
    running = false
  }
}
