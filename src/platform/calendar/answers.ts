// Every calendar question has a known answer or an explicit "year not loaded":
// the calendar never guesses Monday–Friday for a year without official data.

export type UnknownAnswer = {
  readonly known: false
  readonly reason: 'year_not_loaded'
  readonly year: number
}

export type Answer<T> = { readonly known: true; readonly value: T } | UnknownAnswer

export type DayAnswer = Answer<boolean>
export type DateAnswer = Answer<string>
export type CountAnswer = Answer<number>

export function known<T>(value: T): Answer<T> {
  return { known: true, value }
}

export function yearNotLoaded(year: number): UnknownAnswer {
  return { known: false, reason: 'year_not_loaded', year }
}
