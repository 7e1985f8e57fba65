import { describe, expect, it } from 'vitest'
import { createAuthorizer } from './authorizer.js'
import { admin, citizen, inDept, request, staff } from './test-fixtures.js'

const { authorize } = createAuthorizer({ validateRequests: true })
const editorOfA = staff('s1', { role: 'catalog_editor', departmentId: 'A' })

describe('department-scoped roles', () => {
  it('permits a catalog editor to create an item in their department', () => {
    const decision = authorize(request(editorOfA, 'catalog.item.create', inDept('A')))
    expect(decision).toEqual({ allowed: true, reasons: ['role.catalog_editor'], errors: [] })
  })

  it('denies a catalog editor of department A creating in department B', () => {
    expect(authorize(request(editorOfA, 'catalog.item.create', inDept('B'))).allowed).toBe(false)
  })

  it('denies a catalog editor publishing, even in their own department', () => {
    expect(authorize(request(editorOfA, 'catalog.item.publish', inDept('A'))).allowed).toBe(false)
  })

  it('denies publishing in department B to a publisher of department A', () => {
    const publisher = staff('s2', { role: 'catalog_publisher', departmentId: 'A' })
    expect(authorize(request(publisher, 'catalog.item.publish', inDept('A'))).allowed).toBe(true)
    expect(authorize(request(publisher, 'catalog.item.publish', inDept('B'))).allowed).toBe(false)
  })

  it('permits each role only in the departments it was granted in', () => {
    const mixed = staff(
      's3',
      { role: 'dept_staff', departmentId: 'A' },
      { role: 'dept_approver', departmentId: 'B' },
    )
    const decide = (dept: string) =>
      authorize(request(mixed, 'application.task.decide', inDept(dept, 'application.task')))
    expect(decide('B')).toMatchObject({ allowed: true, reasons: ['role.dept_approver'] })
    expect(decide('A').allowed).toBe(false)
  })

  it('lists every permitting policy as a reason', () => {
    const both = staff(
      's4',
      { role: 'catalog_editor', departmentId: 'A' },
      { role: 'catalog_publisher', departmentId: 'A' },
    )
    const { reasons } = authorize(request(both, 'catalog.item.read', inDept('A')))
    expect([...reasons].sort()).toEqual(['role.catalog_editor', 'role.catalog_publisher'])
  })

  it('denies department roles on platform-wide resources', () => {
    const deptAdmin = staff('s5', { role: 'dept_admin', departmentId: 'A' })
    const platformStaffRecord = inDept(null, 'identity.staff')
    expect(authorize(request(deptAdmin, 'identity.staff.read', platformStaffRecord)).allowed).toBe(
      false,
    )
  })
})

describe('platform roles (三员分立)', () => {
  it('denies the system admin reading or verifying audit', () => {
    const sysadmin = admin('a1', 'system_admin')
    const auditLog = inDept(null, 'audit.log')
    expect(authorize(request(sysadmin, 'audit.read', auditLog)).allowed).toBe(false)
    expect(authorize(request(sysadmin, 'audit.verify', auditLog)).allowed).toBe(false)
  })

  it('permits the system admin to load the calendar platform-wide', () => {
    const sysadmin = admin('a1', 'system_admin')
    expect(authorize(request(sysadmin, 'calendar.load', inDept(null, 'calendar'))).allowed).toBe(
      true,
    )
  })

  it('permits the auditor to read audit but denies any change', () => {
    const auditor = admin('a2', 'auditor')
    expect(authorize(request(auditor, 'audit.read', inDept(null, 'audit.log'))).allowed).toBe(true)
    expect(authorize(request(auditor, 'catalog.item.create', inDept('A'))).allowed).toBe(false)
    expect(authorize(request(auditor, 'identity.role.assign', inDept('A'))).allowed).toBe(false)
  })

  it('permits the security admin to assign roles but denies publishing', () => {
    const security = admin('a3', 'security_admin')
    const staffRecord = inDept('A', 'identity.staff')
    expect(authorize(request(security, 'identity.role.assign', staffRecord))).toEqual({
      allowed: true,
      reasons: ['role.security_admin'],
      errors: [],
    })
    expect(authorize(request(security, 'catalog.item.publish', inDept('A'))).allowed).toBe(false)
  })

  it('ignores a platform role held by a staff account', () => {
    const staffAuditor = staff('s6', { role: 'auditor', departmentId: null })
    expect(authorize(request(staffAuditor, 'audit.read', inDept(null))).allowed).toBe(false)
  })
})

describe('self-service roles', () => {
  const profile = (ownerId: string) => ({ type: 'identity.person', id: ownerId, ownerId })

  it('permits a citizen to read their own profile', () => {
    expect(authorize(request(citizen('p1'), 'identity.self.read', profile('p1')))).toEqual({
      allowed: true,
      reasons: ['role.citizen'],
      errors: [],
    })
  })

  it("denies a citizen reading another person's profile", () => {
    expect(authorize(request(citizen('p1'), 'identity.self.read', profile('p2'))).allowed).toBe(
      false,
    )
  })

  it('denies a citizen on a resource without an owner', () => {
    expect(authorize(request(citizen('p1'), 'application.read', inDept('A'))).allowed).toBe(false)
  })

  it('does not let a staff account with the same id act as the owner', () => {
    const namesake = staff('p1', { role: 'dept_staff', departmentId: 'A' })
    expect(authorize(request(namesake, 'identity.self.read', profile('p1'))).allowed).toBe(false)
  })
})
