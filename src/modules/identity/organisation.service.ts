import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { hashPassword, passwordProblems } from '../../platform/auth/password.js'
import { ROLE_DEFINITIONS, isRole, type Role } from '../../platform/authz/index.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError, fieldError, validationFailed } from '../../platform/errors.js'
import { message } from '../../platform/i18n/i18n.js'
import { maskPhone, validateMobile } from '../../platform/standards/index.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityStore } from './identity.store.js'
import type { DepartmentRow, StaffRow } from './identity.tables.js'
import { requireCreditCode } from './standard-fields.js'

export interface NewDepartment {
  code: string
  nameZh: string
  nameEn: string
  creditCode: string
  address: string
  phone: string
}
export interface NewStaff {
  account: string
  name: string
  departmentId: string | null
  phone: string
  password: string
}

// 三员分立: these three platform roles are never held by one person.
const SEPARATED: readonly Role[] = ['system_admin', 'security_admin', 'auditor']

export function toDepartment(row: DepartmentRow) {
  return {
    id: row.id,
    code: row.code,
    name: { zh: row.name_zh, en: row.name_en },
    creditCode: row.credit_code,
    address: row.address,
    phone: row.phone,
  }
}

/** Departments, staff accounts and their roles. */
export function createOrganisationService(deps: IdentityDeps) {
  const db = identityDb(deps)
  const toStaff = (row: StaffRow, roles: Array<{ role: string; department_id: string }>) => ({
    id: row.id,
    account: row.account,
    name: row.name,
    departmentId: row.department_id,
    status: row.status,
    phoneMasked: maskPhone(deps.cipher.decrypt(row.phone_enc)),
    lockedUntil: row.locked_until,
    roles: roles.map((r) => ({ role: r.role, departmentId: r.department_id || null })),
  })

  return {
    listDepartments: async () => (await identityStore.listDepartments(db)).map(toDepartment),

    async createDepartment(actor: Actor, input: NewDepartment) {
      deps.guard.require(actor, 'identity.department.manage', {
        type: 'department',
        id: input.code,
        departmentId: null,
      })
      const code = requireCreditCode(input.creditCode, '/creditCode')
      const now = deps.clock.now().toISOString()
      const row = {
        id: uuidv7(),
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        credit_code: code.creditCode,
        address: input.address,
        phone: input.phone,
        created_at: now,
        updated_at: now,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await identityStore.insertDepartment(trx, row)
          await deps.audit.record(trx, actor, {
            action: 'identity.department.created',
            subject: { type: 'department', id: row.id },
            after: toDepartment(row),
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('IDENTITY_DEPARTMENT_CODE_TAKEN')
        throw error
      }
      return toDepartment(row)
    },

    async createStaff(actor: Actor, input: NewStaff) {
      deps.guard.require(actor, 'identity.staff.manage', {
        type: 'staff',
        id: input.account,
        departmentId: input.departmentId,
      })
      const phone = validateMobile(input.phone)
      const errors = []
      if (!phone.ok)
        errors.push(fieldError('/phone', phone.reason, message('identity.field.phone_invalid')))
      if (passwordProblems(input.password).length > 0)
        errors.push(
          fieldError('/password', 'password_weak', message('identity.field.password_weak')),
        )
      if (!phone.ok || errors.length > 0) throw validationFailed(errors)
      if (input.departmentId && !(await identityStore.findDepartment(db, input.departmentId)))
        throw new DomainError('IDENTITY_DEPARTMENT_NOT_FOUND')
      const now = deps.clock.now().toISOString()
      const row: StaffRow = {
        id: uuidv7(),
        account: input.account,
        name: input.name,
        department_id: input.departmentId,
        phone_enc: deps.cipher.encrypt(phone.value.number),
        phone_index: deps.cipher.blindIndex(phone.value.number),
        password_hash: await hashPassword(input.password, deps.passwordHashCost),
        failed_attempts: 0,
        locked_until: null,
        status: 'active',
        version: 1,
        created_at: now,
        updated_at: now,
      }
      try {
        await db.transaction().execute(async (trx) => {
          await identityStore.insertStaff(trx, row)
          await deps.audit.record(trx, actor, {
            action: 'identity.staff.created',
            subject: { type: 'staff', id: row.id },
            after: { account: row.account, departmentId: row.department_id },
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('IDENTITY_STAFF_ACCOUNT_TAKEN')
        throw error
      }
      return toStaff(row, [])
    },

    /** Staff accounts, by account; one department's when `departmentId` is given. */
    async listStaff(
      actor: Actor,
      query: { departmentId?: string; limit?: number; offset?: number },
    ) {
      const departmentId = query.departmentId ?? null
      deps.guard.require(actor, 'identity.staff.read', { type: 'staff', id: '*', departmentId })
      const rows = await identityStore.listStaff(
        db,
        departmentId,
        query.limit ?? 100,
        query.offset ?? 0,
      )
      return Promise.all(
        rows.map(async (row) => toStaff(row, await identityStore.listAssignments(db, row.id))),
      )
    },

    async getStaff(actor: Actor, staffId: string) {
      const row = await identityStore.findStaff(db, staffId)
      if (!row) throw new DomainError('IDENTITY_STAFF_NOT_FOUND')
      deps.guard.require(actor, 'identity.staff.read', {
        type: 'staff',
        id: row.id,
        departmentId: row.department_id,
      })
      return toStaff(row, await identityStore.listAssignments(db, row.id))
    },

    async assignRole(actor: Actor, staffId: string, role: string, departmentId: string | null) {
      deps.guard.require(actor, 'identity.role.assign', {
        type: 'staff',
        id: staffId,
        departmentId: null,
      })
      if (!isRole(role))
        throw validationFailed([
          fieldError('/role', 'unknown_role', { zh: '未知角色', en: 'Unknown role' }),
        ])
      const scope = ROLE_DEFINITIONS[role].scope
      if ((scope === 'department') !== (departmentId !== null) || scope === 'self')
        throw new DomainError('IDENTITY_ROLE_SCOPE_MISMATCH', { role })
      const staff = await identityStore.findStaff(db, staffId)
      if (!staff) throw new DomainError('IDENTITY_STAFF_NOT_FOUND')
      if (departmentId && !(await identityStore.findDepartment(db, departmentId)))
        throw new DomainError('IDENTITY_DEPARTMENT_NOT_FOUND')
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        const held = await identityStore.listAssignments(trx, staffId)
        if (
          SEPARATED.includes(role) &&
          held.some((h) => h.role !== role && SEPARATED.includes(h.role as Role))
        )
          throw new DomainError('IDENTITY_ROLES_NOT_SEPARATED')
        if (held.some((h) => h.role === role && h.department_id === (departmentId ?? ''))) return
        await identityStore.insertAssignment(trx, {
          id: uuidv7(),
          staff_id: staffId,
          role,
          department_id: departmentId ?? '',
          created_at: now,
          updated_at: now,
        })
        await deps.audit.record(trx, actor, {
          action: 'identity.role.assigned',
          subject: { type: 'staff', id: staffId },
          after: { role, departmentId },
        })
      })
      return this.getStaff(actor, staffId)
    },

    async revokeRole(actor: Actor, staffId: string, role: string, departmentId: string | null) {
      deps.guard.require(actor, 'identity.role.assign', {
        type: 'staff',
        id: staffId,
        departmentId: null,
      })
      await db.transaction().execute(async (trx) => {
        const removed = await identityStore.deleteAssignment(trx, staffId, role, departmentId ?? '')
        if (Number(removed.numDeletedRows) === 0) return
        await deps.audit.record(trx, actor, {
          action: 'identity.role.revoked',
          subject: { type: 'staff', id: staffId },
          before: { role, departmentId },
        })
      })
    },

    async unlockStaff(actor: Actor, staffId: string) {
      deps.guard.require(actor, 'identity.staff.lock', {
        type: 'staff',
        id: staffId,
        departmentId: null,
      })
      const staff = await identityStore.findStaff(db, staffId)
      if (!staff) throw new DomainError('IDENTITY_STAFF_NOT_FOUND')
      await db.transaction().execute(async (trx) => {
        await identityStore.setSignInState(trx, 'identity_staff', staffId, {
          failed_attempts: 0,
          locked_until: null,
          updated_at: deps.clock.now().toISOString(),
        })
        await deps.audit.record(trx, actor, {
          action: 'identity.staff.unlocked',
          subject: { type: 'staff', id: staffId },
          before: { lockedUntil: staff.locked_until },
        })
      })
    },
  }
}

export type OrganisationService = ReturnType<typeof createOrganisationService>
