import { Button, Checkbox, Form, Input, Radio } from 'antd'
import type { ReactNode } from 'react'
import { useLocalized } from '../i18n/localized'
import { Panel } from './Panel'
import './schema-form.css'
import {
  requiredFields,
  visibleFields,
  type FieldErrors,
  type FieldSchema,
  type FormValue,
} from './schema-form-rules'

const TEXT = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  choose: { zh: '请选择', en: 'Choose' },
  add: { zh: '添加一项', en: 'Add one' },
  remove: { zh: '删除此项', en: 'Remove' },
  item: { zh: '第 {n} 项', en: 'No. {n}' },
}

interface Props {
  schema: FieldSchema
  value: FormValue
  onChange: (value: FormValue) => void
  /** Problems to show, by JSON pointer (only those the applicant has reached). */
  errors: FieldErrors
  onBlur?: (pointer: string) => void
  /** Only these pointers are shown (a correction asks for a few fields only). */
  only?: string[]
}

/** A scalar shown in an input; anything else shows empty. */
const asText = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : ''

const idOf = (pointer: string) => `f${pointer.replaceAll('/', '-')}`

/** A form generated from a JSON Schema: one panel per section, fields by type, inline reasons. */
export function SchemaForm(props: Props) {
  return (
    <Form layout="vertical" component="div" requiredMark>
      <ObjectFields {...props} pointer="" depth={0} />
    </Form>
  )
}

interface ObjectProps extends Props {
  pointer: string
  depth: number
}

function ObjectFields(props: ObjectProps) {
  const { schema, value, onChange, pointer, only } = props
  const required = requiredFields(schema, value)
  const set = (name: string, v: unknown) => onChange({ ...value, [name]: v })
  const fields = visibleFields(schema, value).filter(
    (name) =>
      !only || only.some((p) => p.startsWith(`${pointer}/${name}/`) || p === `${pointer}/${name}`),
  )
  return (
    <>
      {fields.map((name) => {
        const s = schema.properties?.[name] ?? {}
        const at = `${pointer}/${name}`
        if (s.type === 'object')
          return (
            <Section key={name} schema={s} depth={props.depth}>
              <ObjectFields
                {...props}
                schema={s}
                value={(value[name] ?? {}) as FormValue}
                onChange={(v) => set(name, v)}
                pointer={at}
                depth={props.depth + 1}
              />
            </Section>
          )
        return (
          <Field
            key={name}
            {...props}
            schema={s}
            name={name}
            pointer={at}
            required={required.has(name)}
            value={value[name]}
            onChange={(v) => set(name, v)}
          />
        )
      })}
    </>
  )
}

function Section({
  schema,
  depth,
  children,
}: {
  schema: FieldSchema
  depth: number
  children: ReactNode
}) {
  const text = useLocalized()
  const title = schema.title ?? ''
  if (depth > 0)
    return (
      <fieldset className="schema-form-group">
        <legend>{title}</legend>
        {children}
      </fieldset>
    )
  return (
    <Panel
      title={text({ zh: title, en: schema.description ?? title })}
      className="schema-form-section"
    >
      {children}
    </Panel>
  )
}

interface FieldProps extends Omit<Props, 'value' | 'onChange'> {
  name: string
  pointer: string
  required: boolean
  value: unknown
  onChange: (value: unknown) => void
  depth: number
}

function Field(props: FieldProps) {
  const { schema: s, pointer, errors, name } = props
  const text = useLocalized()
  const error = errors[pointer]
  const id = idOf(pointer)
  const help = s.readOnly ? text({ zh: '由平台自动回填', en: s.description ?? '' }) : undefined
  return (
    <Form.Item
      label={s.title ?? name}
      htmlFor={id}
      required={props.required}
      validateStatus={error ? 'error' : undefined}
      help={error ? <span id={`${id}-error`}>{text(error)}</span> : help}
    >
      <Control {...props} id={id} invalid={Boolean(error)} />
    </Form.Item>
  )
}

function Control(props: FieldProps & { id: string; invalid: boolean }) {
  const { schema: s, value, onChange, id, pointer, invalid } = props
  const text = useLocalized()
  const blur = () => props.onBlur?.(pointer)
  const aria = {
    id,
    'aria-invalid': invalid || undefined,
    'aria-describedby': invalid ? `${id}-error` : undefined,
    onBlur: blur,
  }
  if (s.readOnly) return <Input {...aria} value={asText(value)} disabled />
  if (s.type === 'boolean')
    return (
      <Radio.Group
        id={id}
        aria-label={s.title}
        role="radiogroup"
        value={value}
        onChange={(e) => {
          onChange(e.target.value)
          blur()
        }}
      >
        <Radio value={true}>{text(TEXT.yes)}</Radio>
        <Radio value={false}>{text(TEXT.no)}</Radio>
      </Radio.Group>
    )
  if (s.type === 'array' && s.items?.oneOf)
    return (
      <div id={id} role="group" aria-label={s.title}>
        <Checkbox.Group
          value={(value ?? []) as string[]}
          options={s.items.oneOf.map((o) => ({
            value: String(o.const),
            label: o.title ?? String(o.const),
          }))}
          onChange={(v) => {
            onChange(v)
            blur()
          }}
        />
      </div>
    )
  if (s.type === 'array' && s.items?.type === 'object') return <Rows {...props} />
  if (s.oneOf)
    return (
      <select
        {...aria}
        className="schema-form-select"
        value={asText(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">{text(TEXT.choose)}</option>
        {s.oneOf.map((o) => (
          <option key={String(o.const)} value={String(o.const)}>
            {o.title ?? String(o.const)}
          </option>
        ))}
      </select>
    )
  if (s.type === 'integer' || s.type === 'number')
    return (
      <Input
        {...aria}
        type="number"
        inputMode="numeric"
        value={asText(value)}
        onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}
      />
    )
  const str = asText(value)
  const change = (v: string) => onChange(v === '' ? undefined : v)
  if ((s.maxLength ?? 0) > 200)
    return (
      <Input.TextArea {...aria} rows={3} value={str} onChange={(e) => change(e.target.value)} />
    )
  return (
    <Input
      {...aria}
      type={s.format === 'date' ? 'date' : 'text'}
      value={str}
      onChange={(e) => change(e.target.value)}
    />
  )
}

/** An array of objects (股东): one group per row, added and removed by the applicant. */
function Rows(props: FieldProps) {
  const { schema: s, value, onChange, pointer } = props
  const text = useLocalized()
  const rows = (Array.isArray(value) ? value : []) as FormValue[]
  const item = s.items ?? {}
  return (
    <div className="schema-form-rows">
      {rows.map((row, i) => (
        <fieldset key={i} className="schema-form-group">
          <legend>
            {s.title ?? props.name} {text(TEXT.item).replace('{n}', String(i + 1))}
          </legend>
          <ObjectFields
            {...props}
            schema={item}
            value={row}
            onChange={(v) => onChange(rows.map((r, j) => (j === i ? v : r)))}
            pointer={`${pointer}/${i}`}
            depth={props.depth + 1}
          />
          <Button onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            {text(TEXT.remove)}
          </Button>
        </fieldset>
      ))}
      {rows.length < (s.maxItems ?? 50) && (
        <Button onClick={() => onChange([...rows, {}])}>{text(TEXT.add)}</Button>
      )}
    </div>
  )
}
