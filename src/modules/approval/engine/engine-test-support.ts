import { isDeepStrictEqual } from 'node:util'
/** Small BPMN builders and a deterministic harness for the engine's tests. */
import { advance, type AdvanceResult } from './advance.js'
import type { EngineCommand } from './engine-commands.js'
import type { EngineContext } from './engine-draft.js'
import type { EngineEvent } from './engine-events.js'
import { foldInstance, type InstanceState, type TaskState } from './instance-state.js'
import { compileProcess, type ProcessModel } from './process-model.js'

const NS = [
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"',
  'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
  'xmlns:camunda="http://camunda.org/schema/1.0/bpmn"',
  'xmlns:tongban="urn:tongban:bpmn"',
].join(' ')

export function processXml(...elements: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="urn:test">
  <bpmn:process id="Process_test" isExecutable="true">
    ${elements.join('\n    ')}
  </bpmn:process>
</bpmn:definitions>`
}

const esc = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')

export const start = (id = 'start') => `<bpmn:startEvent id="${id}"/>`
export const end = (id = 'end') => `<bpmn:endEvent id="${id}"/>`

export interface UserTaskOptions {
  role?: string
  assignee?: string
  visible?: string
  editable?: string
  default?: string
  mi?: { collection: string; sequential?: boolean; condition?: string }
}

export function userTask(id: string, o: UserTaskOptions = {}): string {
  const attrs = [
    `camunda:candidateGroups="${o.role ?? 'dept_staff'}"`,
    o.assignee === undefined ? '' : `camunda:assignee="${esc(o.assignee)}"`,
    o.visible === undefined ? '' : `tongban:visibleFields="${o.visible}"`,
    o.editable === undefined ? '' : `tongban:editableFields="${o.editable}"`,
    o.default === undefined ? '' : `default="${o.default}"`,
  ].join(' ')
  const mi = o.mi
  const loop =
    mi === undefined
      ? ''
      : `<bpmn:multiInstanceLoopCharacteristics isSequential="${mi.sequential === true}" camunda:collection="${esc(mi.collection)}">${
          mi.condition === undefined
            ? ''
            : `<bpmn:completionCondition xsi:type="bpmn:tFormalExpression">${esc(mi.condition)}</bpmn:completionCondition>`
        }</bpmn:multiInstanceLoopCharacteristics>`
  return `<bpmn:userTask id="${id}" ${attrs}>${loop}</bpmn:userTask>`
}

export function serviceTask(
  id: string,
  topic: string,
  inputs: Record<string, string> = {},
): string {
  const params = Object.entries(inputs)
    .map(([k, v]) => `<camunda:inputParameter name="${k}">${esc(v)}</camunda:inputParameter>`)
    .join('')
  const ext = `<bpmn:extensionElements><camunda:inputOutput>${params}</camunda:inputOutput></bpmn:extensionElements>`
  return `<bpmn:serviceTask id="${id}" camunda:type="external" camunda:topic="${topic}">${ext}</bpmn:serviceTask>`
}

export function gateway(kind: 'parallel' | 'exclusive' | 'inclusive', id: string, dflt?: string) {
  const d = dflt === undefined ? '' : ` default="${dflt}"`
  return `<bpmn:${kind}Gateway id="${id}"${d}/>`
}

/** A flow with id `source_target` unless given. */
export function flow(source: string, target: string, condition?: string, id?: string): string {
  const fid = id ?? `${source}_${target}`
  if (condition === undefined)
    return `<bpmn:sequenceFlow id="${fid}" sourceRef="${source}" targetRef="${target}"/>`
  return `<bpmn:sequenceFlow id="${fid}" sourceRef="${source}" targetRef="${target}"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">${esc(condition)}</bpmn:conditionExpression></bpmn:sequenceFlow>`
}

export function timer(
  id: string,
  attachedTo: string,
  duration: string,
  o: { onTimeout?: string; interrupting?: boolean } = {},
): string {
  const action = o.onTimeout === undefined ? '' : ` tongban:onTimeout="${o.onTimeout}"`
  const cancel = o.interrupting === false ? ' cancelActivity="false"' : ''
  return `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}"${cancel}${action}><bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${duration}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>`
}

/** start → the given user tasks in a line → end. */
export function lineXml(...tasks: string[]): string {
  const ids = ['start', ...tasks, 'end']
  const flows = ids.slice(1).map((id, i) => flow(ids[i] ?? '', id))
  return processXml(start(), ...tasks.map((id) => userTask(id)), end(), ...flows)
}

export async function compile(xml: string): Promise<ProcessModel> {
  const result = await compileProcess(xml)
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.pointer} ${e.code}`).join('\n'))
  return result.model
}

/** Days (PnD) are added as calendar days; 'P999D' is beyond the calendar. */
function dueAt(duration: string, from: string): string | null {
  if (duration === 'P999D') return null
  const days = Number(/^P(\d+)D$/.exec(duration)?.[1] ?? '0')
  return new Date(Date.parse(from) + days * 86_400_000).toISOString()
}

/** Drives one instance: every command's events are appended and re-folded. */
export class Harness {
  events: EngineEvent[] = []
  state: InstanceState = foldInstance([])
  now = '2026-03-02T01:00:00.000Z'
  private counter = 0

  constructor(readonly model: ProcessModel) {}

  context(): EngineContext {
    return { now: this.now, newId: () => `id${++this.counter}`, dueAt }
  }

  attempt(command: EngineCommand): AdvanceResult {
    const result = advance(this.model, this.state, command, this.context())
    if (result.ok) {
      this.events.push(...result.events)
      const folded = foldInstance(result.events, this.state)
      // Callers keep `result.state` instead of folding again: it must be exactly the fold.
      if (!isDeepStrictEqual(result.state, folded))
        throw new Error('advance returned a state that differs from folding its events')
      this.state = folded
    }
    return result
  }

  /** Applies a command that must succeed; returns its events. */
  run(command: EngineCommand): EngineEvent[] {
    const result = this.attempt(command)
    if (!result.ok)
      throw new Error(`${command.type} refused: ${result.error.code} ${result.error.detail}`)
    return result.events
  }

  /** Refused commands return their error code. */
  refuse(command: EngineCommand): string {
    const result = this.attempt(command)
    if (result.ok) throw new Error(`${command.type} was accepted`)
    return result.error.code
  }

  openTasks(nodeId?: string): TaskState[] {
    return Object.values(this.state.tasks).filter(
      (t) => t.status === 'open' && (nodeId === undefined || t.nodeId === nodeId),
    )
  }

  /** The only open task at `nodeId`. */
  task(nodeId: string): TaskState {
    const tasks = this.openTasks(nodeId)
    const [only] = tasks
    if (tasks.length !== 1 || only === undefined)
      throw new Error(`${tasks.length} open tasks at ${nodeId}`)
    return only
  }

  /** Completes the only open task at `nodeId` as `actorId` (claiming it if unassigned). */
  complete(nodeId: string, approved?: boolean, actorId?: string): EngineEvent[] {
    const task = this.task(nodeId)
    const actor = actorId ?? task.assignee ?? 'clerk'
    return this.run({ type: 'complete', taskId: task.id, actorId: actor, approved })
  }

  /** Ids of the open jobs. */
  openServices(): string[] {
    return Object.values(this.state.services)
      .filter((j) => j.status === 'open')
      .map((j) => j.id)
  }

  liveNodes(): string[] {
    return Object.values(this.state.tokens)
      .map((t) => t.nodeId)
      .sort()
  }
}
