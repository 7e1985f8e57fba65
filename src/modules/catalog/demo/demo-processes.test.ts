import { describe, expect, it } from 'vitest'
import { BPMN_NS } from './bpmn-builder.js'
import { DEMO_ITEMS, DEMO_LICENCE_TYPES } from './demo-items.js'
import { DEMO_PROCESSES } from './demo-processes.js'
import { FOOD_BUSINESS_LICENCE } from './item-food-business-licence.js'

/** The parts of bpmn-moddle's element model the tests read. */
interface ModdleElement {
  $type: string
  id?: string
  name?: string
  $attrs?: Record<string, string>
  sourceRef?: ModdleElement
  targetRef?: ModdleElement
  default?: ModdleElement
  conditionExpression?: { body?: string; language?: string }
  extensionElements?: { values?: ModdleElement[] }
  $body?: string
  $children?: ModdleElement[]
  loopCharacteristics?: ModdleElement & { isSequential?: boolean; completionCondition?: unknown }
  rootElements?: ModdleElement[]
  flowElements?: ModdleElement[]
  diagrams?: { plane?: { planeElement?: { bpmnElement?: ModdleElement }[] } }[]
}

interface ParseResult {
  rootElement: ModdleElement
  warnings: unknown[]
}

interface Moddle {
  fromXML(xml: string): Promise<ParseResult>
}

/** bpmn-moddle ships no typings for its entry point; load it untyped and describe what we use. */
async function createModdle(): Promise<Moddle> {
  const specifier: string = 'bpmn-moddle'
  const module = (await import(specifier)) as { BpmnModdle: new () => Moddle }
  return new module.BpmnModdle()
}

const moddle = await createModdle()
const DEPARTMENT_ROLES = [
  'dept_staff',
  'dept_approver',
  'catalog_editor',
  'catalog_publisher',
  'dept_admin',
]
const entries = DEMO_ITEMS.map((item) => [item.name.zh, item] as const)

function xmlOf(code: string): string {
  const xml = DEMO_PROCESSES[code]
  if (xml === undefined) throw new Error(`no process for ${code}`)
  return xml
}

async function parse(code: string): Promise<{ process: ModdleElement; result: ParseResult }> {
  const result = await moddle.fromXML(xmlOf(code))
  const processes = (result.rootElement.rootElements ?? []).filter(
    (e) => e.$type === 'bpmn:Process',
  )
  expect(processes).toHaveLength(1)
  const [process] = processes
  if (!process) throw new Error('no process')
  return { process, result }
}

/**
 * The licenceType input parameter of a service task. Without the camunda descriptor, moddle keeps
 * `camunda:inputOutput` as a generic element with `$children`, each with its `$body` text.
 */
function licenceTypeOf(task: ModdleElement): string | undefined {
  const parameters = (task.extensionElements?.values ?? [])
    .filter((e) => e.$type === 'camunda:inputOutput')
    .flatMap((e) => e.$children ?? [])
  return parameters.find((p) => p.$type === 'camunda:inputParameter' && p.name === 'licenceType')
    ?.$body
}

