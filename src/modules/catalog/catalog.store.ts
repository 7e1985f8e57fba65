import type { Insertable, Kysely, Updateable } from 'kysely'
import type { CatalogTables, VersionState } from './catalog.tables.js'

type Db = Kysely<CatalogTables>

/** The only place with queries on catalog tables. */
export const catalogStore = {
  findItem: (db: Db, id: string) =>
    db.selectFrom('catalog_items').selectAll().where('id', '=', id).executeTakeFirst(),
  /** The row that says which version is published, by id or implementation code, in one query. */
  findPublishedHead: (db: Db, idOrCode: string) =>
    db
      .selectFrom('catalog_items')
      .select(['id', 'published_version', 'updated_at'])
      .where((eb) => eb.or([eb('id', '=', idOrCode), eb('implementation_code', '=', idOrCode)]))
      .where('status', '=', 'published')
      .executeTakeFirst(),
  findItemByCode: (db: Db, code: string) =>
    db
      .selectFrom('catalog_items')
      .selectAll()
      .where('implementation_code', '=', code)
      .executeTakeFirst(),
  insertItem: (db: Db, row: Insertable<CatalogTables['catalog_items']>) =>
    db.insertInto('catalog_items').values(row).execute(),
  updateItem: (db: Db, id: string, set: Updateable<CatalogTables['catalog_items']>) =>
    db.updateTable('catalog_items').set(set).where('id', '=', id).execute(),
  /** Updates an item unless it was retired meanwhile; returns rows changed. */
  updateLiveItem: async (db: Db, id: string, set: Updateable<CatalogTables['catalog_items']>) =>
    Number(
      (
        await db
          .updateTable('catalog_items')
          .set(set)
          .where('id', '=', id)
          .where('status', '!=', 'retired')
          .executeTakeFirst()
      ).numUpdatedRows,
    ),
  findVersion: (db: Db, itemId: string, version: number) =>
    db
      .selectFrom('catalog_item_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .where('version', '=', version)
      .executeTakeFirst(),
  insertVersion: (db: Db, row: Insertable<CatalogTables['catalog_item_versions']>) =>
    db.insertInto('catalog_item_versions').values(row).execute(),
  /** Changes a version only while it is still in the expected state; returns rows changed. */
  updateVersionIfState: async (
    db: Db,
    id: string,
    state: VersionState,
    set: Updateable<CatalogTables['catalog_item_versions']>,
  ) =>
    Number(
      (
        await db
          .updateTable('catalog_item_versions')
          .set(set)
          .where('id', '=', id)
          .where('state', '=', state)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),
  setVersionState: (
    db: Db,
    itemId: string,
    fromState: VersionState,
    toState: VersionState,
    now: string,
  ) =>
    db
      .updateTable('catalog_item_versions')
      .set({ state: toState, updated_at: now })
      .where('item_id', '=', itemId)
      .where('state', '=', fromState)
      .execute(),
  listPublished: (
    db: Db,
    query: string | undefined,
    departmentId: string | undefined,
    limit: number,
    offset: number,
  ) => {
    let q = db
      .selectFrom('catalog_item_versions as v')
      .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
      .select([
        'i.id',
        'i.implementation_code',
        'i.department_id',
        'v.version',
        'v.name_zh',
        'v.content_json',
      ])
      .where('v.state', '=', 'published')
      .orderBy('i.implementation_code')
      .limit(limit)
      .offset(offset)
    if (query) q = q.where('v.name_zh', 'like', `%${query.replace(/[%_\\]/g, '')}%`)
    if (departmentId) q = q.where('i.department_id', '=', departmentId)
    return q.execute()
  },

  /** Every published item's content (the search index is built from these). */
  listPublishedItemContents: (db: Db) =>
    db
      .selectFrom('catalog_item_versions as v')
      .innerJoin('catalog_items as i', 'i.id', 'v.item_id')
      .select(['i.implementation_code', 'i.department_id', 'v.content_json'])
      .where('v.state', '=', 'published')
      .orderBy('i.implementation_code')
      .execute(),
  /** Changes when an item or bundle is added, published, retired or versioned. */
  catalogStamp: async (db: Db): Promise<string> => {
    const stampOf = async (table: 'catalog_items' | 'catalog_bundles') => {
      const row = await db
        .selectFrom(table)
        .select((eb) => [
          eb.fn.countAll<string | number>().as('n'),
          eb.fn.max('updated_at').as('at'),
        ])
        .executeTakeFirstOrThrow()
      return `${String(row.n)}@${row.at ?? ''}`
    }
    return `${await stampOf('catalog_items')}|${await stampOf('catalog_bundles')}`
  },

  findBundleByCode: (db: Db, code: string) =>
    db.selectFrom('catalog_bundles').selectAll().where('code', '=', code).executeTakeFirst(),
  findBundle: (db: Db, id: string) =>
    db.selectFrom('catalog_bundles').selectAll().where('id', '=', id).executeTakeFirst(),
  insertBundle: (db: Db, row: Insertable<CatalogTables['catalog_bundles']>) =>
    db.insertInto('catalog_bundles').values(row).execute(),
  updateBundle: (db: Db, id: string, set: Updateable<CatalogTables['catalog_bundles']>) =>
    db.updateTable('catalog_bundles').set(set).where('id', '=', id).execute(),
  insertBundleVersion: (db: Db, row: Insertable<CatalogTables['catalog_bundle_versions']>) =>
    db.insertInto('catalog_bundle_versions').values(row).execute(),
  findBundleVersion: (db: Db, bundleId: string, version: number) =>
    db
      .selectFrom('catalog_bundle_versions')
      .selectAll()
      .where('bundle_id', '=', bundleId)
      .where('version', '=', version)
      .executeTakeFirst(),
  updateBundleVersionIfState: async (
    db: Db,
    id: string,
    state: VersionState,
    set: Updateable<CatalogTables['catalog_bundle_versions']>,
  ) =>
    Number(
      (
        await db
          .updateTable('catalog_bundle_versions')
          .set(set)
          .where('id', '=', id)
          .where('state', '=', state)
          .executeTakeFirst()
      ).numUpdatedRows,
    ),
  setBundleVersionState: (
    db: Db,
    bundleId: string,
    fromState: VersionState,
    toState: VersionState,
    now: string,
  ) =>
    db
      .updateTable('catalog_bundle_versions')
      .set({ state: toState, updated_at: now })
      .where('bundle_id', '=', bundleId)
      .where('state', '=', fromState)
      .execute(),
  listPublishedBundles: (db: Db) =>
    db
      .selectFrom('catalog_bundle_versions as v')
      .innerJoin('catalog_bundles as b', 'b.id', 'v.bundle_id')
      .select(['b.id', 'b.code', 'b.lead_department_id', 'v.version', 'v.content_json'])
      .where('v.state', '=', 'published')
      .orderBy('b.code')
      .execute(),
}
