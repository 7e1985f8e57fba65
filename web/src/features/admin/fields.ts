import type { FormInstance } from 'antd'
import { ApiError } from '../../api/client'

/**
 * Puts a refused request's field errors (problem+json `errors`, pointers like /body/account)
 * on the form's fields; returns whether any field took one.
 */
export function showFieldErrors(
  form: FormInstance,
  names: readonly string[],
  error: unknown,
  text: (m: { zh: string; en: string }) => string,
): boolean {
  if (!(error instanceof ApiError)) return false
  const byField = new Map<string, string[]>()
  for (const e of error.problem.errors ?? []) {
    const name = e.pointer
      .replace(/^\/body/, '')
      .split('/')
      .filter(Boolean)[0]
    if (!name || !names.includes(name)) continue
    byField.set(name, [...(byField.get(name) ?? []), text(e.message)])
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })))
  return byField.size > 0
}
