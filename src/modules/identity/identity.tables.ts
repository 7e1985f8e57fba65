import type { Insertable, Selectable, Updateable } from 'kysely'

export interface DepartmentTable {
  id: string
  code: string
  name_zh: string
  name_en: string
  credit_code: string
  address: string
  phone: string
  created_at: string
  updated_at: string
}

export interface PersonTable {
  id: string
  name: string
  /** SM4 field token; `id_number_index` is its keyed SM3 blind index for look-ups. */
  id_number_enc: string
  id_number_index: string
  phone_enc: string
  phone_index: string
  birth_date: string
  sex: string
  division_code: string
  password_hash: string
  failed_attempts: number
  locked_until: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface StaffTable {
  id: string
  account: string
  name: string
  department_id: string | null
  phone_enc: string
  phone_index: string
  password_hash: string
  failed_attempts: number
  locked_until: string | null
  status: 'active' | 'disabled'
  version: number
  created_at: string
  updated_at: string
}

export interface RoleAssignmentTable {
  id: string
  staff_id: string
  role: string
  /** '' for platform-wide roles, so the unique key works alike on both dialects. */
  department_id: string
  created_at: string
  updated_at: string
}

export interface EnterpriseTable {
  id: string
  name: string
  credit_code: string
  legal_representative_id: string
  registered_address: string
  industry_code: string
  registered_capital: string
  established_on: string
  created_at: string
  updated_at: string
}

export interface EnterpriseAgentTable {
  id: string
  enterprise_id: string
  person_id: string
  granted_by: string
  revoked_at: string | null
  created_at: string
  updated_at: string
}

export interface SessionTable {
  id: string
  subject_id: string
  subject_kind: 'person' | 'staff'
  channel: string
  remember_device: number
  revoked_at: string | null
  created_at: string
  updated_at: string
}

export interface RefreshTokenTable {
  id: string
  session_id: string
  token_hash: string
  expires_at: string
  rotated_at: string | null
  created_at: string
  updated_at: string
}

export interface OtpChallengeTable {
  id: string
  subject_id: string
  subject_kind: 'person' | 'staff'
  channel: string
  remember_device: number
  code_hash: string
  expires_at: string
  attempts: number
  consumed_at: string | null
  created_at: string
  updated_at: string
}

export interface PreferencesTable {
  id: string
  subject_kind: string
  elderly_mode: number
  locale: string | null
  created_at: string
  updated_at: string
}

export interface IdentityTables {
  identity_departments: DepartmentTable
  identity_persons: PersonTable
  identity_staff: StaffTable
  identity_role_assignments: RoleAssignmentTable
  identity_enterprises: EnterpriseTable
  identity_enterprise_agents: EnterpriseAgentTable
  identity_sessions: SessionTable
  identity_refresh_tokens: RefreshTokenTable
  identity_otp_challenges: OtpChallengeTable
  identity_preferences: PreferencesTable
}

export type DepartmentRow = Selectable<DepartmentTable>
export type PersonRow = Selectable<PersonTable>
export type NewPersonRow = Insertable<PersonTable>
export type StaffRow = Selectable<StaffTable>
export type StaffRowUpdate = Updateable<StaffTable>
export type EnterpriseRow = Selectable<EnterpriseTable>
export type SessionRow = Selectable<SessionTable>
export type OtpChallengeRow = Selectable<OtpChallengeTable>
export type PreferencesRow = Selectable<PreferencesTable>
