import type { CalendarYear } from '../calendar-year.js'
import { CALENDAR_2025 } from './2025.js'
import { CALENDAR_2026 } from './2026.js'

/** Official State Council arrangements shipped with tongban, ascending by year. */
export const BUILT_IN_CALENDAR_YEARS: readonly CalendarYear[] = Object.freeze([
  CALENDAR_2025,
  CALENDAR_2026,
])
