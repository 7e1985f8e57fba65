import type { FieldError } from '../../../platform/errors.js'
import { readBpmn, type BpmnGraph, type BpmnNode } from './read-bpmn.js'

/** Task X is followed by task Y through gateways and events only; null = the start or the end. */
export interface Relation {
  readonly from: string | null
  readonly to: string | null
}

export interface ModelComparison {
  readonly activities: {
    readonly onlyDiscovered: readonly string[]
    readonly onlyDeployed: readonly string[]
    readonly common: readonly string[]
  }
  readonly relations: {
    readonly onlyDiscovered: readonly Relation[]
    readonly onlyDeployed: readonly Relation[]
    readonly common: readonly Relation[]
  }
}

export type ComparisonResult =
  { ok: true; comparison: ModelComparison } | { ok: false; errors: FieldError[] }

/**
 * Compares a discovered model with the deployed definition (the catalogue keeps one BPMN
 * document per item version): the activities (task names) only one of them has, and the
 * sequence-flow relations between tasks — following flows through gateways and events — only
 * one of them has. Problems are reported under /discovered#id or /deployed#id.
 */
export async function compareBpmnModels(
  discoveredXml: string,
  deployedXml: string,
): Promise<ComparisonResult> {
  const [discovered, deployed] = await Promise.all([readBpmn(discoveredXml), readBpmn(deployedXml)])
  const errors = [
    ...(discovered.ok ? [] : relabel(discovered.errors, '/discovered')),
    ...(deployed.ok ? [] : relabel(deployed.errors, '/deployed')),
  ]
  if (!discovered.ok || !deployed.ok) return { ok: false, errors }
  const a = { activities: activitiesOf(discovered.graph), relations: relationsOf(discovered.graph) }
  const b = { activities: activitiesOf(deployed.graph), relations: relationsOf(deployed.graph) }
  const [onlyA, onlyB, both] = split(a.relations, b.relations)
  const [onlyDiscovered, onlyDeployed, common] = split(a.activities, b.activities)
  const decode = (keys: string[]) => keys.map(relationOf)
  return {
    ok: true,
    comparison: {
      activities: { onlyDiscovered, onlyDeployed, common },
      relations: {
        onlyDiscovered: decode(onlyA),
        onlyDeployed: decode(onlyB),
        common: decode(both),
      },
    },
  }
}

function relabel(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ ...e, pointer: e.pointer.replace(/^\/model/, prefix) }))
}

function activitiesOf(graph: BpmnGraph): Set<string> {
  return new Set([...graph.nodes.values()].filter((n) => n.kind === 'task').map((n) => n.label))
}

const SEPARATOR = '\u0001'
const keyOf = (from: string | null, to: string | null) => `${from ?? ''}${SEPARATOR}${to ?? ''}`
function relationOf(key: string): Relation {
  const [from = '', to = ''] = key.split(SEPARATOR)
  return { from: from === '' ? null : from, to: to === '' ? null : to }
}

/** Relation keys: from each task (and the start) to the tasks (or the end) it leads to. */
function relationsOf(graph: BpmnGraph): Set<string> {
  const out = new Set<string>()
  const boundaries = [...graph.nodes.values()].filter((n) => n.kind === 'boundary')
  for (const node of graph.nodes.values()) {
    if (node.kind !== 'task' && node.kind !== 'start') continue
    const from = node.kind === 'task' ? node.label : null
    const exits = [node, ...boundaries.filter((b) => b.attachedTo === node.id)]
    for (const to of successors(graph, exits)) out.add(keyOf(from, to))
  }
  return out
}

function successors(graph: BpmnGraph, exits: readonly BpmnNode[]): Set<string | null> {
  const found = new Set<string | null>()
  const seen = new Set<string>()
  const queue = exits.flatMap((n) => n.outgoing)
  for (let flow = queue.pop(); flow !== undefined; flow = queue.pop()) {
    const target = graph.nodes.get(graph.flows.get(flow)!.target)!
    if (target.kind === 'task') found.add(target.label)
    else if (target.kind === 'end' || target.outgoing.length === 0) found.add(null)
    else if (!seen.has(target.id)) {
      seen.add(target.id)
      queue.push(...target.outgoing)
    }
  }
  return found
}

/** [only in a, only in b, in both], each sorted. */
function split(a: ReadonlySet<string>, b: ReadonlySet<string>): [string[], string[], string[]] {
  const sorted = (items: Iterable<string>) => [...items].sort()
  return [
    sorted([...a].filter((x) => !b.has(x))),
    sorted([...b].filter((x) => !a.has(x))),
    sorted([...a].filter((x) => b.has(x))),
  ]
}
