import { fieldError, validationFailed } from '../../platform/errors.js'
import { valueAt } from './form-merge.js'

/**
 * Per-step field permissions (tongban:visibleFields / tongban:editableFields on the BPMN user
 * task): a step sees only its visible fields and may set only its editable ones.
 */
export function refuseUneditable(
  variables: Record<string, unknown>,
  editableFields: readonly string[],
): void {
  const refused = Object.keys(variables).filter((key) => !editableFields.includes(`/${key}`))
  if (refused.length > 0)
    throw validationFailed(
      refused.map((key) =>
        fieldError(`/variables/${key}`, 'not_editable', {
          zh: '本环节不能修改此字段',
          en: 'This step may not change this field',
        }),
      ),
    )
}

/** The form as a step sees it: every field when the step names none, else only its own. */
export function visibleForm(
  form: Record<string, unknown>,
  visibleFields: readonly string[] | null,
): Record<string, unknown> {
  if (visibleFields === null) return form
  const seen: Record<string, unknown> = {}
  for (const pointer of visibleFields) {
    const value = valueAt(form, pointer)
    if (value === undefined) continue
    const path = pointer.slice(1).split('/')
    let target = seen
    for (const [i, key] of path.entries()) {
      if (i === path.length - 1) target[key] = value
      else target = (target[key] ??= {}) as Record<string, unknown>
    }
  }
  return seen
}
