import { validate as isUuid, v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError, validationFailed } from '../../platform/errors.js'
import type { BundleContent, ItemContent } from './catalog.schema.js'
import { catalogDb, type CatalogDeps } from './catalog.deps.js'
import { versionNotEditable } from './catalog.errors.js'
import { catalogStore } from './catalog.store.js'
import type { BundleRow, BundleVersionRow } from './catalog.tables.js'
import { checkBundleContent } from './item-content-checks.js'

/** Published bundle contents kept parsed (a city publishes a few dozen). */
const PUBLISHED_KEPT = 500
/**
 * How long this instance trusts which version of a bundle is published, as for items: another
 * instance's publish is seen within a second, this instance's at once.
 */
const HEAD_TTL_MS = 1000

/** Bundles (一件事): one merged form fanned out to the member items of several departments. */
export function createBundleService(deps: CatalogDeps, onPublished: () => void = () => {}) {
  const db = catalogDb(deps)

  async function publishedForms(
    content: BundleContent,
  ): Promise<Map<string, Record<string, unknown>>> {
    const forms = new Map<string, Record<string, unknown>>()
    for (const member of content.members) {
      const item = await catalogStore.findItemByCode(db, member.implementationCode)
      const row = item?.published_version
        ? await catalogStore.findVersion(db, item.id, item.published_version)
        : undefined
      if (row)
        forms.set(
          member.implementationCode,
          (JSON.parse(row.content_json) as ItemContent).formSchema,
        )
    }
    return forms
  }
  const view = (bundle: BundleRow, row: BundleVersionRow, content?: BundleContent) => ({
    id: bundle.id,
    code: bundle.code,
    leadDepartmentId: bundle.lead_department_id,
    status: bundle.status,
    version: row.version,
    state: row.state,
    content: content ?? (JSON.parse(row.content_json) as BundleContent),
  })
  const publishedContent = new Map<string, BundleContent>()
  // Every bundle application reads the bundle and its published version: both are kept, the
  // bundle row for HEAD_TTL_MS, the version row (its content never changes) while it is current.
  const heads = new Map<string, { bundle: BundleRow | undefined; until: number }>()
  const publishedRows = new Map<string, BundleVersionRow>()

  async function publishedHead(idOrCode: string): Promise<BundleRow | undefined> {
    const now = deps.clock.now().getTime()
    const known = heads.get(idOrCode)
    if (known && known.until > now) return known.bundle
    // Applications name bundles by code; an id (a UUID) is looked up as one.
    const bundle = isUuid(idOrCode)
      ? await catalogStore.findBundle(db, idOrCode)
      : await catalogStore.findBundleByCode(db, idOrCode)
    if (heads.size >= PUBLISHED_KEPT) heads.delete(heads.keys().next().value ?? idOrCode)
    heads.set(idOrCode, { bundle, until: now + HEAD_TTL_MS })
    return bundle
  }

  async function publishedRow(bundle: BundleRow): Promise<BundleVersionRow | undefined> {
    if (!bundle.published_version) return undefined
    const key = `${bundle.id}:${bundle.published_version}`
    const kept = publishedRows.get(key)
    if (kept) return kept
    const row = await catalogStore.findBundleVersion(db, bundle.id, bundle.published_version)
    if (row?.state !== 'published') return row
    if (publishedRows.size >= PUBLISHED_KEPT)
      publishedRows.delete(publishedRows.keys().next().value ?? key)
    publishedRows.set(key, row)
    return row
  }

  return {
    async createDraft(actor: Actor, leadDepartmentCode: string, content: BundleContent) {
      const department = await deps.departments.findByCode(leadDepartmentCode)
      if (!department)
        throw new DomainError('CATALOG_DEPARTMENT_UNKNOWN', { code: leadDepartmentCode })
      deps.guard.require(actor, 'catalog.item.create', {
        type: 'bundle',
        id: content.code,
        departmentId: department.id,
      })
      const errors = checkBundleContent(content, await publishedForms(content))
      if (errors.length > 0) throw validationFailed(errors)
      const now = deps.clock.now().toISOString()
      const bundle: BundleRow = {
        id: uuidv7(),
        code: content.code,
        lead_department_id: department.id,
        status: 'draft',
        published_version: null,
        latest_version: 1,
        created_at: now,
        updated_at: now,
      }
      const row: BundleVersionRow = {
        id: uuidv7(),
        bundle_id: bundle.id,
        version: 1,
        state: 'draft',
        content_json: JSON.stringify(content),
        published_at: null,
        created_at: now,
        updated_at: now,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await catalogStore.insertBundle(trx, bundle)
          await catalogStore.insertBundleVersion(trx, row)
          await deps.audit.record(trx, actor, {
            action: 'catalog.bundle.drafted',
            subject: { type: 'bundle', id: bundle.id },
            after: {
              code: content.code,
              members: content.members.map((m) => m.implementationCode),
            },
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('CATALOG_BUNDLE_CODE_TAKEN')
        throw error
      }
      return view(bundle, row)
    },

    async publish(actor: Actor, bundleId: string, version: number) {
      const bundle = await catalogStore.findBundle(db, bundleId)
      const row = bundle && (await catalogStore.findBundleVersion(db, bundle.id, version))
      if (!bundle || !row) throw new DomainError('CATALOG_BUNDLE_NOT_FOUND')
      deps.guard.require(actor, 'catalog.item.publish', {
        type: 'bundle',
        id: bundle.id,
        departmentId: bundle.lead_department_id,
      })
      if (row.state !== 'draft') throw versionNotEditable(version, row.state)
      const content = JSON.parse(row.content_json) as BundleContent
      const errors = checkBundleContent(content, await publishedForms(content))
      if (errors.length > 0) throw validationFailed(errors)
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await catalogStore.setBundleVersionState(trx, bundle.id, 'published', 'superseded', now)
        if (
          (await catalogStore.updateBundleVersionIfState(trx, row.id, 'draft', {
            state: 'published',
            published_at: now,
            updated_at: now,
          })) !== 1
        ) {
          throw versionNotEditable(version, 'published')
        }
        await catalogStore.updateBundle(trx, bundle.id, {
          status: 'published',
          published_version: version,
          updated_at: now,
        })
        await deps.audit.record(trx, actor, {
          action: 'catalog.bundle.published',
          subject: { type: 'bundle', id: bundle.id },
          after: { publishedVersion: version },
        })
      })
      heads.clear()
      onPublished()
      return view(
        { ...bundle, status: 'published', published_version: version },
        { ...row, state: 'published' },
      )
    },

    async getPublished(idOrCode: string) {
      const bundle = await publishedHead(idOrCode)
      const row = bundle && (await publishedRow(bundle))
      if (!bundle || !row) throw new DomainError('CATALOG_BUNDLE_NOT_FOUND')
      // A published version's content never changes (edits make a new version), so it is parsed
      // once: every bundle application reads it.
      let content = publishedContent.get(row.id)
      if (!content) {
        content = JSON.parse(row.content_json) as BundleContent
        if (publishedContent.size >= PUBLISHED_KEPT)
          publishedContent.delete(publishedContent.keys().next().value ?? row.id)
        publishedContent.set(row.id, content)
      }
      return view(bundle, row, content)
    },

    async listPublished() {
      const rows = await catalogStore.listPublishedBundles(db)
      return rows.map((r) => {
        const c = JSON.parse(r.content_json) as BundleContent
        return {
          id: r.id,
          code: r.code,
          leadDepartmentId: r.lead_department_id,
          version: r.version,
          name: c.name,
          description: c.description,
          memberCount: c.members.length,
        }
      })
    },
  }
}

export type BundleService = ReturnType<typeof createBundleService>
