import type { Actor } from '../../platform/auth/principal.js'
import { DomainError } from '../../platform/errors.js'
import { identityDb, type IdentityDeps } from './identity.deps.js'
import type { PreferencesRow } from './identity.tables.js'
import { preferencesStore } from './preferences.store.js'

export type Locale = 'zh-CN' | 'en'

/** A user's own display settings: 适老化 (elderly mode) and the language of the web app. */
export interface Preferences {
  elderlyMode: boolean
  locale: Locale | null
}

const DEFAULTS: Preferences = { elderlyMode: false, locale: null }

const toPreferences = (row: PreferencesRow | undefined): Preferences =>
  row ? { elderlyMode: row.elderly_mode === 1, locale: row.locale as Locale | null } : DEFAULTS

function signedIn(actor: Actor) {
  if (!actor.principal) throw new DomainError('PLATFORM_UNAUTHENTICATED')
  return actor.principal
}

/** Reading and changing the caller's own preferences; a change is audited in its transaction. */
export function createPreferencesService(deps: IdentityDeps) {
  const db = identityDb(deps)
  return {
    async get(actor: Actor): Promise<Preferences> {
      return toPreferences(await preferencesStore.find(db, signedIn(actor).id))
    },

    async change(actor: Actor, patch: Partial<Preferences>): Promise<Preferences> {
      const principal = signedIn(actor)
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
        const row = await preferencesStore.find(trx, principal.id)
        const before = toPreferences(row)
        const after: Preferences = {
          elderlyMode: patch.elderlyMode ?? before.elderlyMode,
          locale: patch.locale === undefined ? before.locale : patch.locale,
        }
        if (row && before.elderlyMode === after.elderlyMode && before.locale === after.locale)
          return after
        await preferencesStore.save(trx, {
          id: principal.id,
          subject_kind: principal.kind,
          elderly_mode: after.elderlyMode ? 1 : 0,
          locale: after.locale,
          created_at: row?.created_at ?? now,
          updated_at: now,
        })
        await deps.audit.record(trx, actor, {
          action: 'identity.preferences.changed',
          subject: { type: principal.kind, id: principal.id },
          before: { ...before },
          after: { ...after },
        })
        return after
      })
    },
  }
}

export type PreferencesService = ReturnType<typeof createPreferencesService>
