import type { LogAttribute } from '../log/event-log.js'

/** The totals an XES header states about its own log (OpenXES meta_* attributes), where present. */
export interface XesHeaderTotals {
  readonly traces?: number
  readonly events?: number
  readonly activities?: number
  /** Distinct activity sequences under the classifier by concept:name. */
  readonly variants?: number
}

function integer(attribute: LogAttribute | undefined): number | undefined {
  if (attribute === undefined) return undefined
  const value = Number(attribute.value)
  return Number.isInteger(value) ? value : undefined
}

const find = (attributes: readonly LogAttribute[], key: string) =>
  attributes.find((attribute) => attribute.key === key)

/** Reads the header's totals; a total it does not state is left out. */
export function xesHeaderTotals(attributes: readonly LogAttribute[]): XesHeaderTotals {
  const classifiers = find(attributes, 'meta_general:classifiers')?.children ?? []
  const byName = classifiers.find((c) => c.value.split(/\s+/).includes('concept:name'))
  const totals = {
    traces: integer(find(attributes, 'meta_general:traces_total')),
    events:
      integer(find(attributes, 'meta_general:events_total')) ??
      integer(find(attributes, 'meta_concept:named_events_total')),
    activities: integer(find(attributes, 'meta_concept:different_names_total')),
    variants: integer(find(byName?.children ?? [], 'meta_general:different_traces')),
  }
  const stated: Record<string, number> = {}
  for (const [key, value] of Object.entries(totals)) if (value !== undefined) stated[key] = value
  return stated
}
