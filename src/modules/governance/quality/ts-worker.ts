import { createHash } from 'node:crypto'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { ResourceLimits } from 'node:worker_threads'
import { build } from 'esbuild'

/**
 * Worker threads run TypeScript modules without a build step: a module and what it imports
 * from this project are bundled into one ES module (esbuild, as tsx itself uses), written under
 * node_modules/.cache/tongban so its npm imports resolve as the sources' do, and the worker runs
 * that file. Loading tsx's hooks in every worker instead would cost each ~25 MB more and start
 * slower. One bundle per entry and process (named by its content, so processes share it).
 */
const bundles = new Map<string, Promise<URL>>()

async function bundle(entry: URL): Promise<URL> {
  const require = createRequire(import.meta.url)
  const nodeModules = dirname(dirname(require.resolve('esbuild/package.json')))
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.text ?? ''
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const dir = join(nodeModules, '.cache', 'tongban')
  const file = join(dir, `${entry.pathname.split('/').pop() ?? 'worker'}.${hash}.mjs`)
  const exists = await stat(file).then(
    () => true,
    () => false,
  )
  if (!exists) {
    await mkdir(dir, { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    await writeFile(temporary, code)
    await rename(temporary, file)
  }
  return pathToFileURL(file)
}

/** The bundled form of a TypeScript worker module, made once per process. */
export function workerModule(entry: URL): Promise<URL> {
  let made = bundles.get(entry.href)
  if (made === undefined) {
    made = bundle(entry)
    bundles.set(entry.href, made)
  }
  return made
}

/**
 * Starts a worker thread running the module `entry` (TypeScript, bundled by workerModule) with
 * `data` as workerData.data; `resourceLimits` bounds its heap.
 */
export async function startWorker(
  entry: URL,
  data: unknown,
  resourceLimits?: ResourceLimits,
): Promise<Worker> {
  const module = await workerModule(entry)
  return new Worker(module, { workerData: { data }, resourceLimits })
}
