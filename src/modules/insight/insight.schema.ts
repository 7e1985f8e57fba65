import { Type, type Static, type TSchema } from 'typebox'

const Localized = Type.Object({ zh: Type.String(), en: Type.String() })
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Name = Type.String({ minLength: 1, maxLength: 200 })
const Code = Type.String({ minLength: 1, maxLength: 64 })
const DateTime = Type.String({ format: 'date-time' })

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })

/** The upload's description: the body is the file itself (XES, XES.gz, CSV, CSV.gz). */
export const LogUploadQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xes'), Type.Literal('csv')])),
  departmentCode: Type.Optional(Code),
  case: Type.Optional(Name),
  activity: Type.Optional(Name),
  timestamp: Type.Optional(Name),
  resource: Type.Optional(Name),
  department: Type.Optional(Name),
  lifecycle: Type.Optional(Name),
  delimiter: Type.Optional(Type.String({ minLength: 1, maxLength: 1 })),
})
export type LogUploadQuery = Static<typeof LogUploadQuery>

export const LogView = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  fileName: Type.String(),
  hash: Type.String(),
  size: Type.Integer(),
  format: Type.Union([Type.Literal('xes'), Type.Literal('csv')]),
  mapping: Nullable(Type.Record(Type.String(), Type.String())),
  createdAt: Type.String(),
})

const VariantFilter = Type.Object(
  {
    kind: Type.Literal('variant'),
    ranks: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 1000 })),
    top: Type.Optional(Type.Integer({ minimum: 1 })),
    coverage: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
)
const TimeWindowFilter = Type.Object(
  {
    kind: Type.Literal('time-window'),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
    mode: Type.Union([
      Type.Literal('contained'),
      Type.Literal('intersecting'),
      Type.Literal('started'),
      Type.Literal('completed'),
      Type.Literal('events'),
    ]),
  },
  { additionalProperties: false },
)
const ActivityFrequencyFilter = Type.Object(
  {
    kind: Type.Literal('activity-frequency'),
    minEvents: Type.Optional(Type.Integer({ minimum: 0 })),
    minShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  },
  { additionalProperties: false },
)
const PathFrequencyFilter = Type.Object(
  { kind: Type.Literal('path-frequency'), minCount: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
)
const AttributeFilter = Type.Object(
  {
    kind: Type.Literal('attribute'),
    key: Name,
    values: Type.Array(Name, { minItems: 1, maxItems: 1000 }),
    mode: Type.Union([Type.Literal('cases'), Type.Literal('events')]),
  },
  { additionalProperties: false },
)
/** src/modules/insight/discovery/filters.ts, applied in order (department = attribute org:group). */
const Filter = Type.Union([
  VariantFilter,
  TimeWindowFilter,
  ActivityFrequencyFilter,
  PathFrequencyFilter,
  AttributeFilter,
])

const UploadSource = Type.Object(
  { kind: Type.Literal('upload'), logId: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
)
const ApprovalSource = Type.Object(
  {
    kind: Type.Literal('approval'),
    items: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 100 })),
    bundles: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 100 })),
    /** Departments by code; left out: the analysis's own department. */
    departments: Type.Optional(Type.Array(Code, { minItems: 1, maxItems: 100 })),
    from: Type.Optional(DateTime),
    to: Type.Optional(DateTime),
  },
  { additionalProperties: false },
)

const Conformance = Type.Union([
  Type.Object({ item: Code }, { additionalProperties: false }),
  Type.Object(
    { bpmn: Type.String({ minLength: 1, maxLength: 2_000_000 }) },
    {
      additionalProperties: false,
    },
  ),
])

export const AnalysisBody = Type.Object(
  {
    departmentCode: Type.Optional(Code),
    source: Type.Union([UploadSource, ApprovalSource]),
    options: Type.Object(
      {
        dfg: Type.Optional(Type.Boolean()),
        /** How many variants to list. */
        variants: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
        performance: Type.Optional(Type.Boolean()),
        rework: Type.Optional(Type.Boolean()),
        correctionActivities: Type.Optional(Type.Array(Name, { maxItems: 50 })),
        /** Inductive Miner – infrequent → BPMN (noise threshold 0…1, default 0.2). */
        discover: Type.Optional(
          Type.Object(
            { noiseThreshold: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })) },
            { additionalProperties: false },
          ),
        ),
        /** Token replay against an item's deployed process or an uploaded BPMN model. */
        conformance: Type.Optional(Conformance),
        sla: Type.Optional(
          Type.Object(
            {
              workingDays: Type.Optional(Type.Number({ minimum: 0 })),
              calendarHours: Type.Optional(Type.Number({ minimum: 0 })),
            },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    filters: Type.Optional(Type.Array(Filter, { maxItems: 20 })),
  },
  { additionalProperties: false },
)
export type AnalysisBody = Static<typeof AnalysisBody>
export type AnalysisFilter = Static<typeof Filter>

export const AnalysisListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
})

const Status = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
])

export const Progress = Type.Object({
  step: Type.String(),
  bytesRead: Type.Optional(Type.Number()),
  totalBytes: Type.Optional(Type.Number()),
  events: Type.Optional(Type.Number()),
})

export const AnalysisSummary = Type.Object({
  id: Type.String(),
  departmentId: Type.String(),
  source: Type.Union([Type.Literal('upload'), Type.Literal('approval')]),
  logId: Nullable(Type.String()),
  status: Status,
  progress: Nullable(Progress),
  error: Nullable(Type.Object({ code: Type.String(), message: Localized })),
  createdAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
})

const Issue = Type.Object({
  code: Type.String(),
  case: Type.Optional(Type.String()),
  event: Type.Optional(Type.Integer()),
  line: Type.Optional(Type.Integer()),
  value: Type.Optional(Type.String()),
  message: Localized,
})

/** The parts of the report: shapes of src/modules/insight/analysis.ts (AnalysisReport). */
export const AnalysisResult = Type.Object({
  counts: Type.Object({
    cases: Type.Integer(),
    events: Type.Integer(),
    activities: Type.Integer(),
    variants: Type.Integer(),
  }),
  dfg: Type.Optional(Type.Unknown()),
  variants: Type.Optional(
    Type.Array(
      Type.Object({
        activities: Type.Array(Type.String()),
        count: Type.Integer(),
        share: Type.Number(),
        caseIds: Type.Optional(Type.Array(Type.String())),
      }),
    ),
  ),
  performance: Type.Optional(Type.Unknown()),
  sla: Type.Optional(Type.Unknown()),
  rework: Type.Optional(Type.Unknown()),
  conformance: Type.Optional(Type.Unknown()),
  discovered: Type.Optional(
    Type.Object({
      tree: Type.String(),
      activities: Type.Integer(),
      /** With a model to replay against: activities and task-to-task relations only one side has. */
      comparison: Type.Optional(Type.Unknown()),
    }),
  ),
})

export const AnalysisView = Type.Object({
  ...AnalysisSummary.properties,
  request: Type.Unknown(),
  result: Nullable(AnalysisResult),
  issues: Nullable(
    Type.Object({
      issues: Type.Array(Issue),
      counts: Type.Record(Type.String(), Type.Integer()),
      total: Type.Integer(),
    }),
  ),
})

export const HistoryQuery = Type.Object({
  format: Type.Optional(Type.Union([Type.Literal('xes'), Type.Literal('csv')])),
  item: Type.Optional(Code),
  bundle: Type.Optional(Code),
  departmentCode: Type.Optional(Code),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
})
export type HistoryQuery = Static<typeof HistoryQuery>
