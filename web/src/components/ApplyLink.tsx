import { Link } from 'react-router'
import { useLocalized } from '../i18n/localized'
import './schema-form.css'

/** 在线办理: opens the application wizard of a bundle or an item. */
export function ApplyLink({ kind, code }: { kind: 'bundles' | 'items'; code: string }) {
  const text = useLocalized()
  return (
    <Link to={`/apply/${kind}/${encodeURIComponent(code)}`} className="apply-link">
      {text({ zh: '在线办理', en: 'Apply online' })}
    </Link>
  )
}
