import { Type, type TSchema } from 'typebox'

const Localized = Type.Object({ zh: Type.String(), en: Type.String() })
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()])
const Score = Nullable(Type.Number())
const Summary = Type.Object({
  score: Score,
  rules: Type.Integer(),
  checks: Type.Integer(),
  failed: Type.Integer(),
})

export const DatasetCode = Type.String({ pattern: '^[a-z0-9][a-z0-9_.-]{1,63}$' })
export const CodeParams = Type.Object({ code: DatasetCode })
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) })
export const ClusterParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  clusterId: Type.String({ minLength: 1, maxLength: 64 }),
})

/** An element key or a column of the dataset's files. */
const ColumnName = Type.String({ minLength: 1, maxLength: 200 })

export const DatasetBody = Type.Object(
  {
    code: DatasetCode,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    standard: Type.String({ minLength: 1, maxLength: 64 }),
    departmentCode: Type.String({ minLength: 1, maxLength: 64 }),
    sourceSystem: Type.String({ minLength: 1, maxLength: 200 }),
    columns: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ minLength: 1, maxLength: 200 }), {
        maxProperties: 200,
      }),
    ),
    outliers: Type.Optional(
      Type.Object(
        {
          fields: Type.Array(ColumnName, { minItems: 1, maxItems: 20, uniqueItems: true }),
          groupBy: Type.Optional(Type.Array(ColumnName, { maxItems: 3, uniqueItems: true })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
)
const OutlierConfigView = Type.Object({
  fields: Type.Array(Type.String()),
  groupBy: Type.Array(Type.String()),
})
export const DatasetView = Type.Object({
  code: Type.String(),
  name: Type.String(),
  standard: Type.String(),
  departmentCode: Type.String(),
  sourceSystem: Type.String(),
  columns: Type.Record(Type.String(), Type.String()),
  /** Numeric columns judged for outliers in each check, by group; null: none. */
  outliers: Nullable(OutlierConfigView),
  createdAt: Type.String(),
})

const FileView = Type.Object({
  name: Type.String(),
  hash: Type.String(),
  size: Type.Integer(),
  kind: Type.String(),
})
const RunError = Nullable(Type.Object({ code: Type.String(), message: Localized }))
const RunTimes = {
  requestedAt: Type.String(),
  startedAt: Nullable(Type.String()),
  finishedAt: Nullable(Type.String()),
}
export const CheckRunSummary = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  status: Type.String(),
  file: FileView,
  rows: Nullable(Type.Integer()),
  unreadableRows: Nullable(Type.Integer()),
  score: Score,
  standard: Type.Object({ code: Type.String(), version: Nullable(Type.String()) }),
  error: RunError,
  ...RunTimes,
})
const Sample = Type.Object({
  line: Type.Integer(),
  reason: Type.String(),
  message: Localized,
  values: Type.Record(Type.String(), Nullable(Type.String())),
  raw: Type.Optional(Type.String()),
})
const RuleView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Localized,
  dimension: Type.String(),
  element: Nullable(Type.String()),
  fields: Type.Array(Type.String()),
  score: Score,
  checks: Type.Integer(),
  passed: Type.Integer(),
  failed: Type.Integer(),
  skipped: Type.Integer(),
  reasons: Type.Record(Type.String(), Type.Integer()),
  note: Nullable(Localized),
  samples: Type.Array(Sample),
})
const OutlierExample = Type.Object({
  line: Type.Integer(),
  group: Nullable(Type.String()),
  value: Type.Number(),
  method: Type.String(),
  score: Nullable(Type.Number()),
  direction: Type.String(),
  reason: Localized,
})
const OutlierResult = Type.Object({
  field: Type.String(),
  groupBy: Type.Array(Type.String()),
  values: Type.Integer(),
  skipped: Type.Integer(),
  groups: Type.Integer(),
  assessedGroups: Type.Integer(),
  outliers: Type.Integer(),
  rate: Type.Number(),
  /** The most extreme outliers, at most 20. */
  sample: Type.Array(OutlierExample),
})
export const CheckRunView = Type.Intersect([
  CheckRunSummary,
  Type.Object({
    dimensions: Type.Record(Type.String(), Summary),
    elements: Type.Record(Type.String(), Summary),
    rules: Type.Array(RuleView),
    /** Per numeric field the dataset judges: its outliers by group (robust z-score and IQR). */
    outliers: Type.Array(OutlierResult),
  }),
])
export const TrendQuery = Type.Object({
  scope: Type.Optional(
    Type.Union([
      Type.Literal('dataset'),
      Type.Literal('dimension'),
      Type.Literal('element'),
      Type.Literal('rule'),
    ]),
  ),
  key: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
})
export const TrendView = Type.Object({
  dataset: Type.String(),
  scope: Type.String(),
  key: Type.String(),
  points: Type.Array(
    Type.Object({
      runId: Type.String(),
      at: Type.String(),
      score: Score,
      checks: Type.Integer(),
      failed: Type.Integer(),
    }),
  ),
})

export const AlertQuery = Type.Object({
  dataset: Type.Optional(DatasetCode),
  open: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
})
export const AlertView = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  runId: Nullable(Type.String()),
  kind: Type.String(),
  severity: Type.String(),
  message: Localized,
  detail: Type.Unknown(),
  raisedAt: Type.String(),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgeNote: Nullable(Type.String()),
})

export const DedupBody = Type.Object(
  { fileHash: Type.String({ pattern: '^[0-9a-f]{64}$' }) },
  { additionalProperties: false },
)
export const DedupRunView = Type.Object({
  id: Type.String(),
  dataset: Type.String(),
  status: Type.String(),
  preset: Type.String(),
  file: FileView,
  records: Nullable(Type.Integer()),
  pairsCompared: Nullable(Type.Integer()),
  possiblePairs: Nullable(Type.Integer()),
  clusters: Nullable(Type.Integer()),
  summary: Type.Unknown(),
  error: RunError,
  ...RunTimes,
})
const FieldLevel = Type.Object({ level: Type.String(), weight: Type.Number() })
export const ClusterView = Type.Object({
  id: Type.String(),
  size: Type.Integer(),
  confidence: Type.Number(),
  meanPosterior: Type.Number(),
  review: Type.String(),
  records: Type.Array(
    Type.Object({
      id: Type.String(),
      line: Nullable(Type.Integer()),
      fields: Type.Record(Type.String(), Nullable(Type.String())),
    }),
  ),
  evidence: Type.Array(
    Type.Object({
      field: Type.String(),
      level: Type.String(),
      weight: Type.Number(),
      pairs: Type.Integer(),
    }),
  ),
  pairs: Type.Array(
    Type.Object({
      a: Type.String(),
      b: Type.String(),
      weight: Type.Number(),
      posterior: Type.Number(),
      fields: Type.Record(Type.String(), FieldLevel),
    }),
  ),
})
export const PageQuery = Type.Object({
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
})
export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('confirm'), Type.Literal('split')]),
    groups: Type.Optional(
      Type.Array(
        Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 1000 }),
        { maxItems: 1000 },
      ),
    ),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
  },
  { additionalProperties: false },
)
export const DecisionView = Type.Object({
  decision: Type.Object({
    id: Type.String(),
    decision: Type.String(),
    groups: Type.Array(Type.Array(Type.String())),
    reason: Type.String(),
    decidedBy: Type.String(),
    decidedAt: Type.String(),
  }),
  clusters: Type.Array(ClusterView),
})
