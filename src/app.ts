import type { FastifyRequest } from 'fastify'
import type { Logger } from 'pino'
import { createAuditTrail } from './platform/audit/audit-trail.js'
import { auditRoutes } from './platform/audit/audit.routes.js'
import { createGuard } from './platform/auth/guard.js'
import { CHANNELS, type Actor, type Channel } from './platform/auth/principal.js'
import { createTokenService } from './platform/auth/tokens.js'
import { createAuthorizer } from './platform/authz/index.js'
import { calendarRoutes } from './platform/calendar/calendar.routes.js'
import { createCalendarService } from './platform/calendar/calendar.service.js'
import { systemClock, type Clock } from './platform/clock.js'
import { resolveSecret, type Config } from './platform/config.js'
import { createFieldCipher, deriveFieldKeys, hkdfSm3 } from './platform/crypto/index.js'
import { openDatabase, type Database } from './platform/db/database.js'
import { migrateToLatest } from './platform/db/migrator.js'
import { healthRoutes } from './platform/http/health.routes.js'
import { createHttpServer } from './platform/http/server.js'
import { webAppRoutes } from './platform/http/web-app.routes.js'
import { createEventBus } from './platform/jobs/event-bus.js'
import { createJobQueue } from './platform/jobs/job-queue.js'
import { createJobRunner } from './platform/jobs/job-runner.js'
import { createLogger } from './platform/log/logger.js'
import { platformMigrations } from './platform/migrations/index.js'
import { demoSmsRoutes } from './platform/notify/notify.routes.js'
import { createOutboxNotifier } from './platform/notify/notifier.js'
import { DEMO_DEPARTMENT_SYSTEMS } from './modules/approval/demo/index.js'
import {
  approvalMigrations,
  checkRunnableProcess,
  createApprovalModule,
  signingKeyFromSeed,
} from './modules/approval/index.js'
import { catalogMigrations, createCatalogModule } from './modules/catalog/index.js'
import { createIdentityModule, identityMigrations } from './modules/identity/index.js'
import { createPolicyModule, policyMigrations } from './modules/policy/index.js'
import {
  createGovernanceModule,
  deriveUploadKeys,
  governanceMigrations,
} from './modules/governance/index.js'
import { createInsightModule, insightMigrations } from './modules/insight/index.js'

export const ALL_MIGRATIONS = [
  ...platformMigrations,
  ...identityMigrations,
  ...catalogMigrations,
  ...approvalMigrations,
  ...policyMigrations,
  ...governanceMigrations,
  ...insightMigrations,
]
const VERSION = '0.1.0'

export interface AppOptions {
  config: Config
  logger?: Logger
  clock?: Clock
  /** An already-open database (tests); otherwise opened from the config. */
  database?: Database
}

function actorOf(request: FastifyRequest): Actor {
  const header = request.headers['x-tongban-channel']
  const asked =
    typeof header === 'string' && (CHANNELS as readonly string[]).includes(header)
      ? (header as Channel)
      : 'web'
  return {
    principal: request.principal,
    requestId: request.id,
    channel: request.principal?.channel ?? asked,
  }
}

