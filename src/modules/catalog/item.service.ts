import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError, validationFailed } from '../../platform/errors.js'
import type { ItemContent } from './catalog.schema.js'
import { catalogDb, type CatalogDeps } from './catalog.deps.js'
import { versionNotEditable } from './catalog.errors.js'
import { catalogStore } from './catalog.store.js'
import type { ItemRow, ItemVersionRow } from './catalog.tables.js'
import { checkItemContent } from './item-content-checks.js'
import { toItemView } from './item-view.js'
import { checkProcessDefinition } from './process-definition.js'

/** Service items (事项): drafted, published and retired as numbered versions. */
/**
 * Writing the catalogue. `itemChanged` tells the read side on this instance that which version
 * is published changed, so it does not wait for its one-second memory to lapse.
 */
export function createItemService(
  deps: CatalogDeps,
  itemChanged: (itemId: string, implementationCode: string) => void = () => {},
) {
  const db = catalogDb(deps)

  async function departmentOf(code: string) {
    const department = await deps.departments.findByCode(code)
    if (!department) throw new DomainError('CATALOG_DEPARTMENT_UNKNOWN', { code })
    return department
  }
  async function loadVersion(
    itemId: string,
    version: number,
  ): Promise<{ item: ItemRow; row: ItemVersionRow }> {
    const item = await catalogStore.findItem(db, itemId)
    const row = item && (await catalogStore.findVersion(db, itemId, version))
    if (!item || !row) throw new DomainError('CATALOG_VERSION_NOT_FOUND')
    return { item, row }
  }
  const notEditable = (row: ItemVersionRow) => versionNotEditable(row.version, row.state)
  /** A retired item (废止) stays retired: a leftover draft or a new version must not revive it. */
  const refuseRetired = (item: ItemRow) => {
    if (item.status === 'retired') throw new DomainError('CATALOG_ITEM_RETIRED')
  }
  const view = toItemView

  return {
    async createDraft(actor: Actor, content: ItemContent) {
      const department = await departmentOf(content.departmentCode)
      deps.guard.require(actor, 'catalog.item.create', {
        type: 'item',
        id: content.implementationCode,
        departmentId: department.id,
      })
      const errors = checkItemContent(content)
      if (errors.length > 0) throw validationFailed(errors)
      const now = deps.clock.now().toISOString()
      const item: ItemRow = {
        id: uuidv7(),
        implementation_code: content.implementationCode,
        department_id: department.id,
        status: 'draft',
        published_version: null,
        latest_version: 1,
        created_at: now,
        updated_at: now,
      }
      const row: ItemVersionRow = {
        id: uuidv7(),
        item_id: item.id,
        version: 1,
        state: 'draft',
        name_zh: content.name.zh,
        content_json: JSON.stringify(content),
        process_xml: null,
        created_by: actor.principal?.id ?? null,
        published_at: null,
        created_at: now,
        updated_at: now,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await catalogStore.insertItem(trx, item)
          await catalogStore.insertVersion(trx, row)
          await deps.audit.record(trx, actor, {
            action: 'catalog.item.drafted',
            subject: { type: 'item', id: item.id },
            after: {
              version: 1,
              implementationCode: item.implementation_code,
              name: content.name.zh,
            },
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('CATALOG_ITEM_CODE_TAKEN')
        throw error
      }
      return view(item, row)
    },

    async editDraft(actor: Actor, itemId: string, version: number, content: ItemContent) {
      const { item, row } = await loadVersion(itemId, version)
      deps.guard.require(actor, 'catalog.item.update', {
        type: 'item',
        id: item.id,
        departmentId: item.department_id,
      })
      refuseRetired(item)
      if (row.state !== 'draft') throw notEditable(row)
      const department = await departmentOf(content.departmentCode)
      const errors = checkItemContent(content)
      if (content.implementationCode !== item.implementation_code)
        errors.push({
          pointer: '/implementationCode',
          code: 'immutable',
          message: { zh: '实施编码不能修改', en: 'The implementation code cannot change' },
        })
      if (department.id !== item.department_id)
        errors.push({
          pointer: '/departmentCode',
          code: 'immutable',
          message: { zh: '实施部门不能修改', en: 'The department cannot change' },
        })
      if (errors.length > 0) throw validationFailed(errors)
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const changed = await catalogStore.updateVersionIfState(trx, row.id, 'draft', {
          content_json: JSON.stringify(content),
          name_zh: content.name.zh,
          updated_at: now,
        })
        if (changed !== 1) throw notEditable(row)
        await deps.audit.record(trx, actor, {
          action: 'catalog.item.edited',
          subject: { type: 'item', id: item.id },
          before: { version, name: row.name_zh },
          after: { version, name: content.name.zh },
        })
      })
      return view(item, {
        ...row,
        content_json: JSON.stringify(content),
        name_zh: content.name.zh,
        updated_at: now,
      })
    },

    async attachProcess(actor: Actor, itemId: string, version: number, xml: string) {
      const { item, row } = await loadVersion(itemId, version)
      deps.guard.require(actor, 'catalog.item.update', {
        type: 'item',
        id: item.id,
        departmentId: item.department_id,
      })
      refuseRetired(item)
      if (row.state !== 'draft') throw notEditable(row)
      const checked = await checkProcessDefinition(xml)
      if (!checked.ok) throw new DomainError('CATALOG_PROCESS_INVALID', {}, checked.errors)
      const engineErrors = (await deps.checkProcess?.(xml)) ?? []
      if (engineErrors.length > 0)
        throw new DomainError('CATALOG_PROCESS_INVALID', {}, engineErrors)
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (
          (await catalogStore.updateVersionIfState(trx, row.id, 'draft', {
            process_xml: xml,
            updated_at: now,
          })) !== 1
        )
          throw notEditable(row)
        await deps.audit.record(trx, actor, {
          action: 'catalog.process.attached',
          subject: { type: 'item', id: item.id },
          after: {
            version,
            processId: checked.summary.processId,
            userTasks: checked.summary.userTasks.length,
          },
        })
      })
      return checked.summary
    },

    async publish(actor: Actor, itemId: string, version: number) {
      const { item, row } = await loadVersion(itemId, version)
      deps.guard.require(actor, 'catalog.item.publish', {
        type: 'item',
        id: item.id,
        departmentId: item.department_id,
      })
      refuseRetired(item)
      if (row.state !== 'draft') throw notEditable(row)
      if (row.process_xml === null) throw new DomainError('CATALOG_PROCESS_MISSING')
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await catalogStore.setVersionState(trx, item.id, 'published', 'superseded', now)
        if (
          (await catalogStore.updateVersionIfState(trx, row.id, 'draft', {
            state: 'published',
            published_at: now,
            updated_at: now,
          })) !== 1
        )
          throw notEditable(row)
        const live = await catalogStore.updateLiveItem(trx, item.id, {
          status: 'published',
          published_version: version,
          updated_at: now,
        })
        if (live !== 1) throw new DomainError('CATALOG_ITEM_RETIRED')
        await deps.audit.record(trx, actor, {
          action: 'catalog.item.published',
          subject: { type: 'item', id: item.id },
          before: { publishedVersion: item.published_version },
          after: { publishedVersion: version },
        })
      })
      itemChanged(item.id, item.implementation_code)
      return view(
        { ...item, status: 'published', published_version: version },
        { ...row, state: 'published', published_at: now },
      )
    },

    async newVersion(actor: Actor, itemId: string) {
      const item = await catalogStore.findItem(db, itemId)
      if (!item) throw new DomainError('CATALOG_VERSION_NOT_FOUND')
      deps.guard.require(actor, 'catalog.item.create', {
        type: 'item',
        id: item.id,
        departmentId: item.department_id,
      })
      refuseRetired(item)
      const latest = await catalogStore.findVersion(db, item.id, item.latest_version)
      if (!latest) throw new DomainError('CATALOG_VERSION_NOT_FOUND')
      if (latest.state === 'draft')
        throw new DomainError('CATALOG_DRAFT_EXISTS', { version: latest.version })
      const now = deps.clock.now().toISOString()
      const row: ItemVersionRow = {
        ...latest,
        id: uuidv7(),
        version: latest.version + 1,
        state: 'draft',
        created_by: actor.principal?.id ?? null,
        published_at: null,
        created_at: now,
        updated_at: now,
      }
      await db.transaction().execute(async (trx) => {
        await catalogStore.insertVersion(trx, row)
        await catalogStore.updateItem(trx, item.id, {
          latest_version: row.version,
          updated_at: now,
        })
        await deps.audit.record(trx, actor, {
          action: 'catalog.item.versioned',
          subject: { type: 'item', id: item.id },
          after: { version: row.version, from: latest.version },
        })
      })
      return view({ ...item, latest_version: row.version }, row)
    },

    async retire(actor: Actor, itemId: string) {
      const item = await catalogStore.findItem(db, itemId)
      if (!item) throw new DomainError('CATALOG_VERSION_NOT_FOUND')
      deps.guard.require(actor, 'catalog.item.publish', {
        type: 'item',
        id: item.id,
        departmentId: item.department_id,
      })
      refuseRetired(item)
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        await catalogStore.setVersionState(trx, item.id, 'published', 'retired', now)
        await catalogStore.updateItem(trx, item.id, {
          status: 'retired',
          published_version: null,
          updated_at: now,
        })
        await deps.audit.record(trx, actor, {
          action: 'catalog.item.retired',
          subject: { type: 'item', id: item.id },
          before: { publishedVersion: item.published_version },
        })
      })
      itemChanged(item.id, item.implementation_code)
    },
  }
}

export type ItemService = ReturnType<typeof createItemService>
