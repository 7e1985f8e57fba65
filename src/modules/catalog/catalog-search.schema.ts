import { Type, type Static } from 'typebox'
import { LocalizedText } from './catalog.schema.js'

export const SearchQuery = Type.Object({
  q: Type.Optional(
    Type.String({
      maxLength: 50,
      description: '名称、关键词或拼音（全拼或首字母，如 qykb） name, keyword or pinyin',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
})

export const SearchMaterial = Type.Object({
  name: LocalizedText,
  required: Type.Boolean(),
  copies: Type.Integer(),
  form: Type.Union([Type.Literal('electronic'), Type.Literal('paper'), Type.Literal('either')]),
  /** The government already issues it as an electronic licence: the applicant may reuse it. */
  reusableLicence: Type.Boolean(),
})

export const SearchHit = Type.Object({
  kind: Type.Union([Type.Literal('item'), Type.Literal('bundle')]),
  code: Type.String({ description: '实施编码（事项）或“一件事”编码' }),
  name: LocalizedText,
  department: Type.Object({ code: Type.String(), name: LocalizedText }),
  promisedLimitDays: Type.Integer({ description: '承诺办结时限（工作日）；一件事取成员最长' }),
  onSiteVisits: Type.Integer(),
  fee: Type.Object({
    free: Type.Boolean(),
    total: Type.String({ description: 'yuan, exact decimal' }),
  }),
  materials: Type.Array(SearchMaterial),
  memberCount: Type.Union([Type.Integer(), Type.Null()], { description: '一件事的成员事项数' }),
  match: Type.Union(
    [
      Type.Literal('name'),
      Type.Literal('pinyin'),
      Type.Literal('keyword'),
      Type.Literal('member'),
      Type.Literal('department'),
      Type.Null(),
    ],
    { description: 'what the query matched; null without a query' },
  ),
})
export type SearchHit = Static<typeof SearchHit>

export const SearchResult = Type.Object({
  total: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
  results: Type.Array(SearchHit),
})
