import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError } from '../../platform/errors.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityStore } from './identity.store.js'
import type { EnterpriseRow } from './identity.tables.js'
import { requireCreditCode, requireIdNumber } from './standard-fields.js'

export interface NewEnterprise {
  name: string
  creditCode: string
  registeredAddress: string
  industryCode: string
  registeredCapital: string
  establishedOn: string
}

export function toEnterprise(row: EnterpriseRow) {
  return {
    id: row.id,
    name: row.name,
    creditCode: row.credit_code,
    legalRepresentativeId: row.legal_representative_id,
    registeredAddress: row.registered_address,
    industryCode: row.industry_code,
    registeredCapital: row.registered_capital,
    establishedOn: row.established_on,
  }
}

/** Enterprises and the people authorised to act for them (经办人). */
export function createEnterpriseService(deps: IdentityDeps) {
  const db = identityDb(deps)
  return {
    /** The signed-in person registers an enterprise they represent and becomes its first agent. */
    async registerEnterprise(actor: Actor, input: NewEnterprise) {
      const person = deps.guard.require(actor, 'identity.self.update', {
        type: 'person',
        id: actor.principal?.id ?? '',
        ownerId: actor.principal?.id ?? null,
      })
      const code = requireCreditCode(input.creditCode, '/creditCode')
      const now = deps.clock.now().toISOString()
      const row: EnterpriseRow = {
        id: uuidv7(),
        name: input.name.trim(),
        credit_code: code.creditCode,
        legal_representative_id: person.id,
        registered_address: input.registeredAddress,
        industry_code: input.industryCode,
        registered_capital: input.registeredCapital,
        established_on: input.establishedOn,
        created_at: now,
        updated_at: now,
      }
      try {
        await db.transaction().execute(async (trx) => {
          if (await identityStore.findEnterpriseByCreditCode(trx, row.credit_code))
            throw new DomainError('IDENTITY_ENTERPRISE_ALREADY_REGISTERED')
          await identityStore.insertEnterprise(trx, row)
          await identityStore.grantAgency(trx, {
            enterpriseId: row.id,
            personId: person.id,
            grantedBy: person.id,
            now,
          })
          await deps.audit.record(trx, actor, {
            action: 'identity.enterprise.registered',
            subject: { type: 'enterprise', id: row.id },
            after: toEnterprise(row),
          })
        })
      } catch (error) {
        if (isUniqueViolation(error))
          throw new DomainError('IDENTITY_ENTERPRISE_ALREADY_REGISTERED')
        throw error
      }
      return toEnterprise(row)
    },

    async getEnterprise(actor: Actor, enterpriseId: string) {
      // Permission first, so a caller who may not read it cannot tell whether the enterprise exists.
      const principal = actor.principal
      const isAgent =
        principal?.kind === 'person' &&
        (await identityStore.isAgent(db, enterpriseId, principal.id))
      deps.guard.require(actor, 'enterprise.profile.read', {
        type: 'enterprise',
        id: enterpriseId,
        ownerId: isAgent ? principal.id : null,
      })
      const row = await identityStore.findEnterprise(db, enterpriseId)
      if (!row) throw new DomainError('IDENTITY_ENTERPRISE_NOT_FOUND')
      return toEnterprise(row)
    },

    /** The legal representative authorises another registered person to act for the enterprise. */
    async grantAgent(actor: Actor, enterpriseId: string, agentIdNumber: string) {
      const row = await identityStore.findEnterprise(db, enterpriseId)
      if (!row) throw new DomainError('IDENTITY_ENTERPRISE_NOT_FOUND')
      deps.guard.require(actor, 'enterprise.profile.update', {
        type: 'enterprise',
        id: row.id,
        ownerId: row.legal_representative_id,
      })
      const id = requireIdNumber(agentIdNumber, '/idNumber')
      const agent = await identityStore.findPersonByIdIndex(db, deps.cipher.blindIndex(id.idNumber))
      if (!agent) throw new DomainError('IDENTITY_PERSON_NOT_FOUND')
      const now = deps.clock.now().toISOString()
      await db.transaction().execute(async (trx) => {
        if (await identityStore.isAgent(trx, row.id, agent.id)) return
        await identityStore.grantAgency(trx, {
          enterpriseId: row.id,
          personId: agent.id,
          grantedBy: actor.principal?.id ?? '',
          now,
        })
        await deps.audit.record(trx, actor, {
          action: 'identity.agent.granted',
          subject: { type: 'enterprise', id: row.id },
          after: { agentId: agent.id },
        })
      })
      return { enterpriseId: row.id, agentId: agent.id }
    },

    async listMyEnterprises(actor: Actor) {
      const principal = deps.guard.require(actor, 'identity.self.read', {
        type: 'person',
        id: actor.principal?.id ?? '',
        ownerId: actor.principal?.id ?? null,
      })
      return (await identityStore.listEnterprisesOf(db, principal.id)).map(toEnterprise)
    },
  }
}

export type EnterpriseService = ReturnType<typeof createEnterpriseService>