/** The composition root: the platform kernel, every module, and the HTTP server over them. */
export async function buildApp(options: AppOptions) {
  const { config } = options
  const clock = options.clock ?? systemClock
  const logger = options.logger ?? createLogger({ level: config.logLevel })
  const database =
    options.database ?? openDatabase({ url: config.databaseUrl, sqlitePath: config.sqlitePath })
  const { db, dialect } = database
  await migrateToLatest(db, dialect, ALL_MIGRATIONS)

  const secret = resolveSecret(config)
  const cipher = createFieldCipher(deriveFieldKeys(secret))
  const tokens = createTokenService({
    secret: hkdfSm3(secret, 'tongban', 'tongban/access-token/v1', 32),
    accessTtlSeconds: config.accessTokenTtlSeconds,
    now: () => clock.now(),
  })
  const audit = createAuditTrail({ database, clock })
  const guard = createGuard(createAuthorizer())
  const notifier = createOutboxNotifier({ db, clock })
  const queue = createJobQueue({ clock })
  const runner = createJobRunner({ db, dialect, clock, logger })
  const events = createEventBus({ queue, runner })
  const calendar = await createCalendarService({ db, audit, guard, clock })

  const identity = createIdentityModule({
    db,
    dialect,
    clock,
    audit,
    guard,
    cipher,
    notifier,
    tokens,
    refreshTokenTtlDays: config.refreshTokenTtlDays,
    passwordHashCost: config.passwordHashCost,
  })
  const catalog = createCatalogModule({
    db,
    clock,
    audit,
    guard,
    departments: identity.departments,
    checkProcess: checkRunnableProcess,
  })
  const approval = createApprovalModule({
    db,
    dialect,
    clock,
    audit,
    guard,
    queue,
    catalog: {
      getPublishedDefinition: (code) => catalog.items.getPublishedDefinition(code),
      getDefinition: (itemId, version, within) =>
        catalog.items.getDefinition(itemId, version, within),
      getPublishedBundle: (code) => catalog.bundles.getPublished(code),
    },
    parties: identity.parties,
    notifier,
    calendar: () => calendar.current(),
    regionCode: config.regionCode,
    ratings: { limits: config.rectificationDays, defaultAfterDays: config.ratingDefaultDays },
    slaScanIntervalMs: config.slaScanIntervalMs,
    slaScanPageSize: config.slaScanPageSize,
    licenceKey: signingKeyFromSeed(hkdfSm3(secret, 'tongban', 'tongban/licence-signing/v1', 40)),
  })
  approval.registerJobs(runner)
  const policy = createPolicyModule({
    db,
    dialect,
    clock,
    audit,
    guard,
    queue,
    parties: identity.parties,
    departments: identity.departments,
    notifier,
  })
  policy.registerJobs(runner)
  const governance = createGovernanceModule({
    db,
    dialect,
    clock,
    audit,
    guard,
    queue,
    cipher,
    departments: identity.departments,
    logger,
    dataDir: config.dataDir,
    maxUploadBytes: config.governanceMaxUploadBytes,
    uploadKeys: deriveUploadKeys(secret),
    uploadRetentionDays: config.governanceUploadRetentionDays,
  })
  governance.registerJobs(runner)
  const insight = createInsightModule({
    db,
    dialect,
    clock,
    audit,
    guard,
    queue,
    logger,
    departments: identity.departments,
    catalog: { getPublishedDefinition: (code) => catalog.items.getPublishedDefinition(code) },
    approvalLog: approval.eventLog,
    calendar: () => calendar.current(),
    dataDir: config.dataDir,
    maxUploadBytes: config.governanceMaxUploadBytes,
    uploadKeys: deriveUploadKeys(secret),
    uploadRetentionDays: config.governanceUploadRetentionDays,
  })
  insight.registerJobs(runner)
  if (config.demo) {
    for (const [topic, handler] of Object.entries(DEMO_DEPARTMENT_SYSTEMS))
      approval.registerServiceHandler(topic, handler)
  }

  let shuttingDown = false
  const http = await createHttpServer({
    logger,
    db,
    clock,
    bodyLimit: config.bodyLimitBytes,
    resolvePrincipal: (token) => identity.resolvePrincipal(token),
    mayPerform: (p, action) => guard.mayPerform(p, action),
    version: VERSION,
  })
  await http.register(healthRoutes, { db, isShuttingDown: () => shuttingDown })
  const idRoutes = identity.routes(actorOf, config.authRateLimitPerMinute)
  await http.register(idRoutes.plugin, { ...idRoutes.options, prefix: '/api/v1' })
  const catRoutes = catalog.routes(actorOf)
  await http.register(catRoutes.plugin, { ...catRoutes.options, prefix: '/api/v1/catalog' })
  const apRoutes = approval.routes(actorOf)
  await http.register(apRoutes.plugin, { ...apRoutes.options, prefix: '/api/v1/approval' })
  const polRoutes = policy.routes(actorOf)
  await http.register(polRoutes.plugin, { ...polRoutes.options, prefix: '/api/v1/policy' })
  const govRoutes = governance.routes(actorOf)
  await http.register(govRoutes.plugin, { ...govRoutes.options, prefix: '/api/v1/governance' })
  const insRoutes = insight.routes(actorOf)
  await http.register(insRoutes.plugin, { ...insRoutes.options, prefix: '/api/v1/insight' })
  await http.register(calendarRoutes, { calendar, actorOf, prefix: '/api/v1/calendar' })
  await http.register(auditRoutes, { db, audit, guard, actorOf, prefix: '/api/v1/audit' })
  if (config.demo) await http.register(demoSmsRoutes, { notifier, cipher, prefix: '/api/v1/demo' })
  await http.register(webAppRoutes, { webDir: config.webDir })
  await http.ready()

  const timers: NodeJS.Timeout[] = []
  return {
    http,
    database,
    clock,
    logger,
    audit,
    guard,
    cipher,
    queue,
    runner,
    events,
    calendar,
    identity,
    catalog,
    approval,
    policy,
    governance,
    insight,
    config,
    /** Starts the background work: job runner, deliberate WAL checkpoints, calendar refresh. */
    startBackground() {
      runner.start(config.jobPollMs)
      approval.slaWatch
        .start()
        .catch((err: unknown) => logger.warn({ err }, 'could not schedule the SLA scan'))
      governance.upkeep
        .start()
        .catch((err: unknown) => logger.warn({ err }, 'could not schedule governance upkeep'))
      insight.upkeep
        .start()
        .catch((err: unknown) => logger.warn({ err }, 'could not schedule insight upkeep'))
      timers.push(
        setInterval(
          () =>
            void audit.seal().catch((err: unknown) => logger.warn({ err }, 'audit sealing failed')),
          config.auditSealIntervalMs,
        ),
      )
      if (dialect === 'sqlite') {
        timers.push(
          setInterval(() => void checkpointMeasured(database, logger), config.checkpointIntervalMs),
        )
      }
      timers.push(
        setInterval(
          () =>
            void calendar
              .reload()
              .catch((err: unknown) => logger.warn({ err }, 'calendar reload failed')),
          60_000,
        ),
      )
    },
    /** Graceful shutdown: refuse new work, finish requests in flight and the running job, close the DB. */
    async close() {
      shuttingDown = true
      for (const t of timers) clearInterval(t)
      try {
        await http.close()
        await runner.stop()
        // Records written since the last seal are chained now rather than at the next start.
        await audit.seal().catch((err: unknown) => logger.warn({ err }, 'audit sealing failed'))
        await audit.close().catch(() => undefined)
        await database.checkpoint().catch(() => 0)
      } finally {
        await database.close()
      }
    },
  }
}

export type App = Awaited<ReturnType<typeof buildApp>>

/** One deliberate WAL checkpoint, timed: slow ones are logged as warnings, the rest at debug. */
async function checkpointMeasured(database: Database, logger: Logger): Promise<void> {
  const started = process.hrtime.bigint()
  try {
    const frames = await database.checkpoint()
    const ms = Number(process.hrtime.bigint() - started) / 1e6
    if (ms > 50) logger.warn({ frames, ms }, 'slow WAL checkpoint')
    else if (frames > 0) logger.debug({ frames, ms }, 'WAL checkpoint')
  } catch (err) {
    logger.warn({ err }, 'checkpoint failed')
  }
}
