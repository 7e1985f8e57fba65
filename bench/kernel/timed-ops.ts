import { setImmediate as turn } from 'node:timers/promises'

/** A server turns the event loop between requests; timers and worker replies run then. */
const YIELD_EVERY = 10
/** How often the audited side starts a seal without waiting, as the server's seal timer does. */
const SEAL_EVERY = 100

/**
 * Runs `count` operations back to back and returns the seconds taken. Both sides of a comparison
 * turn the event loop alike. `background` (the audit sealer) is started every SEAL_EVERY
 * operations without being awaited, and awaited once at the end, so everything it does for these
 * operations is inside the time: what it costs the event loop, and any wait for its worker.
 */
export async function timeOps(
  op: () => Promise<unknown>,
  count: number,
  background?: () => Promise<unknown>,
): Promise<number> {
  const started = process.hrtime.bigint()
  const inFlight: Array<Promise<unknown>> = []
  for (let i = 1; i <= count; i++) {
    await op()
    if (background && i % SEAL_EVERY === 0) inFlight.push(background())
    if (i % YIELD_EVERY === 0) await turn()
  }
  await Promise.all(inFlight)
  await background?.()
  return Number(process.hrtime.bigint() - started) / 1e9
}
