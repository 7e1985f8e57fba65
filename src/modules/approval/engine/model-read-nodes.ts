import type { ModdleElement } from 'bpmn-moddle'
import type { FieldError } from '../../../platform/errors.js'
import { modelError, problem, unsupported } from './model-messages.js'
import type { TimerAction } from './engine-events.js'
import type { NodeFields } from './model-read.js'
import type { MultiInstanceSpec } from './process-model.js'

/** The fields every node has before its flows are linked. */
export type Base = { id: string; name: string | null; defaultFlowId: string | null }

const ON_TIMEOUT = new Set(['remind', 'escalate', 'auto_approve', 'auto_reject'])
const ISO_DURATION = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/

/** An extension attribute (camunda:, tongban:, whatever the prefix) by its local name. */
export function attr(element: ModdleElement, local: string): string | null {
  for (const [key, value] of Object.entries(element.$attrs ?? {})) {
    if (key.startsWith('xmlns') || key.startsWith('xsi:')) continue
    if (key === local || key.endsWith(`:${local}`)) return value
  }
  return null
}

export function refId(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  return typeof value.id === 'string' ? value.id : null
}

/** Text content of a generic (unknown-namespace) element or the body of an expression. */
export function textOf(element: ModdleElement | undefined): string {
  const text = element?.$body ?? element?.body
  return typeof text === 'string' ? text.trim() : ''
}

/** A FEEL attribute; a leading '=' (Camunda 8 style) is dropped; blank = absent. */
function feelAttr(element: ModdleElement, local: string): string | null {
  const raw = attr(element, local)?.trim().replace(/^=\s*/, '') ?? ''
  return raw === '' ? null : raw
}

export function readUserTask(
  e: ModdleElement,
  base: Base,
  errors: FieldError[],
): NodeFields | null {
  const loop = e.loopCharacteristics as ModdleElement | undefined
  const multiInstance = loop === undefined ? null : readMultiInstance(loop, base.id, errors)
  if (multiInstance === undefined) return null
  const role = attr(e, 'candidateGroups')?.trim() ?? ''
  return {
    ...base,
    kind: 'userTask',
    role: role === '' ? null : role,
    assignee: feelAttr(e, 'assignee'),
    visibleFields: pointerList(e, 'visibleFields', base.id, errors),
    editableFields: pointerList(e, 'editableFields', base.id, errors) ?? [],
    multiInstance,
    timers: [],
  }
}

function pointerList(e: ModdleElement, local: string, id: string, errors: FieldError[]) {
  const raw = attr(e, local)
  if (raw === null) return null
  const pointers = raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
  const bad = pointers.find((p) => !p.startsWith('/'))
  if (bad !== undefined) {
    const zh = `${local} 中的“${bad}”不是 JSON 指针（须以 / 开头）`
    errors.push(problem(id, 'field_pointer', zh, `"${bad}" in ${local} is not a JSON pointer`))
  }
  return pointers
}

/** undefined = not supported (an error was recorded). */
function readMultiInstance(
  loop: ModdleElement,
  id: string,
  errors: FieldError[],
): MultiInstanceSpec | undefined {
  if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
    errors.push(unsupported(id, loop.$type))
    return undefined
  }
  const collection = feelAttr(loop, 'collection')
  if (collection === null) {
    errors.push(modelError(id, 'collection_missing'))
    return undefined
  }
  const condition = textOf(loop.completionCondition as ModdleElement | undefined)
  return {
    sequential: loop.isSequential === true,
    collection,
    completionCondition: condition === '' ? null : condition,
  }
}

export function readBoundary(
  e: ModdleElement,
  base: Base,
  errors: FieldError[],
): NodeFields | null {
  const events = (e.eventDefinitions as ModdleElement[] | undefined) ?? []
  const timer = events[0]
  if (events.length !== 1 || timer?.$type !== 'bpmn:TimerEventDefinition') {
    errors.push(unsupported(base.id, `boundary ${timer?.$type ?? 'event'}`))
    return null
  }
  const duration = textOf(timer.timeDuration as ModdleElement | undefined)
  if (!ISO_DURATION.test(duration)) {
    errors.push(modelError(base.id, 'timer_duration'))
    return null
  }
  const action = timerAction(e, base.id, errors)
  if (action === null) return null
  const attachedTo = refId(e.attachedToRef) ?? ''
  return { ...base, kind: 'boundaryEvent', attachedTo, duration, action }
}

function timerAction(e: ModdleElement, id: string, errors: FieldError[]): TimerAction | null {
  const onTimeout = attr(e, 'onTimeout')
  if (onTimeout === null) return e.cancelActivity === false ? 'branch' : 'interrupt'
  if (ON_TIMEOUT.has(onTimeout)) return onTimeout as TimerAction
  const zh = `tongban:onTimeout 的值“${onTimeout}”无效（remind、escalate、auto_approve、auto_reject）`
  const en = `Invalid tongban:onTimeout "${onTimeout}" (remind, escalate, auto_approve, auto_reject)`
  errors.push(problem(id, 'timer_action', zh, en))
  return null
}
