import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import { moduleDb, type RootDb } from '../../platform/db/database.js'
import { registerMessages } from '../../platform/i18n/i18n.js'
import { maskPhone } from '../../platform/standards/index.js'
import { createEnterpriseService } from './enterprise.service.js'
import { IDENTITY_MESSAGES } from './identity.errors.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityRoutes } from './identity.routes.js'
import { identityStore } from './identity.store.js'
import type { IdentityTables } from './identity.tables.js'
import { createIdentityTables } from './migrations/2026-11-29T1310-create-identity-tables.js'
import { createIdentityPreferences } from './migrations/2026-12-02T0900-create-identity-preferences.js'
import { createColleaguesService } from './colleagues.service.js'
import { createOrganisationService, toDepartment } from './organisation.service.js'
import { createPreferencesService } from './preferences.service.js'
import { createRegistrationService } from './registration.service.js'
import { createSessionIssuer } from './session-issuer.js'
import { createSignInService } from './sign-in.service.js'

export type { IdentityDeps } from './identity.deps.js'

/** This module's tables, in order. */
export const identityMigrations = [createIdentityTables, createIdentityPreferences]

/** Builds the identity context: people, enterprises, staff, departments, sessions. */
export function createIdentityModule(deps: IdentityDeps) {
  registerMessages(IDENTITY_MESSAGES)
  const db = identityDb(deps)
  // Reads for another module inside its open transaction (SQLite has a single connection).
  const on = (within?: RootDb) => (within ? moduleDb<IdentityTables>(within) : db)
  const services = {
    registration: createRegistrationService(deps),
    signIn: createSignInService(deps),
    sessions: createSessionIssuer(deps),
    organisation: createOrganisationService(deps),
    colleagues: createColleaguesService(deps),
    enterprises: createEnterpriseService(deps),
    preferences: createPreferencesService(deps),
  }
  const asRef = (row: Parameters<typeof toDepartment>[0] | undefined) => {
    if (!row) return null
    const d = toDepartment(row)
    return { id: d.id, code: d.code, name: d.name }
  }
  return {
    ...services,
    /** Resolves a bearer token to the caller (null when invalid, expired or signed out). */
    resolvePrincipal: (token: string) => services.sessions.resolvePrincipal(token),
    /** Department look-ups for other modules (the catalogue's implementing departments). */
    departments: {
      findByCode: async (code: string) => asRef(await identityStore.findDepartmentByCode(db, code)),
      findById: async (id: string) => asRef(await identityStore.findDepartment(db, id)),
    },
    /** Who applicants are, for other modules (the approval engine's licence holders and agents). */
    parties: {
      isAgent: (enterpriseId: string, personId: string, within?: RootDb) =>
        identityStore.isAgent(on(within), enterpriseId, personId),
      findEnterprise: async (id: string, within?: RootDb) => {
        const row = await identityStore.findEnterprise(on(within), id)
        return row ? { id: row.id, name: row.name, creditCode: row.credit_code } : null
      },
      /** What the register says of an enterprise (policy matching's platform facts). */
      findEnterpriseProfile: async (creditCode: string, within?: RootDb) => {
        const row = await identityStore.findEnterpriseByCreditCode(on(within), creditCode)
        return row ? toEnterpriseProfile(row) : null
      },
      /** Registered enterprises in credit-code order after `after`, `limit` at a time. */
      listEnterpriseProfiles: async (after: string, limit: number, within?: RootDb) =>
        (await identityStore.listEnterprisesAfter(on(within), after, limit)).map(
          toEnterpriseProfile,
        ),
      /** The ID number is decrypted: callers print it on licences, never in logs. */
      findPerson: async (id: string, within?: RootDb) => {
        const row = await identityStore.findPerson(on(within), id)
        return row
          ? { id: row.id, name: row.name, idNumber: deps.cipher.decrypt(row.id_number_enc) }
          : null
      },
      /**
       * Where to text a person: the keyed index of their phone and its masked form, never the
       * number itself (the notifier's outbox stores only these).
       */
      contactOf: async (personId: string, within?: RootDb) => {
        const row = await identityStore.findPerson(on(within), personId)
        return row
          ? {
              recipientIndex: row.phone_index,
              recipientMasked: maskPhone(deps.cipher.decrypt(row.phone_enc)),
            }
          : null
      },
      /** A registered person by ID number (looked up by its keyed blind index). */
      findPersonByIdNumber: async (idNumber: string, within?: RootDb) => {
        const row = await identityStore.findPersonByIdIndex(
          on(within),
          deps.cipher.blindIndex(idNumber.trim().toUpperCase()),
        )
        return row ? { id: row.id, name: row.name } : null
      },
      /** Whether a staff member holds a role in a department (转办、委派、加签 targets). */
      holdsRole: async (staffId: string, role: string, departmentId: string, within?: RootDb) =>
        (await identityStore.listAssignments(on(within), staffId)).some(
          (a) => a.role === role && a.department_id === departmentId,
        ),
      findDepartment: async (id: string, within?: RootDb) => {
        const row = await identityStore.findDepartment(on(within), id)
        return row ? { id: row.id, name: row.name_zh, creditCode: row.credit_code } : null
      },
    },
    /** Whether the database already holds departments (the demo seed runs only when empty). */
    isEmpty: async () => (await identityStore.listDepartments(db)).length === 0,
    /** The Fastify plugin and its options, registered by the composition root. */
    routes: (actorOf: (request: FastifyRequest) => Actor, authRateLimitPerMinute: number) => ({
      plugin: identityRoutes,
      options: { ...services, actorOf, authRateLimitPerMinute },
    }),
  }
}

export type IdentityModule = ReturnType<typeof createIdentityModule>

/** An enterprise as the register holds it; capital in yuan, as a decimal string. */
export interface EnterpriseProfile {
  id: string
  name: string
  creditCode: string
  legalRepresentativeId: string
  industryCode: string
  registeredCapital: string
  establishedOn: string
}

function toEnterpriseProfile(row: {
  id: string
  name: string
  credit_code: string
  legal_representative_id: string
  industry_code: string
  registered_capital: string
  established_on: string
}): EnterpriseProfile {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    legalRepresentativeId: row.legal_representative_id,
    industryCode: row.industry_code,
    registeredCapital: row.registered_capital,
    establishedOn: row.established_on,
  }
}
