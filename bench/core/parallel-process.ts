/** The one process both engines run: start → parallel split → N user tasks → parallel join → end. */

/** One user task per department of 企业开办; a process has at most five branches. */
const BRANCHES = [
  ['market', '企业设立登记'],
  ['public_security', '公章刻制备案'],
  ['tax', '新办纳税人'],
  ['hrss', '单位参保登记'],
  ['housing_fund', '公积金缴存登记'],
] as const

/**
 * BPMN 2.0 XML with Camunda conventions (`camunda:candidateGroups="dept_staff"` on every user
 * task). All branches belong to the one department of the item that publishes it; the names
 * only say which department each would be in the real bundle.
 */
export function parallelProcessXml(branches: number): string {
  if (branches < 1 || branches > BRANCHES.length)
    throw new Error(`1 to 5 branches, not ${branches}`)
  const chosen = BRANCHES.slice(0, branches)
  const tasks = chosen
    .map(
      ([id, name]) =>
        `<bpmn:userTask id="task_${id}" name="${name}" camunda:candidateGroups="dept_staff" />`,
    )
    .join('\n    ')
  const flows = chosen
    .map(
      ([id]) =>
        `<bpmn:sequenceFlow id="flow_split_${id}" sourceRef="split" targetRef="task_${id}" />\n    ` +
        `<bpmn:sequenceFlow id="flow_${id}_join" sourceRef="task_${id}" targetRef="join" />`,
    )
    .join('\n    ')
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_bench_parallel_${branches}" targetNamespace="http://tongban.example/bench">
  <bpmn:process id="Process_bench_parallel_${branches}" name="${branches} 部门并联审批" isExecutable="true">
    <bpmn:startEvent id="start" name="申请提交" />
    <bpmn:parallelGateway id="split" />
    ${tasks}
    <bpmn:parallelGateway id="join" />
    <bpmn:endEvent id="end" name="办结" />
    <bpmn:sequenceFlow id="flow_start_split" sourceRef="start" targetRef="split" />
    ${flows}
    <bpmn:sequenceFlow id="flow_join_end" sourceRef="join" targetRef="end" />
  </bpmn:process>
</bpmn:definitions>
`
}
