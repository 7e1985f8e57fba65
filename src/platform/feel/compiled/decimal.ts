import { Decimal } from 'decimal.js'
import { scaledProduct, scaledQuotient, scaledSum } from './scaled-decimal.js'

/**
 * FEEL numbers are decimal128: 34 significant digits, half-even. Values live as JS numbers
 * between operations; each operation reads its operands' shortest decimal form (0.1 is "0.1"),
 * computes exactly, and rounds the result back to the nearest JS number. Safe integers and
 * "simple" decimals (scaled-decimal.ts) get that same result without decimal.js.
 */
export const Dec = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_EVEN })
export type Dec = InstanceType<typeof Dec>

function bothSafeIntegers(a: number, b: number): boolean {
  return Number.isSafeInteger(a) && Number.isSafeInteger(b)
}

export function add(a: number, b: number): number {
  const sum = a + b
  if (bothSafeIntegers(a, b) && Number.isSafeInteger(sum)) return sum
  return scaledSum(a, b) ?? new Dec(a).plus(b).toNumber()
}

export function subtract(a: number, b: number): number {
  const difference = a - b
  if (bothSafeIntegers(a, b) && Number.isSafeInteger(difference)) return difference
  return scaledSum(a, -b) ?? new Dec(a).minus(b).toNumber()
}

export function multiply(a: number, b: number): number {
  const product = a * b
  if (bothSafeIntegers(a, b) && Number.isSafeInteger(product)) return product
  return scaledProduct(a, b) ?? new Dec(a).times(b).toNumber()
}

/** Division by zero is null in FEEL. */
export function divide(a: number, b: number): number | null {
  if (b === 0 || Number.isNaN(b)) return null
  return scaledQuotient(a, b) ?? new Dec(a).div(b).toNumber()
}

/** Integer powers are exact; a fractional exponent has no exact decimal result anyway. */
export function power(a: number, b: number): number {
  if (!Number.isInteger(b) || !Number.isFinite(a)) return Math.pow(a, b)
  return new Dec(a).pow(b).toNumber()
}

export function sumOf(values: readonly number[]): number {
  return values.reduce((total, n) => total.plus(n), new Dec(0)).toNumber()
}

export function meanOf(values: readonly number[]): number {
  return values
    .reduce((total, n) => total.plus(n), new Dec(0))
    .div(values.length)
    .toNumber()
}

/** Rounds to `scale` decimal places with one of decimal.js's rounding modes. */
export function roundTo(n: number, scale: number, mode: Decimal.Rounding): number {
  return new Dec(n).toDecimalPlaces(scale, mode).toNumber()
}

/** FEEL modulo takes the sign of the divisor: a - b * floor(a / b). */
export function modulo(a: number, b: number): number {
  const x = new Dec(a)
  return x.minus(x.div(b).floor().times(b)).toNumber()
}

export const ROUNDING = {
  floor: Decimal.ROUND_FLOOR,
  ceiling: Decimal.ROUND_CEIL,
  halfEven: Decimal.ROUND_HALF_EVEN,
  halfUp: Decimal.ROUND_HALF_UP,
  halfDown: Decimal.ROUND_HALF_DOWN,
} as const
