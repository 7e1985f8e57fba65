import type { Selectable } from 'kysely'

export type VersionState = 'draft' | 'published' | 'superseded' | 'retired'

export interface ItemTable {
  id: string
  implementation_code: string
  department_id: string
  status: 'draft' | 'published' | 'retired'
  published_version: number | null
  latest_version: number
  created_at: string
  updated_at: string
}

export interface ItemVersionTable {
  id: string
  item_id: string
  version: number
  state: VersionState
  name_zh: string
  content_json: string
  process_xml: string | null
  created_by: string | null
  published_at: string | null
  created_at: string
  updated_at: string
}

export interface BundleTable {
  id: string
  code: string
  lead_department_id: string
  status: 'draft' | 'published' | 'retired'
  published_version: number | null
  latest_version: number
  created_at: string
  updated_at: string
}

export interface BundleVersionTable {
  id: string
  bundle_id: string
  version: number
  state: VersionState
  content_json: string
  published_at: string | null
  created_at: string
  updated_at: string
}

export interface CatalogTables {
  catalog_items: ItemTable
  catalog_item_versions: ItemVersionTable
  catalog_bundles: BundleTable
  catalog_bundle_versions: BundleVersionTable
}

export type ItemRow = Selectable<ItemTable>
export type ItemVersionRow = Selectable<ItemVersionTable>
export type BundleRow = Selectable<BundleTable>
export type BundleVersionRow = Selectable<BundleVersionTable>
