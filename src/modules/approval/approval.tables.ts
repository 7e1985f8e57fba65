import type { Generated, Insertable, Selectable } from 'kysely'

/** One submission: a single item, or a bundle (一件事) fanned out to several cases. */
export interface ApplicationTable {
  id: string
  case_number: string
  kind: 'item' | 'bundle'
  /** The bundle's code, or the item's implementation code. */
  subject_code: string
  subject_version: number
  name_zh: string
  name_en: string
  applicant_id: string
  enterprise_id: string | null
  channel: string
  /** Counter (窗口) submissions: who recorded the citizen's consent, and how. */
  consent_json: string | null
  form_json: string
  status: string
  version: number
  submitted_at: string
  created_at: string
  updated_at: string
}

/** One item handled by one department: owns one process instance. */
export interface CaseTable {
  id: string
  application_id: string
  case_number: string
  item_id: string
  item_version: number
  implementation_code: string
  department_id: string
  name_zh: string
  name_en: string
  form_json: string
  status: string
  promised_days: number
  statutory_days: number
  /** Optimistic concurrency: every step moves it by one; a step computed on an older one loses. */
  version: number
  finished_at: string | null
  created_at: string
  updated_at: string
}

/**
 * The append-only action log of a case: engine events (kind 'engine') and the case's own
 * actions (kind 'case': submitted, correction requested, resubmitted, withdrawn, urged …).
 * Status is a fold over it; it is also the process-mining event log.
 */
export interface ActionTable {
  seq: Generated<number>
  id: string
  case_id: string
  application_id: string
  kind: 'engine' | 'case'
  type: string
  task_id: string | null
  node_id: string | null
  actor_id: string | null
  actor_kind: string
  department_id: string
  payload_json: string
  at: string
}

/** Projection of the open and closed user tasks, for department queues (rebuilt from actions). */
export interface TaskTable {
  id: string
  case_id: string
  application_id: string
  department_id: string
  node_id: string
  name_zh: string
  role: string
  assignee_id: string | null
  state: 'open' | 'suspended' | 'completed' | 'cancelled'
  opened_at: string
  closed_at: string | null
  created_at: string
  updated_at: string
}

/** An electronic licence (电子证照) issued at the end of a case, signed with SM2. */
export interface LicenceTable {
  id: string
  identifier: string
  type_code: string
  name_zh: string
  holder_kind: string
  holder_code: string
  holder_name: string
  /** The enterprise or person the licence belongs to, for reuse in later applications. */
  holder_party_id: string
  issuer_department_id: string
  case_id: string
  application_id: string
  metadata_json: string
  signature: string
  public_key: string
  valid_from: string
  valid_until: string | null
  revoked_at: string | null
  cancelled_at: string | null
  issued_at: string
  created_at: string
  updated_at: string
}

/** 好差评: one rating per finished case (国办发〔2019〕51号); 1–2 are bad. */
export interface RatingTable {
  id: string
  case_id: string
  application_id: string
  department_id: string
  implementation_code: string
  /** Null when the rating was defaulted to satisfied because nobody rated in time. */
  rater_id: string | null
  channel: string
  score: number
  tags_json: string
  comment: string
  defaulted: number
  created_at: string
  updated_at: string
}

/** The rectification work order a bad rating opens for the responsible department. */
export interface WorkOrderTable {
  id: string
  rating_id: string
  case_id: string
  department_id: string
  rater_id: string
  status: 'open' | 'responded' | 'rectified' | 'appealed' | 'closed'
  response: string | null
  rectification: string | null
  appeal_json: string | null
  /** The rater's score of the fix (1–5). */
  fix_score: number | null
  /** Working-day limits in force when opened: { respond, rectify, close }. */
  limits_json: string
  opened_at: string
  responded_at: string | null
  rectified_at: string | null
  closed_at: string | null
  version: number
  created_at: string
  updated_at: string
}

/** Uploaded file content, stored once per SM3 content hash. */
export interface MaterialBlobTable {
  hash: string
  media_type: string
  size: number
  content: Buffer
  created_at: string
}

/** One upload by one person: a name and a type over a stored blob. */
export interface MaterialTable {
  id: string
  owner_id: string
  hash: string
  file_name: string
  media_type: string
  size: number
  created_at: string
  updated_at: string
}

/** A material of a case: an upload, or a licence the government issued (免提交) with why. */
export interface CaseMaterialTable {
  id: string
  application_id: string
  case_id: string
  material_code: string
  material_id: string | null
  licence_id: string | null
  reason: string | null
  attached_by: string
  created_at: string
  updated_at: string
}

/** 抄送: a case copied to a colleague for information, with whether they have read it. */
export interface CopyTable {
  id: string
  case_id: string
  application_id: string
  department_id: string
  to_staff_id: string
  copied_by: string
  note: string
  read_at: string | null
  created_at: string
  updated_at: string
}

export interface ApprovalTables {
  approval_applications: ApplicationTable
  approval_cases: CaseTable
  approval_actions: ActionTable
  approval_tasks: TaskTable
  approval_licences: LicenceTable
  approval_ratings: RatingTable
  approval_work_orders: WorkOrderTable
  approval_material_blobs: MaterialBlobTable
  approval_materials: MaterialTable
  approval_case_materials: CaseMaterialTable
  approval_copies: CopyTable
  approval_shared_data: SharedDataTable
}

export type ApplicationRow = Selectable<ApplicationTable>
export type CaseRow = Selectable<CaseTable>
export type ActionRow = Selectable<ActionTable>
export type NewActionRow = Insertable<ActionTable>

/** 信息共享: a value one case established for its whole application. */
export interface SharedDataTable {
  application_id: string
  name: string
  value: string
  source_case_id: string
  created_at: string
}
export type SharedDataRow = SharedDataTable
export type TaskRow = Selectable<TaskTable>
export type LicenceRow = Selectable<LicenceTable>
export type RatingRow = Selectable<RatingTable>
export type WorkOrderRow = Selectable<WorkOrderTable>
export type MaterialRow = Selectable<MaterialTable>
export type CaseMaterialRow = Selectable<CaseMaterialTable>
