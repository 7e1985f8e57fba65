import { useSyncExternalStore } from 'react'

/** What a sign-in leaves: the tokens, and whether they outlive the browser (记住这台设备). */
export interface Session {
  accessToken: string
  refreshToken: string
  remember: boolean
}

const KEY = 'tongban.session'
const listeners = new Set<() => void>()

function read(): Session | null {
  const raw = localStorage.getItem(KEY) ?? sessionStorage.getItem(KEY)
  if (!raw) return null
  try {
    return JSON.parse(raw) as Session
  } catch {
    return null
  }
}

let current = read()

/**
 * Keeps the session: in localStorage when the user asked to remember this device, otherwise in
 * sessionStorage, gone when the browser closes.
 */
export function setSession(session: Session | null): void {
  localStorage.removeItem(KEY)
  sessionStorage.removeItem(KEY)
  if (session)
    (session.remember ? localStorage : sessionStorage).setItem(KEY, JSON.stringify(session))
  current = session
  for (const listener of listeners) listener()
}

export const getSession = (): Session | null => current

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession)
}
