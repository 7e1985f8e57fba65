import { Type } from 'typebox'

const Localized = Type.Object({ zh: Type.String(), en: Type.String() })
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) })

export const SubmitBody = Type.Object({
  kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')], {
    description: 'item = 单个事项 (implementation code); bundle = 一件事 (bundle code)',
  }),
  code: Type.String({ minLength: 1, maxLength: 80 }),
  form: Type.Record(Type.String(), Type.Unknown()),
  enterpriseId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  onBehalfOf: Type.Optional(
    Type.Object(
      {
        idNumber: Type.String({ minLength: 15, maxLength: 18 }),
        consent: Type.Object({
          method: Type.Union([
            Type.Literal('signature'),
            Type.Literal('id_card_reader'),
            Type.Literal('face_verification'),
          ]),
          reference: Type.String({
            minLength: 1,
            maxLength: 200,
            description: 'e.g. the signed consent form number',
          }),
        }),
      },
      { description: '窗口代办: counter staff (counter-channel session) apply for this citizen' },
    ),
  ),
})

export const ApplicationSummary = Type.Object({
  id: Type.String(),
  caseNumber: Type.String(),
  kind: Type.String(),
  code: Type.String(),
  name: Localized,
  status: Type.String(),
  enterpriseId: Type.Union([Type.String(), Type.Null()]),
  channel: Type.String(),
  submittedAt: Type.String(),
})

// Flat objects, not Type.Intersect: fast-json-stringify serialises an intersection several
// times slower (it was most of the status read's time).
export const ApplicationView = Type.Object({
  ...ApplicationSummary.properties,
  cases: Type.Array(
    Type.Object({
      id: Type.String(),
      caseNumber: Type.String(),
      implementationCode: Type.String(),
      name: Localized,
      departmentId: Type.String(),
      status: Type.String(),
      promisedDays: Type.Integer(),
      statutoryDays: Type.Integer(),
      finishedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
})

export const TimelineEntry = Type.Object({
  seq: Type.Integer(),
  at: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  departmentId: Type.String(),
  type: Type.String(),
  label: Localized,
  actorKind: Type.String(),
  taskId: Type.Union([Type.String(), Type.Null()]),
  nodeId: Type.Union([Type.String(), Type.Null()]),
  detail: Type.Record(Type.String(), Type.Unknown()),
})

export const CorrectionNotice = Type.Object({
  applicationId: Type.String(),
  caseNumber: Type.String(),
  fields: Type.Array(
    Type.Object({
      pointer: Type.String(),
      reasons: Type.Array(
        Type.Object({ caseId: Type.String(), departmentId: Type.String(), reason: Type.String() }),
      ),
    }),
  ),
  notes: Type.Array(
    Type.Object({ caseId: Type.String(), departmentId: Type.String(), note: Type.String() }),
  ),
})

export const StepResult = Type.Object({
  caseId: Type.String(),
  taskId: Type.String(),
  status: Type.String(),
})

export const TaskView = Type.Object({
  id: Type.String(),
  case_id: Type.String(),
  application_id: Type.String(),
  department_id: Type.String(),
  node_id: Type.String(),
  name_zh: Type.String(),
  role: Type.String(),
  assignee_id: Type.Union([Type.String(), Type.Null()]),
  state: Type.String(),
  opened_at: Type.String(),
})

export const DecisionBody = Type.Object({
  approved: Type.Boolean(),
  reason: Type.Optional(Type.String({ maxLength: 2000 })),
  variables: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
})

export const CorrectionBody = Type.Object({
  fields: Type.Array(
    Type.Object({
      pointer: Type.String({ pattern: '^(/[^/]*)+$', maxLength: 300 }),
      reason: Type.String({ minLength: 1, maxLength: 500 }),
    }),
    { minItems: 1, maxItems: 50 },
  ),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
})

export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }) })

export const LicenceView = Type.Object({
  identifier: Type.String(),
  name: Type.String(),
  number: Type.String(),
  holder: Type.Object({ name: Type.String(), code: Type.String(), kind: Type.String() }),
  issuer: Type.Object({ name: Type.String(), code: Type.String() }),
  issuedOn: Type.String(),
  validFrom: Type.String(),
  validUntil: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  signatureValid: Type.Boolean(),
  digest: Type.String(),
  qrPayload: Type.String(),
})

export const LicenceVerification = Type.Object({
  ...LicenceView.properties,
  qrMatches: Type.Union([Type.Boolean(), Type.Null()]),
})

export const CaseClock = Type.Object({
  caseId: Type.String(),
  caseNumber: Type.String(),
  clock: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description:
      'ClockView: deadlines (promised, statutory, licence), state green/amber/red/unknown',
  }),
  refusal: Type.Union([Type.String(), Type.Null()]),
})

export const WorkOrderView = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  departmentId: Type.String(),
  status: Type.String(),
  response: Type.Union([Type.String(), Type.Null()]),
  rectification: Type.Union([Type.String(), Type.Null()]),
  appeal: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  fixScore: Type.Union([Type.Integer(), Type.Null()]),
  openedAt: Type.String(),
  clock: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], {
    description: 'respond / rectify / close deadlines in working days and their state',
  }),
})

export const RatingStatistics = Type.Object({
  departmentId: Type.String(),
  implementationCode: Type.String(),
  ratings: Type.Integer(),
  average: Type.Number(),
  bad: Type.Integer(),
  defaulted: Type.Integer(),
  satisfaction: Type.Union([Type.Number(), Type.Null()]),
})
