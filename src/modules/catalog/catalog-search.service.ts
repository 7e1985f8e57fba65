import type { BundleContent, ItemContent } from './catalog.schema.js'
import type { SearchHit } from './catalog-search.schema.js'
import { catalogDb, type CatalogDeps } from './catalog.deps.js'
import { catalogStore } from './catalog.store.js'
import { rankEntries, searchKeys, type SearchEntry } from './catalog-search.js'
import type { DepartmentRef } from './guide.js'

type Listing = Omit<SearchHit, 'match'>
type Material = Listing['materials'][number]

// Whether the catalogue changed is asked of the database at most once a second per instance.
const STAMP_TTL_MS = 1000
// Department names are copied into the index; a renamed department shows after this long.
const REBUILD_MS = 60_000

function cents(amount: string): number {
  return Math.round(Number(amount) * 100)
}
function yuan(total: number): string {
  return total % 100 === 0 ? String(total / 100) : (total / 100).toFixed(2)
}

function materialOf(m: ItemContent['materials'][number], required: boolean): Material {
  const reusableLicence = m.licenceType !== undefined
  return { name: m.name, required, copies: m.copies, form: m.form, reusableLicence }
}

function itemEntry(code: string, c: ItemContent, d: DepartmentRef): SearchEntry<Listing> {
  const feeCents = c.fees.reduce((sum, f) => sum + cents(f.amount), 0)
  return {
    value: {
      kind: 'item',
      code,
      name: c.name,
      department: { code: d.code, name: d.name },
      promisedLimitDays: c.promisedLimitDays,
      onSiteVisits: c.onSiteVisits,
      fee: { free: c.fees.length === 0, total: yuan(feeCents) },
      materials: c.materials.map((m) => materialOf(m, m.required)),
      memberCount: null,
    },
    order: `1:${code}`,
    names: [searchKeys(c.name.zh), searchKeys(c.name.en)],
    keywords: (c.keywords ?? []).map(searchKeys),
    members: [],
    departments: [searchKeys(d.name.zh), searchKeys(d.name.en)],
  }
}

/**
 * A bundle as a citizen weighs it: its members run in parallel, so it is promised in the longest
 * member's days; fees add up; a material is required when an unconditional member requires it.
 */
function bundleEntry(
  c: BundleContent,
  members: Array<{ content: ItemContent; conditional: boolean }>,
  d: DepartmentRef,
): SearchEntry<Listing> {
  const materials = new Map<string, Material>()
  for (const { content, conditional } of members) {
    for (const m of content.materials) {
      const known = materials.get(m.name.zh)
      const next = materialOf(m, m.required && !conditional)
      materials.set(
        m.name.zh,
        known
          ? {
              ...known,
              required: known.required || next.required,
              reusableLicence: known.reusableLicence || next.reusableLicence,
            }
          : next,
      )
    }
  }
  const fees = members.flatMap((m) => m.content.fees)
  const feeCents = fees.reduce((sum, f) => sum + cents(f.amount), 0)
  return {
    value: {
      kind: 'bundle',
      code: c.code,
      name: c.name,
      department: { code: d.code, name: d.name },
      promisedLimitDays: Math.max(0, ...members.map((m) => m.content.promisedLimitDays)),
      onSiteVisits: Math.max(0, ...members.map((m) => m.content.onSiteVisits)),
      fee: { free: fees.length === 0, total: yuan(feeCents) },
      materials: [...materials.values()],
      memberCount: c.members.length,
    },
    order: `0:${c.code}`,
    names: [searchKeys(c.name.zh), searchKeys(c.name.en)],
    keywords: (c.keywords ?? []).map(searchKeys),
    members: members.flatMap((m) => [searchKeys(m.content.name.zh), searchKeys(m.content.name.en)]),
    departments: [searchKeys(d.name.zh), searchKeys(d.name.en)],
  }
}

/**
 * One search over the published items and bundles (一件事) by name, keyword, pinyin or initials.
 * The catalogue of a city is a few thousand entries: their search keys are computed once into an
 * in-memory index, rebuilt when the catalogue's stamp (row count and last change of items and
 * bundles) moves — so a publish on another instance shows within a second — or after a minute.
 */
export function createCatalogSearchService(deps: CatalogDeps) {
  const db = catalogDb(deps)
  let index: { stamp: string; builtAt: number; entries: SearchEntry<Listing>[] } | null = null
  let checkedAt = -Infinity
  let pending: Promise<SearchEntry<Listing>[]> | null = null

  async function build(): Promise<SearchEntry<Listing>[]> {
    const departments = new Map<string, DepartmentRef | null>()
    const department = async (id: string) => {
      if (!departments.has(id)) departments.set(id, await deps.departments.findById(id))
      return departments.get(id) ?? null
    }
    const entries: SearchEntry<Listing>[] = []
    const items = new Map<string, ItemContent>()
    for (const row of await catalogStore.listPublishedItemContents(db)) {
      const content = JSON.parse(row.content_json) as ItemContent
      items.set(row.implementation_code, content)
      const d = await department(row.department_id)
      if (d) entries.push(itemEntry(row.implementation_code, content, d))
    }
    for (const row of await catalogStore.listPublishedBundles(db)) {
      const content = JSON.parse(row.content_json) as BundleContent
      const members = content.members.flatMap((m) => {
        const item = items.get(m.implementationCode)
        return item ? [{ content: item, conditional: m.condition !== null }] : []
      })
      const d = await department(row.lead_department_id)
      if (d) entries.push(bundleEntry(content, members, d))
    }
    return entries
  }

  async function refresh(now: number): Promise<SearchEntry<Listing>[]> {
    const stamp = await catalogStore.catalogStamp(db)
    if (index && index.stamp === stamp && now - index.builtAt < REBUILD_MS) return index.entries
    const entries = await build()
    index = { stamp, builtAt: now, entries }
    return entries
  }

  async function entries(): Promise<SearchEntry<Listing>[]> {
    const now = deps.clock.now().getTime()
    if (index && now - checkedAt < STAMP_TTL_MS) return index.entries
    // Concurrent searches share one refresh.
    pending ??= refresh(now).finally(() => {
      checkedAt = now
      pending = null
    })
    return pending
  }

  return {
    async search(query: { q?: string; limit?: number; offset?: number }) {
      const limit = query.limit ?? 20
      const offset = query.offset ?? 0
      const ranked = rankEntries(await entries(), query.q ?? '')
      const results = ranked
        .slice(offset, offset + limit)
        .map(({ value, match }) => ({ ...value, match }))
      return { total: ranked.length, limit, offset, results }
    },
    /** Called by the write side after a publish or retire on this instance. */
    forget(): void {
      checkedAt = -Infinity
    },
  }
}

export type CatalogSearchService = ReturnType<typeof createCatalogSearchService>
