import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { api } from '../../api/client'
import type { FormValue } from '../../components/schema-form-rules'

export type Kind = 'item' | 'bundle'
export type DraftState =
  { status: 'loading' } | { status: 'ready'; resumedAt: string | null; form: FormValue }

const AUTOSAVE_MS = 1200

/** The saved draft of this item or bundle (for the chosen party), read fresh each time. */
export function useDraft(code: string, enterpriseId: string | undefined): DraftState {
  const draft = useQuery({
    queryKey: ['application-draft', code, enterpriseId ?? ''],
    staleTime: 0,
    gcTime: 0,
    retry: false,
    queryFn: async () => {
      const { data } = await api.GET('/api/v1/approval/application-drafts/{code}', {
        params: { path: { code }, query: enterpriseId ? { enterpriseId } : {} },
      })
      return data ?? null
    },
  })
  if (draft.isPending) return { status: 'loading' }
  return {
    status: 'ready',
    resumedAt: draft.data?.updatedAt ?? null,
    form: draft.data?.form ?? {},
  }
}

/** Saves the form a moment after the applicant stops typing; says when it last succeeded. */
export function useAutosave(kind: Kind, code: string, enterpriseId: string | undefined) {
  const [savedAt, setSavedAt] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // A save already on its way finishes before a discard, so it cannot bring the draft back.
  const inflight = useRef<Promise<unknown>>(Promise.resolve())
  useEffect(() => () => clearTimeout(timer.current), [])
  const schedule = (form: FormValue) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      inflight.current = api
        .PUT('/api/v1/approval/application-drafts/{code}', {
          params: { path: { code } },
          body: { kind, form, ...(enterpriseId ? { enterpriseId } : {}) },
        })
        .then(({ data }) => {
          setFailed(!data)
          if (data) setSavedAt(data.updatedAt)
        })
    }, AUTOSAVE_MS)
  }
  const cancel = () => clearTimeout(timer.current)
  const discard = async () => {
    cancel()
    setSavedAt(null)
    await inflight.current
    await api.DELETE('/api/v1/approval/application-drafts/{code}', {
      params: { path: { code }, query: enterpriseId ? { enterpriseId } : {} },
    })
  }
  return { savedAt, failed, schedule, cancel, discard }
}
