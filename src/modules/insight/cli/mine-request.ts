import type { LogFilter } from '../discovery/filters.js'
import { XES_KEYS } from '../log/event-log.js'
import type { AnalysisAsk } from '../run-analysis.js'

/** A command line that cannot be run: printed with the usage, exit 2. */
export class UsageError extends Error {}

/** The `tongban mine` flags that choose the analyses and the filters. */
export interface MineFlags {
  dfg?: boolean
  variants?: boolean
  performance?: boolean
  rework?: boolean
  discover?: string
  noise?: string
  top?: string
  'sla-days'?: string
  'sla-hours'?: string
  corrections?: string
  from?: string
  to?: string
  window?: string
  'top-variants'?: string
  'variant-coverage'?: string
  'min-activity'?: string
  'min-path'?: string
  departments?: string
}

const WINDOW_MODES = ['contained', 'intersecting', 'started', 'completed', 'events'] as const

/** A non-negative number flag, at most `max`; undefined when the flag is absent. */
export function numberFlag(name: string, text: string | undefined, max = Infinity) {
  if (text === undefined) return undefined
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > max)
    throw new UsageError(`--${name}: not a number from 0 to ${max}: ${text}`)
  return value
}

function isoFlag(name: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined
  if (Number.isNaN(Date.parse(text)))
    throw new UsageError(`--${name}: not an ISO 8601 date or date-time: ${text}`)
  return text
}

/** The filters in the order they apply: time window, variants, activity and path frequency, departments. */
function filtersOf(flags: MineFlags): LogFilter[] {
  const filters: LogFilter[] = []
  const from = isoFlag('from', flags.from)
  const to = isoFlag('to', flags.to)
  const mode = flags.window ?? 'intersecting'
  if (!(WINDOW_MODES as readonly string[]).includes(mode))
    throw new UsageError(`--window: one of ${WINDOW_MODES.join(', ')}: ${mode}`)
  if (from !== undefined || to !== undefined)
    filters.push({
      kind: 'time-window',
      mode: mode as (typeof WINDOW_MODES)[number],
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
    })
  const top = numberFlag('top-variants', flags['top-variants'])
  const coverage = numberFlag('variant-coverage', flags['variant-coverage'], 1)
  if (top !== undefined || coverage !== undefined)
    filters.push({
      kind: 'variant',
      ...(top === undefined ? {} : { top }),
      ...(coverage === undefined ? {} : { coverage }),
    })
  const minEvents = numberFlag('min-activity', flags['min-activity'])
  if (minEvents !== undefined) filters.push({ kind: 'activity-frequency', minEvents })
  const minCount = numberFlag('min-path', flags['min-path'])
  if (minCount !== undefined) filters.push({ kind: 'path-frequency', minCount })
  if (flags.departments !== undefined) {
    const values = flags.departments.split(',').map((d) => d.trim())
    if (values.some((d) => d === '')) throw new UsageError('--departments: a comma-separated list')
    filters.push({ kind: 'attribute', key: XES_KEYS.group, values, mode: 'cases' })
  }
  return filters
}

/** The analyses and filters a `tongban mine` command line asks for. */
export function mineRequest(flags: MineFlags): AnalysisAsk {
  const some =
    flags.dfg === true ||
    flags.variants === true ||
    flags.performance === true ||
    flags.rework === true ||
    flags.discover !== undefined
  const days = numberFlag('sla-days', flags['sla-days'])
  const hours = numberFlag('sla-hours', flags['sla-hours'])
  const noise = numberFlag('noise', flags.noise, 1)
  if (noise !== undefined && flags.discover === undefined)
    throw new UsageError('--noise: only with --discover OUT.bpmn')
  return {
    options: {
      dfg: !some || flags.dfg === true,
      ...(!some || flags.variants === true ? { variants: numberFlag('top', flags.top) ?? 20 } : {}),
      performance: !some || flags.performance === true,
      rework: flags.rework === true,
      ...(flags.corrections === undefined
        ? {}
        : { correctionActivities: flags.corrections.split(',') }),
      ...(days === undefined && hours === undefined
        ? {}
        : {
            sla: {
              ...(days === undefined ? {} : { workingDays: days }),
              ...(hours === undefined ? {} : { calendarHours: hours }),
            },
          }),
      ...(flags.discover === undefined
        ? {}
        : { discover: noise === undefined ? {} : { noiseThreshold: noise } }),
    },
    filters: filtersOf(flags),
  }
}
