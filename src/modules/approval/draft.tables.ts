import type { Selectable } from 'kysely'

/** 草稿: an application being filled in, kept so it can be resumed on another device. */
export interface DraftTable {
  id: string
  owner_id: string
  /** The enterprise the owner applies for, or '' when applying for themselves. */
  party_id: string
  /** The bundle's code or the item's implementation code. */
  subject_code: string
  kind: 'item' | 'bundle'
  form_json: string
  created_at: string
  updated_at: string
}

export interface DraftTables {
  approval_application_drafts: DraftTable
}

export type DraftRow = Selectable<DraftTable>
