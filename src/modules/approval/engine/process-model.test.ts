import { describe, expect, it } from 'vitest'
import { DEMO_PROCESSES } from '../../catalog/demo/index.js'
import {
  end,
  flow,
  gateway,
  processXml,
  serviceTask,
  start,
  timer,
  userTask,
} from './engine-test-support.js'
import { compileProcess } from './process-model.js'

async function errorsOf(xml: string): Promise<Array<{ pointer: string; code: string }>> {
  const result = await compileProcess(xml)
  if (result.ok) return []
  return result.errors.map(({ pointer, code }) => ({ pointer, code }))
}

describe('compileProcess', () => {
  it('compiles every demo process', async () => {
    expect(Object.keys(DEMO_PROCESSES).length).toBeGreaterThan(0)
    for (const [code, xml] of Object.entries(DEMO_PROCESSES)) {
      const result = await compileProcess(xml)
      expect(result.ok ? [] : result.errors, code).toEqual([])
    }
  })

  it('reads user tasks, multi-instance, service tasks, flows and timers', async () => {
    const xml = processXml(
      start(),
      userTask('sign', {
        role: 'dept_approver',
        assignee: '=applicant.officer',
        visible: '/name, /address',
        editable: '/address',
        mi: { collection: 'signers', condition: 'nrOfApprovals >= 1' },
      }),
      timer('late', 'sign', 'P3D', { onTimeout: 'remind' }),
      gateway('exclusive', 'ok', 'ok_no'),
      serviceTask('issue', 'issue-licence', { licenceType: 'business_licence' }),
      end('yes'),
      end('no'),
      flow('start', 'sign'),
      flow('sign', 'ok'),
      flow('ok', 'issue', 'approved = true'),
      flow('ok', 'no', undefined, 'ok_no'),
      flow('issue', 'yes'),
    )
    const result = await compileProcess(xml)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    const { model } = result
    expect(model.processId).toBe('Process_test')
    expect(model.startNodeId).toBe('start')
    expect(model.nodes.get('sign')).toMatchObject({
      kind: 'userTask',
      role: 'dept_approver',
      assignee: 'applicant.officer',
      visibleFields: ['/name', '/address'],
      editableFields: ['/address'],
      multiInstance: {
        sequential: false,
        collection: 'signers',
        completionCondition: 'nrOfApprovals >= 1',
      },
      timers: ['late'],
      incoming: ['start_sign'],
      outgoing: ['sign_ok'],
    })
    expect(model.nodes.get('late')).toMatchObject({
      attachedTo: 'sign',
      duration: 'P3D',
      action: 'remind',
    })
    expect(model.nodes.get('issue')).toMatchObject({
      topic: 'issue-licence',
      inputs: { licenceType: 'business_licence' },
    })
    expect(model.nodes.get('ok')?.defaultFlowId).toBe('ok_no')
    expect(model.flows.get('ok_issue')?.condition).toBe('approved = true')
    expect(Object.isFrozen(model.nodes.get('sign'))).toBe(true)
  })

  it('defaults a plain task to all fields visible and none editable', async () => {
    const result = await compileProcess(
      processXml(start(), userTask('a'), end(), flow('start', 'a'), flow('a', 'end')),
    )
    expect(result.ok && result.model.nodes.get('a')).toMatchObject({
      visibleFields: null,
      editableFields: [],
    })
  })

  it('names unsupported elements', async () => {
    const xml = processXml(
      start(),
      '<bpmn:scriptTask id="script"/>',
      end(),
      flow('start', 'script'),
      flow('script', 'end'),
    )
    const errors = await compileProcess(xml)
    expect(errors.ok).toBe(false)
    if (errors.ok) return
    const unsupported = errors.errors.find((e) => e.code === 'unsupported_element')
    expect(unsupported?.pointer).toBe('/processXml#script')
    expect(unsupported?.message.zh).toContain('bpmn:ScriptTask')
    expect(unsupported?.message.en).toContain('bpmn:ScriptTask')
  })

  it('reports dangling flows, missing outgoing flows and unreachable nodes', async () => {
    expect(
      await errorsOf(processXml(start(), end(), flow('start', 'end'), flow('start', 'ghost'))),
    ).toContainEqual({
      pointer: '/processXml#start_ghost',
      code: 'dangling_flow',
    })
    const noOut = processXml(
      start(),
      gateway('exclusive', 'g'),
      end(),
      flow('start', 'g'),
      flow('start', 'end'),
    )
    expect(await errorsOf(noOut)).toContainEqual({
      pointer: '/processXml#g',
      code: 'missing_outgoing',
    })
    const island = processXml(
      start(),
      userTask('lost'),
      end(),
      flow('start', 'end'),
      flow('lost', 'end'),
    )
    expect(await errorsOf(island)).toEqual([{ pointer: '/processXml#lost', code: 'unreachable' }])
  })

  it('refuses a loop that passes no task', async () => {
    const xml = processXml(
      start(),
      gateway('exclusive', 'g1'),
      gateway('exclusive', 'g2', 'g2_g1'),
      userTask('a'),
      end(),
      flow('start', 'g1'),
      flow('g1', 'g2'),
      flow('g2', 'a', 'x = 1'),
      flow('g2', 'g1', undefined, 'g2_g1'),
      flow('a', 'end'),
    )
    expect(await errorsOf(xml)).toEqual([{ pointer: '/processXml#g1', code: 'loop_without_task' }])
    const withTask = processXml(
      start(),
      gateway('exclusive', 'g', 'g_a'),
      userTask('a'),
      end(),
      flow('start', 'g'),
      flow('g', 'end', 'approved = true'),
      flow('g', 'a', undefined, 'g_a'),
      flow('a', 'g'),
    )
    expect(await errorsOf(withTask)).toEqual([])
  })

  it('requires exactly one start event and an end event', async () => {
    const codes = (
      await errorsOf(
        processXml(start('a'), start('b'), userTask('t'), flow('a', 't'), flow('b', 't')),
      )
    ).map((e) => e.code)
    expect(codes).toEqual(expect.arrayContaining(['start_event', 'end_event', 'missing_outgoing']))
  })

  it('reports FEEL syntax errors with their position', async () => {
    const xml = processXml(
      start(),
      gateway('exclusive', 'g', 'g_end'),
      end(),
      flow('start', 'g'),
      flow('g', 'end', 'approved = = true', 'g_bad'),
      flow('g', 'end', undefined, 'g_end'),
    )
    const result = await compileProcess(xml)
    if (result.ok) throw new Error('compiled')
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatchObject({ pointer: '/processXml#g_bad', code: 'feel_syntax' })
    expect(result.errors[0]?.message.en).toMatch(/line 1, column \d+/)
  })

  it('checks timers, service tasks, field pointers and default flows', async () => {
    const xml = processXml(
      start(),
      userTask('a', { visible: 'name', default: 'start_a' }),
      timer('t1', 'a', 'three days'),
      timer('t2', 'a', 'P3D', { onTimeout: 'shout' }),
      '<bpmn:serviceTask id="s"/>',
      end(),
      flow('start', 'a'),
      flow('a', 's'),
      flow('s', 'end'),
    )
    const codes = (await errorsOf(xml)).map((e) => e.code)
    expect(codes).toEqual(
      expect.arrayContaining([
        'field_pointer',
        'timer_duration',
        'timer_action',
        'service_task_config',
      ]),
    )
    const defaults = processXml(
      start(),
      userTask('a', { default: 'start_a' }),
      end(),
      flow('start', 'a'),
      flow('a', 'end'),
    )
    expect(await errorsOf(defaults)).toEqual([{ pointer: '/processXml#a', code: 'default_flow' }])
  })

  it('refuses conditions on parallel flows and notice timers with outgoing flows', async () => {
    const xml = processXml(
      start(),
      gateway('parallel', 'p'),
      userTask('a'),
      timer('remind', 'a', 'P1D', { onTimeout: 'remind' }),
      end(),
      flow('start', 'p'),
      flow('p', 'a', 'x = 1'),
      flow('a', 'end'),
      flow('remind', 'end'),
    )
    const codes = (await errorsOf(xml)).map((e) => e.code)
    expect(codes).toEqual(expect.arrayContaining(['condition_ignored', 'boundary_outgoing']))
  })

  it('reports unparsable XML and a missing collection', async () => {
    expect((await errorsOf('<bpmn:definitions')).map((e) => e.code)).toEqual(['unparsable'])
    const mi = processXml(
      start(),
      '<bpmn:userTask id="m"><bpmn:multiInstanceLoopCharacteristics/></bpmn:userTask>',
      end(),
      flow('start', 'm'),
      flow('m', 'end'),
    )
    expect(await errorsOf(mi)).toContainEqual({
      pointer: '/processXml#m',
      code: 'collection_missing',
    })
  })

  it('allows returning only along paths that do not cut a parallel block', async () => {
    const xml = processXml(
      start(),
      userTask('accept'),
      gateway('parallel', 'split'),
      userTask('left'),
      userTask('left2'),
      userTask('right'),
      gateway('parallel', 'join'),
      userTask('decide'),
      end(),
      flow('start', 'accept'),
      flow('accept', 'split'),
      flow('split', 'left'),
      flow('left', 'left2'),
      flow('split', 'right'),
      flow('left2', 'join'),
      flow('right', 'join'),
      flow('join', 'decide'),
      flow('decide', 'end'),
    )
    const result = await compileProcess(xml)
    if (!result.ok) throw new Error('no model')
    const targets = (id: string) => [...(result.model.returnTargets.get(id) ?? [])].sort()
    expect(targets('decide')).toEqual(['accept'])
    expect(targets('left2')).toEqual(['left'])
    expect(targets('left')).toEqual([])
    expect(targets('accept')).toEqual([])
  })
})
