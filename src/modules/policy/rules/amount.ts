import { Decimal } from 'decimal.js'

/**
 * A FEEL number (computed exactly by the engine, handed back as the nearest JS number) as a
 * decimal string rounded half-up to `scale` places: 0.1 + 0.2 → "0.30".
 */
export function formatAmount(value: number, scale: number): string {
  return new Decimal(value).toDecimalPlaces(scale, Decimal.ROUND_HALF_UP).toFixed(scale)
}

/** Exact decimal equality of two amounts written as decimal strings ("400000" = "400000.00"). */
export function sameAmount(a: string, b: string): boolean {
  return new Decimal(a).equals(new Decimal(b))
}
