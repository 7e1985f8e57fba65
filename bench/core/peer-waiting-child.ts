import type { Engine } from 'bpmn-engine'
import { startPeerInstance } from './bpmn-engine-peer.js'
import { settledMemory } from './memory.js'
import { parallelProcessXml } from './parallel-process.js'

/**
 * Figure 4, the peer: SAMPLE bpmn-engine instances of the same process, each parked at its
 * five user tasks and kept referenced (as a server holding them would), then the heap growth
 * per instance after full GCs. Run with --expose-gc. Usage: peer-waiting-child.ts SAMPLE.
 */
const sample = Number(process.argv[2] ?? '2000')
const source = parallelProcessXml(5)

// One instance through first, so module loading and first-use caches are not counted.
const first = await startPeerInstance(source, 'warm-up')
const before = await settledMemory()
const held: Engine[] = [first.engine]
const started = performance.now()
for (let i = 0; i < sample; i++) {
  const { engine, waiting } = await startPeerInstance(source, `instance-${i}`)
  if (waiting.length !== 5) throw new Error(`${waiting.length} waiting user tasks, expected 5`)
  held.push(engine)
}
const seconds = (performance.now() - started) / 1000
const after = await settledMemory()
const result = {
  sample,
  seconds,
  heapPerInstanceKb: ((after.heapUsedMb - before.heapUsedMb) * 1024) / sample,
  rssPerInstanceKb: ((after.rssMb - before.rssMb) * 1024) / sample,
  rssBeforeMb: before.rssMb,
  rssMb: after.rssMb,
  heldInstances: held.length,
}
process.stdout.write(`${JSON.stringify(result)}\n`)
