import type { App } from './app.js'
import type { Actor, Principal, RoleAssignment } from './platform/auth/principal.js'
import { ROLES } from './platform/authz/index.js'
import { DEMO_BUNDLES, DEMO_ITEMS, DEMO_PROCESSES } from './modules/catalog/demo/index.js'
import { DEMO_ENTERPRISE_FACTS, loadDemoPolicies } from './modules/policy/demo/index.js'
import {
  DEMO_DEPARTMENTS,
  DEMO_ENTERPRISES,
  DEMO_PASSWORD,
  DEMO_PERSONS,
  DEMO_STAFF,
} from './modules/identity/demo/index.js'

function actorWith(id: string, kind: Principal['kind'], assignments: RoleAssignment[]): Actor {
  return {
    principal: { id, kind, sessionId: 'seed', channel: 'counter', assignments },
    requestId: 'seed-demo',
    channel: 'counter',
  }
}

/** A demo phone for staff, who have no phone in the demo data: 1390000 + a 4-digit number. */
const staffPhone = (index: number) => `1390000${String(1000 + index)}`

/**
 * Loads the demonstration city 示范市 through the services (so every row is validated and
 * audited like any other write): departments, staff and roles, citizens, enterprises, the
 * service items with their processes, and the three bundles.
 */
export async function seedDemo(app: App) {
  const platform = actorWith('seed', 'staff', [
    { role: 'system_admin', departmentId: null },
    { role: 'security_admin', departmentId: null },
  ])
  const departmentIds = new Map<string, string>()
  for (const d of DEMO_DEPARTMENTS) {
    const created = await app.identity.organisation.createDepartment(platform, {
      code: d.code,
      nameZh: d.name.zh,
      nameEn: d.name.en,
      creditCode: d.creditCode,
      address: d.address,
      phone: d.phone,
    })
    departmentIds.set(d.code, created.id)
  }
  for (const [i, s] of DEMO_STAFF.entries()) {
    const departmentId = s.departmentCode ? (departmentIds.get(s.departmentCode) ?? null) : null
    const staff = await app.identity.organisation.createStaff(platform, {
      account: s.account,
      name: s.name,
      departmentId,
      phone: staffPhone(i),
      password: DEMO_PASSWORD,
    })
    for (const role of s.roles)
      await app.identity.organisation.assignRole(platform, staff.id, role, departmentId)
  }
  const personIds = new Map<string, string>()
  for (const p of DEMO_PERSONS) {
    const person = await app.identity.registration.registerPerson(platform, {
      name: p.name,
      idNumber: p.idNumber,
      phone: p.phone,
      password: DEMO_PASSWORD,
    })
    personIds.set(p.idNumber, person.id)
  }
  for (const e of DEMO_ENTERPRISES) {
    const repId = personIds.get(e.legalRepresentativeIdNumber) ?? ''
    const rep = actorWith(repId, 'person', [
      { role: 'citizen', departmentId: null },
      { role: 'enterprise_agent', departmentId: null },
    ])
    const enterprise = await app.identity.enterprises.registerEnterprise(rep, {
      name: e.name,
      creditCode: e.creditCode,
      registeredAddress: e.registeredAddress,
      industryCode: e.industry.code,
      registeredCapital: e.registeredCapital,
      establishedOn: e.establishedOn,
    })
    for (const agent of e.agents.filter((a) => a !== e.legalRepresentativeIdNumber))
      await app.identity.enterprises.grantAgent(rep, enterprise.id, agent)
  }
  const catalogRoles = [...departmentIds.values()].flatMap((departmentId) => [
    { role: 'catalog_editor', departmentId },
    { role: 'catalog_publisher', departmentId },
  ])
  const editor = actorWith('seed', 'staff', catalogRoles)
  for (const content of DEMO_ITEMS) {
    const draft = await app.catalog.items.createDraft(editor, content)
    const xml = DEMO_PROCESSES[content.implementationCode]
    if (!xml) throw new Error(`demo item ${content.implementationCode} has no process`)
    await app.catalog.items.attachProcess(editor, draft.id, 1, xml)
    await app.catalog.items.publish(editor, draft.id, 1)
  }
  for (const bundle of DEMO_BUNDLES) {
    const lead =
      DEMO_ITEMS.find((i) => i.implementationCode === bundle.members[0]?.implementationCode)
        ?.departmentCode ?? 'data_bureau'
    const draft = await app.catalog.bundles.createDraft(editor, lead, bundle)
    await app.catalog.bundles.publish(editor, draft.id, 1)
  }
  // 惠企政策: the demo policies, published by their departments' policy officers, and the figures
  // a data officer imported for the demo enterprises; the matching job then runs on them.
  const policyOfficer = actorWith('seed', 'staff', [
    ...[...departmentIds.values()].map((departmentId) => ({
      role: 'policy_officer',
      departmentId,
    })),
    { role: 'data_officer', departmentId: departmentIds.get('data_bureau') ?? null },
  ])
  const policies = await loadDemoPolicies()
  for (const p of policies) {
    const draft = await app.policy.authoring.submit(policyOfficer, { source: p.yaml, files: p.dmn })
    await app.policy.authoring.publish(policyOfficer, draft.code, draft.revision)
  }
  await app.policy.facts.syncFromRegister()
  await app.policy.facts.importFacts(policyOfficer, [...DEMO_ENTERPRISE_FACTS])
  return {
    departments: DEMO_DEPARTMENTS.length,
    staff: DEMO_STAFF.length,
    persons: DEMO_PERSONS.length,
    enterprises: DEMO_ENTERPRISES.length,
    items: DEMO_ITEMS.length,
    bundles: DEMO_BUNDLES.length,
    policies: policies.length,
    roles: ROLES.length,
  }
}
