/** Where a data command writes: results on `out`, progress and messages on `err`. */
export interface CliIo {
  out: (text: string) => void
  err: ProgressStream
  /** Milliseconds from an arbitrary origin, for rates and durations. */
  now: () => number
}

/** The part of process.stderr the progress display needs. */
export interface ProgressStream {
  write(text: string): unknown
  readonly isTTY?: boolean
  readonly columns?: number
}

export const processIo = (): CliIo => ({
  out: (text) => void process.stdout.write(text),
  err: process.stderr,
  now: () => performance.now(),
})

/** Writes a line (or lines) to stderr. */
export const say = (io: CliIo, text: string): void => void io.err.write(`${text}\n`)
