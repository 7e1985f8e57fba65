import { runFigures, type Emit, type Figure } from './figures.js'
import { benchLifecycle } from './core/lifecycle.js'
import { benchStatus } from './core/status.js'
import { benchSubmit } from './core/submit.js'
import { benchWaiting } from './core/waiting.js'

const FIGURES: Figure[] = [
  { key: 'status', name: 'application status GET over HTTP vs bare Fastify', run: benchStatus },
  { key: 'submit', name: '企业开办 bundle submissions over HTTP', run: benchSubmit },
  {
    key: 'lifecycle',
    name: '5-department parallel lifecycles vs bpmn-engine',
    run: benchLifecycle,
  },
  { key: 'waiting', name: 'memory with waiting instances vs bpmn-engine', run: benchWaiting },
]

/** The approval core benchmark: status, submit, lifecycle, waiting (see runFigures). */
export function benchCore(emit: Emit): Promise<void> {
  return runFigures('core', FIGURES, emit)
}
