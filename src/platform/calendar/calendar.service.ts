import type { Kysely } from 'kysely'
import type { AuditTrail } from '../audit/audit-trail.js'
import type { Guard } from '../auth/guard.js'
import type { Actor } from '../auth/principal.js'
import type { Clock } from '../clock.js'
import { moduleDb, type RootDb } from '../db/database.js'
import { validationFailed } from '../errors.js'
import { validateCalendarYear, type CalendarYear } from './calendar-year.js'
import { CalendarDataError } from './calendar-data-error.js'
import { createWorkingCalendar, type WorkingCalendar } from './working-calendar.js'
import { BUILT_IN_CALENDAR_YEARS } from './years/built-in-years.js'

interface CalendarYearTable {
  year: number
  data_json: string
  loaded_by: string | null
  created_at: string
  updated_at: string
}
interface CalendarTables {
  platform_calendar_years: CalendarYearTable
}

export interface CalendarService {
  /** The calendar in force: built-in years overlaid by years an admin loaded. */
  current(): WorkingCalendar
  /** Re-reads loaded years (another instance may have loaded one). */
  reload(): Promise<void>
  loadYear(actor: Actor, input: unknown): Promise<{ year: number; replaced: boolean }>
  listYears(): Array<{ year: number; source: string }>
  /** One year's arrangement as loaded (or built in); undefined when not loaded. */
  getYear(year: number): CalendarYear | undefined
}

export async function createCalendarService(deps: {
  db: RootDb
  audit: AuditTrail
  guard: Guard
  clock: Clock
}): Promise<CalendarService> {
  const db = moduleDb<CalendarTables>(deps.db)
  let years = new Map<number, CalendarYear>()
  let calendar = createWorkingCalendar(BUILT_IN_CALENDAR_YEARS)

  async function reload(): Promise<void> {
    const rows = await db.selectFrom('platform_calendar_years').selectAll().execute()
    const next = new Map<number, CalendarYear>(BUILT_IN_CALENDAR_YEARS.map((y) => [y.year, y]))
    for (const row of rows) next.set(Number(row.year), JSON.parse(row.data_json) as CalendarYear)
    calendar = createWorkingCalendar([...next.values()].sort((a, b) => a.year - b.year))
    years = next
  }
  await reload()

  return {
    current: () => calendar,
    reload,
    listYears: () =>
      [...years.values()]
        .map((y) => ({ year: y.year, source: y.source }))
        .sort((a, b) => a.year - b.year),
    getYear: (year) => years.get(year),
    async loadYear(actor, input) {
      deps.guard.require(actor, 'calendar.load', {
        type: 'calendar',
        id: 'calendar',
        departmentId: null,
      })
      const checked = validateCalendarYear(input)
      if (!checked.ok) {
        throw validationFailed(
          checked.errors.map((e) => ({ pointer: e.path, code: e.code, message: e.message })),
        )
      }
      const year = checked.value
      // Building the calendar also checks the year against its neighbours before anything is written.
      try {
        createWorkingCalendar(
          [...[...years.values()].filter((y) => y.year !== year.year), year].sort(
            (a, b) => a.year - b.year,
          ),
        )
      } catch (error) {
        if (!(error instanceof CalendarDataError)) throw error
        throw validationFailed(
          error.errors.map((e) => ({ pointer: e.path, code: e.code, message: e.message })),
        )
      }
      const now = deps.clock.now().toISOString()
      const replaced = years.has(year.year)
      await db.transaction().execute(async (trx) => {
        await (trx as Kysely<CalendarTables>)
          .deleteFrom('platform_calendar_years')
          .where('year', '=', year.year)
          .execute()
        await trx
          .insertInto('platform_calendar_years')
          .values({
            year: year.year,
            data_json: JSON.stringify(year),
            loaded_by: actor.principal?.id ?? null,
            created_at: now,
            updated_at: now,
          })
          .execute()
        await deps.audit.record(trx, actor, {
          action: 'calendar.year.loaded',
          subject: { type: 'calendar_year', id: String(year.year) },
          before: replaced ? years.get(year.year) : undefined,
          after: year,
        })
      })
      await reload()
      return { year: year.year, replaced }
    },
  }
}
