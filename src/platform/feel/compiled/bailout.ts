/**
 * Thrown by compiled code when it meets a value or a combination of types whose feelin behaviour
 * it does not model (a JS Date in the context, a zoned time, `1 < "a"` …). The caller then runs
 * the same source through the feelin interpreter, so an odd input costs time, never correctness.
 */
export class NeedsInterpreter extends Error {
  constructor(reason: string) {
    super(`FEEL compiled code defers to the interpreter: ${reason}`)
    this.name = 'NeedsInterpreter'
  }
}

export function defer(reason: string): never {
  throw new NeedsInterpreter(reason)
}
