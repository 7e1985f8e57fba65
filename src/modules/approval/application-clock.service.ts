import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import { approvalStore } from './approval.store.js'
import type { ApplicationAccess } from './application-access.js'
import { caseClock, clockEventsOf, jointClockEvents } from './case-clock.js'
import { readLog } from './case-log.js'
import { DECISION_LIMITS, computeClock } from './sla/index.js'

/** The statutory clocks of an application: per case, and a bundle's joint clock. */
export function createApplicationClocks(deps: ApprovalDeps, access: ApplicationAccess) {
  const db = approvalDb(deps)
  const { readable } = access

  return {
    /** Each case's statutory clock: promised and statutory deadlines in working days. */
    async clocks(actor: Actor, idOrNumber: string) {
      const { cases } = await readable(actor, idOrNumber)
      const calendar = deps.calendar()
      const now = deps.clock.now()
      return Promise.all(
        cases.map(async (c) => {
          const log = readLog(await approvalStore.listActionsOfCase(db, c.id))
          const limits = { promisedDays: c.promised_days, statutoryDays: c.statutory_days }
          const result = caseClock(log, limits, calendar, now)
          return {
            caseId: c.id,
            caseNumber: c.case_number,
            clock: result?.ok ? result.view : null,
            refusal: result && !result.ok ? result.refusal.code : null,
          }
        }),
      )
    },

    /** 联合办理: a bundle's joint clock, 45 working days from the first acceptance (+15). */
    async jointClock(actor: Actor, idOrNumber: string) {
      const { application, cases } = await readable(actor, idOrNumber)
      if (application.kind !== 'bundle')
        throw new DomainError('APPROVAL_ACTION_NOT_ALLOWED', {
          reasonZh: '单个事项没有联合办理时限',
          reason: 'a single item has no joint-handling clock',
        })
      const perCase = await Promise.all(
        cases.map(async (c) => {
          const log = readLog(await approvalStore.listActionsOfCase(db, c.id))
          return clockEventsOf(log.engine, log.caseActions) ?? []
        }),
      )
      const events = jointClockEvents(perCase.filter((l) => l.length > 0))
      const { days, extensionDays } = DECISION_LIMITS.joint
      const result = events
        ? computeClock({
            events,
            promisedDays: days,
            statutoryDays: days,
            calendar: deps.calendar(),
            now: deps.clock.now(),
            maxExtensionDays: extensionDays,
          })
        : null
      return {
        applicationId: application.id,
        clock: result?.ok ? result.view : null,
        refusal: result && !result.ok ? result.refusal.code : null,
      }
    },
  }
}

export type ApplicationClocks = ReturnType<typeof createApplicationClocks>
