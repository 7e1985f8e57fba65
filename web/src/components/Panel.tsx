import type { ReactNode } from 'react'

/**
 * A white box with a border: antd's Card carries its tab bar and skeleton (~25 KB gzipped) into
 * every page that shows one, which the portal's first-load budget cannot afford.
 */
export function Panel({
  title,
  className,
  children,
}: {
  title?: ReactNode
  className?: string
  children: ReactNode
}) {
  return (
    <section className={className ? `panel ${className}` : 'panel'}>
      {title && <h2 className="panel-title">{title}</h2>}
      {children}
    </section>
  )
}
