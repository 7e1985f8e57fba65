import pino, { type DestinationStream, type Logger } from 'pino'

// An 18-character ID number (GB 11643) or an 11-digit mainland mobile, not inside a longer number.
const ID_NUMBER = /(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[0-9Xx])(?![0-9A-Za-z])/g
const MOBILE = /(?<![0-9])(?:\+?86)?(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g

/** Masks ID numbers (keeps division and last 4) and mobiles (keeps 3 + 4) inside any text. */
export function maskSensitiveText(text: string): string {
  return text
    .replace(ID_NUMBER, (_whole, head: string, tail: string) => `${head}********${tail}`)
    .replace(MOBILE, (_whole, head: string, tail: string) => `${head}****${tail}`)
}

/** Deep copy of a log object with every string masked; depth-bounded against cycles. */
export function maskDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return maskSensitiveText(value)
  if (depth > 8 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1))
  if (value instanceof Error) {
    return {
      type: value.name,
      message: maskSensitiveText(value.message),
      stack: value.stack && maskSensitiveText(value.stack),
    }
  }
  const proto: unknown = Object.getPrototypeOf(value)
  // Requests, replies and other class instances are left to pino's serializers.
  if (proto !== Object.prototype && proto !== null) return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) out[key] = maskDeep(v, depth + 1)
  return out
}

export interface LoggerOptions {
  level: string
  destination?: DestinationStream
}

/** The platform logger: JSON lines, with ID numbers and phone numbers masked in every field. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'tongban' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { log: (object) => maskDeep(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const [first] = args
          if (first instanceof Error && args.length === 1) {
            // pino would copy the raw message into `msg`; give it the masked one instead.
            method.apply(this, [
              { err: first },
              maskSensitiveText(first.message),
            ] as unknown as Parameters<typeof method>)
            return
          }
          const masked = args.map((arg) => (typeof arg === 'string' ? maskSensitiveText(arg) : arg))
          method.apply(this, masked as Parameters<typeof method>)
        },
      },
      serializers: {
        req: (req: { method?: string; url?: string; id?: string }) => ({
          method: req.method,
          url: req.url && maskSensitiveText(req.url),
          id: req.id,
        }),
        err: pino.stdSerializers.err,
      },
    },
    options.destination,
  )
}
