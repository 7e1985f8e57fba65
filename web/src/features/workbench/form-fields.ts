/** One leaf of the application form: its JSON Pointer, a readable label and its value. */
export interface FormLeaf {
  pointer: string
  label: string
  value: string
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

/** Flattens the form the step may see into leaves, objects and arrays by their pointers. */
export function formLeaves(form: unknown, pointer = ''): FormLeaf[] {
  if (Array.isArray(form)) {
    if (form.length === 0) return [{ pointer, label: label(pointer), value: '—' }]
    return form.flatMap((value, index) => formLeaves(value, `${pointer}/${index}`))
  }
  if (form !== null && typeof form === 'object')
    return Object.entries(form).flatMap(([key, value]) =>
      formLeaves(value, `${pointer}/${escape(key)}`),
    )
  return [
    {
      pointer,
      label: label(pointer),
      value:
        typeof form === 'string'
          ? form
          : form === null || form === undefined
            ? '—'
            : JSON.stringify(form),
    },
  ]
}

function label(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' › ')
}
