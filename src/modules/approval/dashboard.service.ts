import { sql } from 'kysely'
import type { Actor } from '../../platform/auth/principal.js'
import { toShanghaiDate } from '../../platform/calendar/index.js'
import { approvalDb, type ApprovalDeps } from './approval.deps.js'
import type { SlaWatch } from './sla-watch.service.js'

/** Days of daily application counts the dashboard shows, ending today. */
export const DASHBOARD_DAYS = 30

/**
 * 统计看板 The admin dashboard's figures: aggregates only, never a case or a person. Applications
 * per day (Asia/Shanghai) over the last 30 days, on-time rates and open tasks per department,
 * and the mean working days from submission to decision per item.
 */
export function createDashboard(deps: ApprovalDeps, slaWatch: SlaWatch) {
  const db = approvalDb(deps)
  return {
    async figures(actor: Actor) {
      deps.guard.require(actor, 'approval.statistics.read', {
        type: 'statistics',
        id: 'dashboard',
        departmentId: null,
      })
      const now = deps.clock.now()
      const since = new Date(now.getTime() - DASHBOARD_DAYS * 86_400_000)
      const submitted = await db
        .selectFrom('approval_applications')
        .select('submitted_at')
        .where('submitted_at', '>=', since.toISOString())
        .execute()
      const perDay = new Map<string, number>()
      for (let i = DASHBOARD_DAYS - 1; i >= 0; i -= 1)
        perDay.set(toShanghaiDate(new Date(now.getTime() - i * 86_400_000)), 0)
      for (const r of submitted) {
        const day = toShanghaiDate(new Date(r.submitted_at))
        if (perDay.has(day)) perDay.set(day, (perDay.get(day) ?? 0) + 1)
      }

      const waiting = await db
        .selectFrom('approval_tasks')
        .select(['department_id', sql<number>`count(*)`.as('n')])
        .where('state', 'in', ['open', 'suspended'])
        .groupBy('department_id')
        .orderBy('department_id')
        .execute()

      const finished = await db
        .selectFrom('approval_cases as c')
        .innerJoin('approval_applications as a', 'a.id', 'c.application_id')
        .select([
          'c.implementation_code',
          'c.name_zh',
          'c.name_en',
          'a.submitted_at',
          'c.finished_at',
        ])
        .where('c.finished_at', 'is not', null)
        .where('c.status', 'in', ['approved', 'rejected'])
        .execute()
      const calendar = deps.calendar()
      const perItem = new Map<
        string,
        { name: { zh: string; en: string }; days: number; cases: number }
      >()
      for (const c of finished) {
        const span = calendar.workingDaysBetween(
          toShanghaiDate(new Date(c.submitted_at)),
          toShanghaiDate(new Date(c.finished_at ?? c.submitted_at)),
        )
        if (!span.known) continue
        const entry = perItem.get(c.implementation_code) ?? {
          name: { zh: c.name_zh, en: c.name_en },
          days: 0,
          cases: 0,
        }
        entry.days += span.value
        entry.cases += 1
        perItem.set(c.implementation_code, entry)
      }

      const rates = await slaWatch.onTimeRates()
      return {
        applicationsPerDay: [...perDay].map(([date, count]) => ({ date, count })),
        onTimeByDepartment: rates.byDepartment.map((r) => ({
          departmentId: r.key,
          decided: r.decided,
          promisedRate: r.promisedRate,
          statutoryRate: r.statutoryRate,
        })),
        waitingByDepartment: waiting.map((w) => ({
          departmentId: w.department_id,
          count: Number(w.n),
        })),
        workingDaysByItem: [...perItem]
          .map(([code, e]) => ({
            code,
            name: e.name,
            cases: e.cases,
            averageWorkingDays: Math.round((e.days / e.cases) * 10) / 10,
          }))
          .sort((a, b) => a.code.localeCompare(b.code)),
      }
    },
  }
}

export type Dashboard = ReturnType<typeof createDashboard>
