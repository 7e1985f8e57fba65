import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString, COMMENT_HEADER, type OpenAPI3 } from 'openapi-typescript'
import prettier from 'prettier'
import { buildApp } from '../app.js'
import { loadConfig } from '../platform/config.js'

/** The web app's client types, generated from the server's own OpenAPI document. */
export const API_TYPES_FILE = fileURLToPath(
  new URL('../../web/src/api/schema.d.ts', import.meta.url),
)

/**
 * Builds the app in-process on an in-memory database (demo routes on, as `npm start` has them),
 * reads its OpenAPI document and renders it as TypeScript, formatted as the repository formats.
 */
export async function renderApiTypes(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-api-types-'))
  const app = await buildApp({
    config: loadConfig({
      TONGBAN_SQLITE_PATH: ':memory:',
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_SECRET: 'api-types-only-0123456789abcdefghijklmnop',
      TONGBAN_LOG_LEVEL: 'silent',
      TONGBAN_DEMO: 'true',
    }),
  })
  try {
    const doc = app.http.swagger() as unknown as OpenAPI3
    const source = COMMENT_HEADER + astToString(await openapiTS(doc))
    const options = await prettier.resolveConfig(API_TYPES_FILE)
    return await prettier.format(source, { ...options, filepath: API_TYPES_FILE })
  } finally {
    await app.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

/** `npm run gen:api`: writes the file; with --check, exits 1 when the one on disk is stale. */
async function main(check: boolean): Promise<number> {
  const fresh = await renderApiTypes()
  const current = readFileSync(API_TYPES_FILE, { encoding: 'utf8', flag: 'a+' })
  if (check) {
    if (fresh === current) return 0
    console.error(`${API_TYPES_FILE} is stale: run npm run gen:api`)
    return 1
  }
  if (fresh !== current) writeFileSync(API_TYPES_FILE, fresh)
  console.log(`${fresh === current ? 'unchanged' : 'written'}: ${API_TYPES_FILE}`)
  return 0
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.includes('--check')).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
