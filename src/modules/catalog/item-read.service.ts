import type { Actor } from '../../platform/auth/principal.js'
import { moduleDb, type RootDb } from '../../platform/db/database.js'
import { DomainError } from '../../platform/errors.js'
import type { ItemContent } from './catalog.schema.js'
import { catalogDb, type CatalogDeps } from './catalog.deps.js'
import { catalogStore } from './catalog.store.js'
import type { CatalogTables } from './catalog.tables.js'
import { renderGuide } from './guide.js'
import { toItemView } from './item-view.js'

type PublishedView = ReturnType<typeof toItemView> & { guide: ReturnType<typeof renderGuide> }

const CACHE_LIMIT = 2000
// A published version never changes; the TTL only bounds how long a renamed department shows.
const CACHE_TTL_MS = 60_000
// Which version is published: a publish or retire on another instance shows here this much later.
const HEAD_TTL_MS = 1000

/** A published item version as the approval engine needs it. */
export interface PublishedDefinition {
  itemId: string
  version: number
  implementationCode: string
  departmentId: string
  content: ItemContent
  processXml: string
}

type Head = { id: string; published_version: number | null; updated_at: string }

/**
 * Reading the catalogue. A published version is immutable, so its view and guide are built once
 * and kept, keyed by item, version and the item row's `updated_at`. Which version is published
 * is asked of the database at most once a second per item and instance; changes made on this
 * instance are seen at once (`forgetItem`).
 */
export function createItemReadService(deps: CatalogDeps) {
  const db = catalogDb(deps)
  const cache = new Map<string, { view: PublishedView; at: number }>()
  const heads = new Map<string, { head: Head | undefined; until: number }>()
  const definitions = new Map<string, PublishedDefinition>()

  async function publishedHead(idOrCode: string, now: number): Promise<Head | undefined> {
    const known = heads.get(idOrCode)
    if (known && known.until > now) return known.head
    const head = await catalogStore.findPublishedHead(db, idOrCode)
    if (heads.size >= CACHE_LIMIT) heads.delete(heads.keys().next().value ?? '')
    heads.set(idOrCode, { head, until: now + HEAD_TTL_MS })
    return head
  }

  async function buildPublished(itemId: string, version: number): Promise<PublishedView | null> {
    const item = await catalogStore.findItem(db, itemId)
    const row = item && (await catalogStore.findVersion(db, item.id, version))
    const department = item && (await deps.departments.findById(item.department_id))
    if (!item || !row || !department) return null
    const view = toItemView(item, row)
    return { ...view, guide: renderGuide(view.content, department) }
  }

  async function definitionOf(
    itemId: string,
    version: number,
    within?: RootDb,
  ): Promise<PublishedDefinition> {
    const key = `${itemId}:${version}`
    const hit = definitions.get(key)
    if (hit) return hit
    const on = within ? moduleDb<CatalogTables>(within) : db
    const item = await catalogStore.findItem(on, itemId)
    const row = item && (await catalogStore.findVersion(on, itemId, version))
    if (!item || !row?.process_xml || row.state === 'draft')
      throw new DomainError('CATALOG_ITEM_NOT_FOUND')
    const definition: PublishedDefinition = {
      itemId: item.id,
      version: row.version,
      implementationCode: item.implementation_code,
      departmentId: item.department_id,
      content: JSON.parse(row.content_json) as ItemContent,
      processXml: row.process_xml,
    }
    if (definitions.size >= CACHE_LIMIT) definitions.delete(definitions.keys().next().value ?? '')
    definitions.set(key, definition)
    return definition
  }

  return {
    /** The published version with its guide: what a citizen reads before applying. */
    async getPublished(itemIdOrCode: string): Promise<PublishedView> {
      const now = deps.clock.now().getTime()
      const head = await publishedHead(itemIdOrCode, now)
      if (!head?.published_version) throw new DomainError('CATALOG_ITEM_NOT_FOUND')
      const key = `${head.id}:${head.published_version}:${head.updated_at}`
      const hit = cache.get(key)
      if (hit && now - hit.at < CACHE_TTL_MS) return hit.view
      const view = await buildPublished(head.id, head.published_version)
      if (!view) throw new DomainError('CATALOG_ITEM_NOT_FOUND')
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value ?? '')
      cache.set(key, { view, at: now })
      return view
    },

    /** Called by the write side after a publish, retire or new version on this instance. */
    forgetItem(itemId: string, implementationCode: string): void {
      heads.delete(itemId)
      heads.delete(implementationCode)
    },

    async getVersion(actor: Actor, itemId: string, version: number) {
      const item = await catalogStore.findItem(db, itemId)
      const row = item && (await catalogStore.findVersion(db, itemId, version))
      if (!item || !row) throw new DomainError('CATALOG_VERSION_NOT_FOUND')
      if (row.state !== 'published') {
        deps.guard.require(actor, 'catalog.item.read', {
          type: 'item',
          id: item.id,
          departmentId: item.department_id,
        })
      }
      return { ...toItemView(item, row), processXml: row.process_xml }
    },

    /**
     * What an application runs on: the published version's content and process. A published
     * version never changes, so it is read once per version and instance.
     */
    async getPublishedDefinition(itemIdOrCode: string): Promise<PublishedDefinition> {
      const head = await publishedHead(itemIdOrCode, deps.clock.now().getTime())
      if (!head?.published_version) throw new DomainError('CATALOG_ITEM_NOT_FOUND')
      return definitionOf(head.id, head.published_version)
    },

    /**
     * A version an application started on (it may have been superseded since); `within` reads
     * in the caller's open transaction.
     */
    getDefinition: (itemId: string, version: number, within?: RootDb) =>
      definitionOf(itemId, version, within),

    async listPublished(query: {
      q?: string
      departmentCode?: string
      limit?: number
      offset?: number
    }) {
      const limit = query.limit ?? 20
      const offset = query.offset ?? 0
      const department = query.departmentCode
        ? await deps.departments.findByCode(query.departmentCode)
        : null
      if (query.departmentCode && !department) return { items: [], limit, offset }
      const rows = await catalogStore.listPublished(db, query.q, department?.id, limit, offset)
      const items = rows.map((r) => {
        const c = JSON.parse(r.content_json) as ItemContent
        return {
          id: r.id,
          implementationCode: r.implementation_code,
          departmentId: r.department_id,
          version: r.version,
          name: c.name,
          promisedLimitDays: c.promisedLimitDays,
          onSiteVisits: c.onSiteVisits,
          free: c.fees.length === 0,
        }
      })
      return { items, limit, offset }
    },
  }
}

export type ItemReadService = ReturnType<typeof createItemReadService>
