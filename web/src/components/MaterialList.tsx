import { useTranslation } from 'react-i18next'
import type { Localized } from '../api/types'
import { useLocalized } from '../i18n/localized'

export interface MaterialLine {
  name: Localized
  required: boolean
  copies: number
  form: 'electronic' | 'paper' | 'either'
  reusableLicence: boolean | string | null
}

/** The materials to prepare, required ones first, with the ones an e-licence replaces marked. */
export function MaterialList({ materials, id }: { materials: MaterialLine[]; id?: string }) {
  const { t } = useTranslation()
  const text = useLocalized()
  const sorted = [...materials].sort((a, b) => Number(b.required) - Number(a.required))
  return (
    <ul className="materials" id={id}>
      {sorted.map((m) => (
        <li key={m.name.zh}>
          <strong>{text(m.name)}</strong>
          {' · '}
          {m.required ? t('service.required') : t('service.optional')}
          {' · '}
          {t(`service.form.${m.form}`)}
          {m.copies > 0 ? ` · ${t('service.copies', { count: m.copies })}` : ''}
          {m.reusableLicence ? ` · ${t('service.reusableLicence')}` : ''}
        </li>
      ))}
    </ul>
  )
}
