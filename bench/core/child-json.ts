import { startTs } from '../kernel/children.js'

/**
 * Runs `node --import tsx <script> …args` as a tracked child (killed with the others on exit)
 * and parses the last line of its stdout as JSON. `gc` runs it with `--expose-gc`.
 */
export async function runJsonChild<T>(
  name: string,
  script: string,
  args: string[],
  options: { gc?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<T> {
  const env = { ...(options.env ?? process.env) }
  if (options.gc) env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --expose-gc`.trim()
  const child = startTs(name, script, args, { env, captureStdout: true })
  const { code, stdout } = await child.exited
  if (code !== 0) throw new Error(`${script} exited with ${code}`)
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as T
}
