import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { ALL_MIGRATIONS, buildApp, type App } from '../app.js'
import { cliActor } from './cli-actor.js'
import { DATA_DEPARTMENT, policyMatchCommand, readCreditCode } from './policy-match.js'
import { policyTestCommand } from './policy-test.js'
import { dataCommand } from '../modules/governance/cli/data-cli.js'
import { mineCommand } from '../modules/insight/index.js'
import { ConfigError, loadConfig, type Config } from '../platform/config.js'
import { openDatabase } from '../platform/db/database.js'
import { migrateToLatest } from '../platform/db/migrator.js'
import { DomainError } from '../platform/errors.js'
import { seedDemo } from '../seed-demo.js'

const USAGE = `tongban — 通办 one-stop government service platform

Usage:
  tongban serve [--seed-if-empty]   start the HTTP server (migrates first)
  tongban migrate                   apply database migrations
  tongban seed --demo               load the demonstration city (示范市)
  tongban audit verify              verify the audit hash chain; exit 1 naming the first bad record
  tongban calendar load FILE.json   load one year of holidays and make-up working days
  tongban calendar years            list the loaded years
  tongban policy test FILE.yaml [--json]
                                    check a policy file (DMN files beside it) and run its test
                                    cases; exit 1 naming each issue or failing case (no database)
  tongban policy match --enterprise CREDIT_CODE [--department CODE] [--json]
                                    run pending matching, then explain the enterprise's matches
                                    (read as a data officer of CODE, default ${DATA_DEPARTMENT})
  tongban data check FILE --standard population|legal-person [--json OUT.json] [--html OUT.html]
                    [--sample N]    检查数据质量 check a CSV/XLSX/JSON-lines file against a data
                                    standard, profile its columns, write JSON/HTML reports
  tongban data dedup FILE [--kind person|enterprise] [--json OUT.json]
                                    查找重复 find duplicate persons or enterprises
                                    (data commands need no database; tongban data --help)
  tongban mine FILE [--dfg] [--variants] [--performance] [--rework] [--conformance MODEL.bpmn]
                    [--json OUT.json] [--html OUT.html]
                                    流程挖掘 mine an XES or CSV event log (no database;
                                    tongban mine --help)
Settings come from TONGBAN_* environment variables and DATABASE_URL (see README).`

async function withApp<T>(config: Config, work: (app: App) => Promise<T>): Promise<T> {
  const app = await buildApp({
    config: { ...config, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel },
  })
  try {
    return await work(app)
  } finally {
    await app.close()
  }
}

async function serve(config: Config, seedIfEmpty: boolean): Promise<void> {
  const app = await buildApp({ config })
  if (seedIfEmpty && (await app.identity.isEmpty())) {
    app.logger.info('empty database: loading the demonstration city 示范市')
    await seedDemo(app)
  }
  app.startBackground()
  await app.http.listen({ port: config.port, host: config.host })
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    app.logger.info({ signal }, 'shutting down')
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'seed-if-empty': { type: 'boolean' },
      demo: { type: 'boolean' },
      json: { type: 'boolean' },
      enterprise: { type: 'string' },
      department: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}

async function dispatch(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  // Own options (--json names a file here), no database and no settings: a file is checked.
  if (argv[0] === 'data') return dataCommand(argv.slice(1))
  if (argv[0] === 'mine') return mineCommand(argv.slice(1))
  let parsed: ReturnType<typeof parseCommandLine>
  try {
    parsed = parseCommandLine(argv)
  } catch (error: unknown) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`)
    return 2
  }
  const { positionals, values } = parsed
  const [command, sub, arg] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command || values.help ? 0 : 2
  }
  // Needs no database and no settings: a policy author checks a file before submitting it.
  if (command === 'policy' && sub === 'test') return policyTestCommand(arg, values.json === true)
  const config = loadConfig(env)
  switch (command) {
    case 'serve':
      await serve(config, values['seed-if-empty'] === true)
      return -1
    case 'migrate': {
      const database = openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath })
      const result = await migrateToLatest(database.db, database.dialect, ALL_MIGRATIONS)
      for (const r of result.results ?? []) console.log(`${r.status} ${r.migrationName}`)
      console.log(`migrations up to date (${database.dialect})`)
      await database.close()
      return 0
    }
    case 'seed':
      if (!values.demo) {
        console.error('tongban seed: only --demo is supported')
        return 2
      }
      return withApp(config, async (app) => {
        if (!(await app.identity.isEmpty())) {
          console.error('tongban seed --demo: the database already has data; nothing done')
          return 1
        }
        console.log(JSON.stringify(await seedDemo(app)))
        return 0
      })
    case 'audit':
      if (sub !== 'verify') break
      return withApp(config, async (app) => {
        const result = await app.audit.verify()
        if (result.ok) {
          console.log(`audit chain OK: ${result.checked} records verified (SM3)`)
          return 0
        }
        console.error(
          `audit chain BROKEN at record seq=${result.firstBad?.seq} id=${result.firstBad?.id}: ${result.firstBad?.reason} (${result.checked} records before it verified)`,
        )
        return 1
      })
    case 'calendar':
      return withApp(config, async (app) => {
        if (sub === 'years') {
          for (const y of app.calendar.listYears()) console.log(`${y.year}\t${y.source}`)
          return 0
        }
        if (sub !== 'load' || !arg) {
          console.error(USAGE)
          return 2
        }
        const input: unknown = JSON.parse(readFileSync(arg, 'utf8'))
        const admin = cliActor([{ role: 'system_admin', departmentId: null }])
        const result = await app.calendar.loadYear(admin, input)
        console.log(`loaded ${result.year}${result.replaced ? ' (replaced)' : ''}`)
        return 0
      })
    case 'policy': {
      if (sub !== 'match') break
      const enterprise = readCreditCode(values.enterprise)
      if (!enterprise.ok) {
        console.error(enterprise.message)
        return 2
      }
      const options = {
        creditCode: enterprise.creditCode,
        departmentCode: values.department ?? DATA_DEPARTMENT,
        json: values.json === true,
      }
      return withApp(config, (app) => policyMatchCommand(app, options))
    }
  }
  console.error(`unknown command: ${positionals.join(' ')}\n\n${USAGE}`)
  return 2
}

/**
 * Runs one `tongban` command line and answers its exit code; -1 means a server is now running and
 * the process must stay up. Settings come from `env` (the process environment by default).
 */
export async function runCommandLine(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  try {
    return await dispatch(argv, env)
  } catch (error: unknown) {
    if (error instanceof ConfigError) console.error(error.message)
    else if (error instanceof DomainError)
      console.error(
        `${error.code}: ${JSON.stringify(error.fields.length ? error.fields : error.params)}`,
      )
    else if (error instanceof SyntaxError) console.error(`invalid JSON: ${error.message}`)
    else console.error(error)
    return 1
  }
}
