import { v7 as uuidv7 } from 'uuid'
import type { Actor } from '../../platform/auth/principal.js'
import { hashPassword } from '../../platform/auth/password.js'
import { isUniqueViolation } from '../../platform/db/database.js'
import { DomainError } from '../../platform/errors.js'
import { maskIdNumber, maskPhone } from '../../platform/standards/index.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import { identityStore } from './identity.store.js'
import { checkPersonRegistration, type PersonRegistration } from './person-input.js'

export interface RegisteredPerson {
  id: string
  name: string
  idNumberMasked: string
  phoneMasked: string
  birthDate: string
  sex: 'male' | 'female'
}

/** Register once: a citizen's account, keyed by the ID number, usable on every channel. */
export function createRegistrationService(deps: IdentityDeps) {
  const db = identityDb(deps)
  return {
    async registerPerson(actor: Actor, input: PersonRegistration): Promise<RegisteredPerson> {
      const now = deps.clock.now()
      const checked = checkPersonRegistration(input, now)
      const idIndex = deps.cipher.blindIndex(checked.id.idNumber)
      const passwordHash = await hashPassword(input.password, deps.passwordHashCost)
      const person: RegisteredPerson = {
        id: uuidv7(),
        name: checked.name,
        idNumberMasked: maskIdNumber(checked.id.idNumber),
        phoneMasked: maskPhone(checked.phone),
        birthDate: checked.id.birthDate,
        sex: checked.id.sex,
      }
      try {
        await db.transaction().execute(async (trx) => {
          if (await identityStore.findPersonByIdIndex(trx, idIndex)) {
            throw new DomainError('IDENTITY_PERSON_ALREADY_REGISTERED')
          }
          await identityStore.insertPerson(trx, {
            id: person.id,
            name: person.name,
            id_number_enc: deps.cipher.encrypt(checked.id.idNumber),
            id_number_index: idIndex,
            phone_enc: deps.cipher.encrypt(checked.phone),
            phone_index: deps.cipher.blindIndex(checked.phone),
            birth_date: checked.id.birthDate,
            sex: checked.id.sex,
            division_code: checked.id.divisionCode,
            password_hash: passwordHash,
            failed_attempts: 0,
            locked_until: null,
            version: 1,
            created_at: now.toISOString(),
            updated_at: now.toISOString(),
          })
          await deps.audit.record(trx, actor, {
            action: 'identity.person.registered',
            subject: { type: 'person', id: person.id },
            after: { name: person.name, idNumber: person.idNumberMasked, channel: actor.channel },
          })
        })
      } catch (error) {
        if (isUniqueViolation(error)) throw new DomainError('IDENTITY_PERSON_ALREADY_REGISTERED')
        throw error
      }
      return person
    },

    async getPerson(actor: Actor, personId: string): Promise<RegisteredPerson> {
      deps.guard.require(actor, 'identity.self.read', {
        type: 'person',
        id: personId,
        ownerId: personId,
      })
      const row = await identityStore.findPerson(db, personId)
      if (!row) throw new DomainError('IDENTITY_PERSON_NOT_FOUND')
      return {
        id: row.id,
        name: row.name,
        idNumberMasked: maskIdNumber(deps.cipher.decrypt(row.id_number_enc)),
        phoneMasked: maskPhone(deps.cipher.decrypt(row.phone_enc)),
        birthDate: row.birth_date,
        sex: row.sex === 'female' ? 'female' : 'male',
      }
    },
  }
}

export type RegistrationService = ReturnType<typeof createRegistrationService>
