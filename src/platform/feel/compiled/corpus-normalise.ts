/**
 * FEEL values in a comparable form for tests: numbers as numbers (-0 kept), temporal values and
 * ranges by their string form, lists and contexts deeply, undefined as null.
 */
export function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise)
  if (value === undefined) return null
  if (typeof value !== 'object' || value === null) return value
  // temporal values and ranges compare by their ISO / bracket string
  if (Object.getPrototypeOf(value) !== Object.prototype)
    return (value as { toString(): string }).toString()
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalise(v)]))
}
