import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_ITEMS } from '../../src/modules/catalog/demo/index.js'
import type { ItemContent } from '../../src/modules/catalog/index.js'
import { createTestApp, type TestApp } from '../support/app.js'
import { testDialects } from '../support/databases.js'
import { bearer, seedDemo, signInPerson, signInStaff } from '../support/demo.js'
import {
  approvalClient,
  expectOk,
  expectProblem,
  supplyMaterials,
  type ApplicationView,
} from './approval-support.js'

const BASE = DEMO_ITEMS.find((i) => i.departmentCode === 'market') as ItemContent
const CODE = '11330100MB1951086W-TIMER0001'
const NS =
  'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" ' +
  'xmlns:tongban="urn:tongban:bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
/** 审查 must be done within one working day, or it is approved automatically (承诺 “超时默认通过”). */
const PROCESS = `<bpmn:definitions ${NS} id="defs" targetNamespace="urn:test">
<bpmn:process id="Process_timer" isExecutable="true">
  <bpmn:startEvent id="start"/>
  <bpmn:userTask id="review" name="审查" camunda:candidateGroups="dept_staff"/>
  <bpmn:boundaryEvent id="review_due" attachedToRef="review" cancelActivity="false" tongban:onTimeout="auto_approve">
    <bpmn:timerEventDefinition><bpmn:timeDuration xsi:type="bpmn:tFormalExpression">P1D</bpmn:timeDuration></bpmn:timerEventDefinition>
  </bpmn:boundaryEvent>
  <bpmn:exclusiveGateway id="decision" default="to_rejected"/>
  <bpmn:endEvent id="approved_end"/>
  <bpmn:endEvent id="rejected_end"/>
  <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="decision"/>
  <bpmn:sequenceFlow id="to_approved" sourceRef="decision" targetRef="approved_end"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="feel">approved = true</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="to_rejected" sourceRef="decision" targetRef="rejected_end"/>
</bpmn:process></bpmn:definitions>`

describe.each(testDialects())('boundary timers (%s)', (dialect) => {
  let t: TestApp
  let now = new Date('2026-03-02T01:00:00Z') // Monday
  const api = () => approvalClient(t.app)

  beforeAll(async () => {
    t = await createTestApp({ dialect, clock: { now: () => new Date(now) } })
    await seedDemo(t.app)
    const editor = bearer(await signInStaff(t.app, 'market.li'))
    const publisher = bearer(await signInStaff(t.app, 'market.zhou'))
    const content: ItemContent = {
      ...structuredClone(BASE),
      implementationCode: CODE,
      name: { zh: '限时审查事项', en: 'Item reviewed within a day' },
      formSchema: { type: 'object', properties: { note: { type: 'string' } }, required: ['note'] },
    }
    const call = (
      method: 'POST' | 'PUT',
      url: string,
      headers: Record<string, string>,
      payload?: object,
    ) =>
      t.app.http.inject({
        method,
        url: `/api/v1/catalog${url}`,
        headers,
        ...(payload ? { payload } : {}),
      })
    const item = expectOk<{ id: string }>(await call('POST', '/items', editor, content), 201)
    expectOk(
      await call('PUT', `/items/${item.id}/versions/1/process`, editor, { processXml: PROCESS }),
    )
    expectOk(await call('POST', `/items/${item.id}/versions/1/publish`, publisher))
  })
  afterAll(() => t.dispose())

  it('refuses to attach a process the engine could not run, naming the element', async () => {
    const editor = bearer(await signInStaff(t.app, 'market.li'))
    const drafted = expectOk<{ id: string }>(
      await t.app.http.inject({
        method: 'POST',
        url: '/api/v1/catalog/items',
        headers: editor,
        payload: { ...structuredClone(BASE), implementationCode: `${CODE.slice(0, -4)}0002` },
      }),
      201,
    )
    // A condition on a flow leaving a parallel gateway: BPMN allows the XML, no engine can honour it.
    const conditional = PROCESS.replace(
      '<bpmn:exclusiveGateway id="decision" default="to_rejected"/>',
      '<bpmn:parallelGateway id="decision"/>',
    )
    const res = await t.app.http.inject({
      method: 'PUT',
      url: `/api/v1/catalog/items/${drafted.id}/versions/1/process`,
      headers: editor,
      payload: { processXml: conditional },
    })
    const body = expectProblem(res, res.statusCode, 'CATALOG_PROCESS_INVALID')
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(body.errors).toContainEqual(
      expect.objectContaining({ pointer: '/processXml#decision', code: 'condition_ignored' }),
    )
  })

  it('approves on timeout at the end of the next working day, and fires once', async () => {
    const applicant = (await signInPerson(t.app, 0)).accessToken
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'item', code: CODE, form: { note: '请尽快办理' } }),
      201,
    )
    await supplyMaterials(t.app, applicant, id)
    await t.app.runner.drain()
    now = new Date('2026-03-03T15:00:00Z') // Tuesday 23:00 in Shanghai: not yet due
    await t.app.runner.drain()
    const tuesday = (await signInPerson(t.app, 0)).accessToken // tokens live 15 minutes
    expect(expectOk<ApplicationView>(await api().get(tuesday, id)).status).toBe('in_progress')
    now = new Date('2026-03-03T16:30:00Z') // Wednesday 00:30 in Shanghai: the day is over
    await t.app.runner.drain()
    await t.app.runner.drain()
    const fresh = (await signInPerson(t.app, 0)).accessToken
    expect(expectOk<ApplicationView>(await api().get(fresh, id)).status).toBe('approved')
    const timeline = expectOk<Array<{ type: string }>>(
      await api().call('GET', `/applications/${id}/timeline`, fresh),
    )
    expect(timeline.filter((e) => e.type === 'timer_fired')).toHaveLength(1)
    expect(timeline.filter((e) => e.type === 'task_completed')).toHaveLength(1)
  })

  it('withholds the automatic approval while required materials are missing', async () => {
    now = new Date('2026-03-09T01:00:00Z') // Monday
    const applicant = (await signInPerson(t.app, 0)).accessToken
    const { id } = expectOk<{ id: string }>(
      await api().submit(applicant, { kind: 'item', code: CODE, form: { note: '材料稍后补交' } }),
      201,
    )
    now = new Date('2026-03-10T16:30:00Z') // Wednesday 00:30 in Shanghai: the timer is due
    await t.app.runner.drain()
    await t.app.runner.drain()
    const fresh = (await signInPerson(t.app, 0)).accessToken
    expect(expectOk<ApplicationView>(await api().get(fresh, id)).status).toBe('in_progress')
    const timeline = expectOk<Array<{ type: string; detail: { missing?: string[] } }>>(
      await api().call('GET', `/applications/${id}/timeline`, fresh),
    )
    expect(timeline.filter((e) => e.type === 'timer_fired')).toHaveLength(1)
    expect(timeline.filter((e) => e.type === 'task_completed')).toHaveLength(0)
    const withheld = timeline.find((e) => e.type === 'case.auto_approval_withheld')
    expect(withheld?.detail.missing).toEqual(
      BASE.materials.filter((m) => m.required).map((m) => m.code),
    )
    // The task waits for staff, who ask for the materials (补正).
    const clerk = await signInStaff(t.app, 'market.li')
    const task = (await api().queue(clerk)).find((x) => x.application_id === id)
    expect(task?.state).toBe('open')
    const pointer = `/materials/${withheld?.detail.missing?.[0] ?? ''}`
    expectOk(
      await api().call('POST', `/tasks/${task?.id ?? ''}/correction`, clerk, {
        fields: [{ pointer, reason: '请上传该材料' }],
      }),
    )
  })
})
