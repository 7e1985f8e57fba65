import { hash } from 'node:crypto'

/** The first 64 bits of a SHA-1 digest, as two unsigned 32-bit halves. */
export interface Hash64 {
  hi: number
  lo: number
}

/** A well-mixed 64-bit hash of a string (SHA-1 truncated; the hex one-shot is the fastest form). */
export function hash64(value: string): Hash64 {
  const hex = hash('sha1', value, 'hex')
  return { hi: parseInt(hex.slice(0, 8), 16), lo: parseInt(hex.slice(8, 16), 16) }
}

/** 53 of the 64 bits as one number: a compact key for exact distinct counting. */
export function hashKey({ hi, lo }: Hash64): number {
  return hi * 2 ** 21 + (lo >>> 11)
}
