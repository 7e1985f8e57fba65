import type { Problem } from '../../api/client'
import type { FieldErrors } from '../../components/schema-form-rules'

/** The server's field problems (pointers under /form) keyed as the form keys its fields. */
export function serverFieldErrors(problem: Problem): FieldErrors {
  const errors: FieldErrors = {}
  for (const e of problem.errors ?? []) {
    const pointer = e.pointer.startsWith('/form/') ? e.pointer.slice('/form'.length) : e.pointer
    errors[pointer] = e.message
  }
  return errors
}
