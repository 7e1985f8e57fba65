import type { RoleAssignment } from '../../platform/auth/principal.js'

/**
 * A short-lived, per-instance memory of sessions found live, so an authenticated request does
 * not query the database each time. Revocations on this instance take effect at once (they
 * `forget`); on other instances within `ttlMs`. Role changes are seen within `ttlMs` too.
 */
export function createLiveSessionCache(options: {
  ttlMs: number
  limit: number
  now: () => number
}) {
  const entries = new Map<
    string,
    { subjectId: string; assignments: RoleAssignment[]; until: number }
  >()
  return {
    get(sessionId: string) {
      const entry = entries.get(sessionId)
      if (!entry) return null
      if (entry.until > options.now()) return entry
      entries.delete(sessionId)
      return null
    },
    remember(sessionId: string, subjectId: string, assignments: RoleAssignment[]) {
      if (options.ttlMs <= 0) return
      if (entries.size >= options.limit) entries.delete(entries.keys().next().value ?? '')
      entries.set(sessionId, { subjectId, assignments, until: options.now() + options.ttlMs })
    },
    forgetSession(sessionId: string) {
      entries.delete(sessionId)
    },
    forgetSubject(subjectId: string) {
      for (const [id, entry] of entries) if (entry.subjectId === subjectId) entries.delete(id)
    },
  }
}
