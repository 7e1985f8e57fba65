/** One leaf of the application form: its JSON Pointer, a readable label and its value. */
export interface FormLeaf {
  pointer: string
  label: string
  value: string
}

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1')

type Schema = Record<string, unknown>
const isSchema = (value: unknown): value is Schema =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * Flattens the form the step may see into leaves, objects and arrays by their pointers. With
 * the item's JSON Schema, each leaf is labelled by its fields' titles (zh) or descriptions (en).
 */
export function formLeaves(
  form: unknown,
  schema?: unknown,
  en = false,
  pointer = '',
  names: string[] = [],
): FormLeaf[] {
  const named = (key: string, inner: unknown) => {
    const title = isSchema(inner) ? (en ? inner.description : inner.title) : undefined
    return typeof title === 'string' && title !== '' ? title : key
  }
  const label = (list: string[]) => (list.length > 0 ? list.join(' › ') : plain(pointer))
  if (Array.isArray(form)) {
    if (form.length === 0) return [{ pointer, label: label(names), value: '—' }]
    const items = isSchema(schema) ? schema.items : undefined
    return form.flatMap((value, index) =>
      formLeaves(value, items, en, `${pointer}/${index}`, [...names, String(index + 1)]),
    )
  }
  if (form !== null && typeof form === 'object') {
    const properties = isSchema(schema) && isSchema(schema.properties) ? schema.properties : {}
    return Object.entries(form).flatMap(([key, value]) => {
      const inner = properties[key]
      return formLeaves(value, inner, en, `${pointer}/${escape(key)}`, [
        ...names,
        named(key, inner),
      ])
    })
  }
  return [
    {
      pointer,
      label: label(names),
      value:
        typeof form === 'string'
          ? form
          : form === null || form === undefined
            ? '—'
            : JSON.stringify(form),
    },
  ]
}

function plain(pointer: string): string {
  return pointer
    .split('/')
    .filter(Boolean)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join(' › ')
}
