import { Type } from 'typebox'
import { TaskView } from './approval.schema.js'

const Localized = Type.Object({ zh: Type.String(), en: Type.String() })

/** A department queue row: the task with its item, channel and promised-limit clock. */
export const QueueEntry = Type.Object({
  ...TaskView.properties,
  case_number: Type.String(),
  item_code: Type.String(),
  item_name: Localized,
  channel: Type.String(),
  sla_state: Type.Union(
    [
      Type.Literal('green'),
      Type.Literal('amber'),
      Type.Literal('red'),
      Type.Literal('unknown'),
      Type.Literal('stopped'),
      Type.Literal('paused'),
    ],
    { description: 'promised limit: green < 80 % used ≤ amber ≤ deadline < red; paused = 补正' },
  ),
  days_left: Type.Union([Type.Integer(), Type.Null()], {
    description: 'working days left of the promised limit; negative when overdue',
  }),
  deadline: Type.Union([Type.String(), Type.Null()]),
  urged: Type.Integer(),
  extension_pending: Type.Boolean(),
})

/** A material attached to a task's case: an upload (with its file) or a licence used instead. */
export const TaskMaterial = Type.Object({
  id: Type.String(),
  code: Type.String(),
  materialId: Type.Union([Type.String(), Type.Null()]),
  licenceId: Type.Union([Type.String(), Type.Null()]),
  attachedAt: Type.String(),
  fileName: Type.Union([Type.String(), Type.Null()]),
  mediaType: Type.Union([Type.String(), Type.Null()]),
  size: Type.Union([Type.Integer(), Type.Null()]),
})
