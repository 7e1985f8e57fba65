import { Type } from 'typebox'

export const CreditCodeParams = Type.Object({
  creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
})
export const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 64 }) })
export const RevisionParams = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 64 }),
  revision: Type.Integer({ minimum: 1 }),
})
const Localized = Type.Object({ zh: Type.String(), en: Type.String() })
const Amount = Type.Union([Type.Object({ value: Type.String(), unit: Type.String() }), Type.Null()])
export const FactValue = Type.Union([
  Type.Number(),
  Type.String({ maxLength: 200 }),
  Type.Boolean(),
  Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  Type.Null(),
])
export const FactsBody = Type.Object(
  {
    facts: Type.Record(Type.String({ minLength: 1, maxLength: 64 }), FactValue, {
      maxProperties: 100,
    }),
    asOf: Type.Optional(Type.Union([Type.String({ maxLength: 10 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export const PolicySourceBody = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 200_000 }),
    files: Type.Optional(
      Type.Record(
        Type.String({ minLength: 1, maxLength: 120 }),
        Type.String({ maxLength: 500_000 }),
        {
          maxProperties: 20,
        },
      ),
    ),
  },
  { additionalProperties: false },
)
export const RevisionView = Type.Object({
  code: Type.String(),
  revision: Type.Integer(),
  state: Type.String(),
})
export const PolicySummary = Type.Object({
  code: Type.String(),
  revision: Type.Integer(),
  name: Localized,
  department: Type.String(),
  documentNumber: Type.String(),
  basis: Type.Array(Type.String()),
  effective: Type.Object({ from: Type.String(), to: Type.Union([Type.String(), Type.Null()]) }),
  exemptApplication: Type.Boolean(),
})
export const PolicyDetail = Type.Intersect([
  PolicySummary,
  Type.Object({
    facts: Type.Array(
      Type.Object({
        name: Type.String(),
        type: Type.String(),
        unit: Type.Optional(Type.String()),
        label: Localized,
      }),
    ),
    versions: Type.Array(
      Type.Object({
        validFrom: Type.String(),
        validTo: Type.Union([Type.String(), Type.Null()]),
        documentNumber: Type.Optional(Type.String()),
        conditions: Type.Array(
          Type.Object({ id: Type.String(), description: Localized, expression: Type.String() }),
        ),
      }),
    ),
  }),
])
export const ExplainedMatch = Type.Object({
  policy: Type.Object({
    code: Type.String(),
    revision: Type.Integer(),
    name: Localized,
    department: Type.String(),
    documentNumber: Type.String(),
    exemptApplication: Type.Boolean(),
  }),
  status: Type.Union([
    Type.Literal('eligible'),
    Type.Literal('possibly_eligible'),
    Type.Literal('not_eligible'),
  ]),
  need: Type.Array(Type.String()),
  amount: Amount,
  deadline: Type.Union([Type.String(), Type.Null()]),
  conditions: Type.Array(
    Type.Object({
      id: Type.String(),
      description: Localized,
      status: Type.String(),
      facts: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
})
export const MatchesView = Type.Object({
  creditCode: Type.String(),
  name: Type.String(),
  evaluatedAt: Type.Union([Type.String(), Type.Null()]),
  on: Type.Union([Type.String(), Type.Null()]),
  pending: Type.Boolean(),
  matches: Type.Array(ExplainedMatch),
})
export const GrantView = Type.Object({
  id: Type.String(),
  creditCode: Type.String(),
  policyCode: Type.String(),
  revision: Type.Integer(),
  amount: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
})