describe('DEMO_PROCESSES', () => {
  it('has exactly one process per demo item', () => {
    expect(Object.keys(DEMO_PROCESSES).sort()).toEqual(
      DEMO_ITEMS.map((i) => i.implementationCode).sort(),
    )
  })

  it.each(entries)('%s parses as BPMN 2.0 without warnings', async (_, item) => {
    const xml = xmlOf(item.implementationCode)
    expect(xml).toContain(`xmlns:bpmn="${BPMN_NS}"`)
    const { result, process } = await parse(item.implementationCode)
    expect(result.warnings).toEqual([])
    expect(result.rootElement.$type).toBe('bpmn:Definitions')
    expect(process.id).toMatch(/^Process_[a-z_]+$/)
  })

  it.each(entries)('%s is a well-formed, connected flow', async (_, item) => {
    const { process } = await parse(item.implementationCode)
    const elements = process.flowElements ?? []
    const flows = elements.filter((e) => e.$type === 'bpmn:SequenceFlow')
    const nodes = elements.filter((e) => e.$type !== 'bpmn:SequenceFlow')
    const ids = new Set(nodes.map((n) => n.id))
    expect(nodes.filter((n) => n.$type === 'bpmn:StartEvent')).toHaveLength(1)
    expect(nodes.filter((n) => n.$type === 'bpmn:EndEvent').length).toBeGreaterThanOrEqual(1)
    for (const flow of flows) {
      expect(ids.has(flow.sourceRef?.id), `${flow.id} source`).toBe(true)
      expect(ids.has(flow.targetRef?.id), `${flow.id} target`).toBe(true)
    }
    // Every node is reachable from the start event and reaches an end event.
    const next = (id: string): string[] =>
      flows.filter((f) => f.sourceRef?.id === id).map((f) => f.targetRef?.id ?? '')
    const previous = (id: string): string[] =>
      flows.filter((f) => f.targetRef?.id === id).map((f) => f.sourceRef?.id ?? '')
    const closure = (seeds: string[], step: (id: string) => string[]): Set<string> => {
      const seen = new Set(seeds)
      const queue = [...seeds]
      for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
        for (const n of step(id).filter((candidate) => !seen.has(candidate))) {
          seen.add(n)
          queue.push(n)
        }
      }
      return seen
    }
    const start = nodes.find((n) => n.$type === 'bpmn:StartEvent')?.id ?? ''
    const ends = nodes.filter((n) => n.$type === 'bpmn:EndEvent').map((n) => n.id ?? '')
    expect(closure([start], next).size).toBe(nodes.length)
    expect(closure(ends, previous).size).toBe(nodes.length)
    // The decision gateway has an approved flow with a FEEL condition and a default flow.
    const gateways = nodes.filter((n) => n.$type === 'bpmn:ExclusiveGateway')
    expect(gateways).toHaveLength(1)
    const conditional = flows.filter((f) => f.conditionExpression)
    expect(conditional.map((f) => f.conditionExpression?.body)).toEqual(['approved = true'])
    expect(gateways[0]?.default?.id).toBeDefined()
  })

  it.each(entries)('%s assigns every user task to a department role', async (_, item) => {
    const { process } = await parse(item.implementationCode)
    const tasks = (process.flowElements ?? []).filter((e) => e.$type === 'bpmn:UserTask')
    expect(tasks.map((t) => t.id)).toEqual(expect.arrayContaining(['accept', 'decide']))
    for (const task of tasks) {
      expect(DEPARTMENT_ROLES).toContain(task.$attrs?.['camunda:candidateGroups'])
    }
  })

  it.each(entries)('%s issues licences through a service task', async (_, item) => {
    const { process } = await parse(item.implementationCode)
    const services = (process.flowElements ?? []).filter((e) => e.$type === 'bpmn:ServiceTask')
    expect(services).toHaveLength(1)
    const [service] = services
    if (!service) return
    expect(service.$attrs?.['camunda:type']).toBe('external')
    const licenceType = licenceTypeOf(service)
    if (service.$attrs?.['camunda:topic'] === 'issue-licence') {
      expect(licenceType && licenceType in DEMO_LICENCE_TYPES, String(licenceType)).toBe(true)
    } else {
      expect(licenceType).toBeUndefined()
    }
  })

  it.each(entries)('%s runs inspections in parallel with the material review', async (_, item) => {
    const { process } = await parse(item.implementationCode)
    const elements = process.flowElements ?? []
    const inspects = item.specialProcedures.some((p) => p.kind === 'inspection')
    expect(elements.some((e) => e.id === 'inspection')).toBe(inspects)
    expect(elements.filter((e) => e.$type === 'bpmn:ParallelGateway')).toHaveLength(
      inspects ? 2 : 0,
    )
  })

  it('食品经营许可 runs 现场核查 as a 会签 of the inspectors 受理 names', async () => {
    const { process } = await parse(FOOD_BUSINESS_LICENCE.implementationCode)
    const byId = (id: string) => (process.flowElements ?? []).find((e) => e.id === id)
    const loop = byId('inspection')?.loopCharacteristics
    expect(loop?.$type).toBe('bpmn:MultiInstanceLoopCharacteristics')
    expect(loop?.$attrs?.['camunda:collection']).toBe('inspectors')
    expect(loop?.isSequential).toBe(false)
    expect(loop?.completionCondition).toBeUndefined()
    expect(byId('accept')?.$attrs?.['tongban:editableFields']).toBe('/inspectors')
  })

  it.each(entries)('%s has a diagram shape or edge for every element', async (_, item) => {
    const { process, result } = await parse(item.implementationCode)
    const planeElements = result.rootElement.diagrams?.[0]?.plane?.planeElement ?? []
    const drawn = new Set(planeElements.map((p) => p.bpmnElement?.id))
    for (const element of process.flowElements ?? [])
      expect(drawn.has(element.id), element.id).toBe(true)
  })
})

describe('issued licence types', () => {
  it('are produced by some process for every licence an item accepts, except citizen documents', () => {
    const issued = new Set(
      Object.values(DEMO_PROCESSES).flatMap((xml) =>
        [...xml.matchAll(/name="licenceType">([a-z_]+)</g)].map((m) => m[1]),
      ),
    )
    expect([...issued].sort()).toEqual([
      'business_licence',
      'food_business_licence',
      'property_certificate',
      'public_place_hygiene_licence',
      'tax_payment_certificate',
    ])
  })
})
