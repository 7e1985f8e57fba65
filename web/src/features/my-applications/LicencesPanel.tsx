import { useQuery } from '@tanstack/react-query'
import { toDataURL } from 'qrcode'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api, orThrow } from '../../api/client'
import { Panel } from '../../components/Panel'
import type { Application, TimelineEntry } from './types'

type Licence = NonNullable<ReturnType<typeof useHeldLicences>['data']>[number]

function useHeldLicences(enterpriseId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['licences', enterpriseId],
    enabled,
    queryFn: async () =>
      orThrow(
        await api.GET('/api/v1/approval/licences', {
          params: { query: enterpriseId ? { enterpriseId } : {} },
        }),
      ),
  })
}

/** Electronic licences this application brought, each with its QR code and a verify link. */
export function LicencesPanel({
  application,
  entries,
}: {
  application: Application
  entries: TimelineEntry[]
}) {
  const { t } = useTranslation()
  const issued = new Set(
    entries
      .filter((e) => e.type === 'case.licence_issued')
      .map((e) => (typeof e.detail.identifier === 'string' ? e.detail.identifier : '')),
  )
  const held = useHeldLicences(application.enterpriseId, issued.size > 0)
  const licences = (held.data ?? []).filter((l) => issued.has(l.identifier))
  if (licences.length === 0) return null
  return (
    <Panel title={t('my-applications.licences')}>
      <ul className="licence-list">
        {licences.map((l) => (
          <LicenceCard key={l.identifier} licence={l} />
        ))}
      </ul>
    </Panel>
  )
}

function LicenceCard({ licence: l }: { licence: Licence }) {
  const { t } = useTranslation()
  const [qr, setQr] = useState<string | null>(null)
  useEffect(() => {
    let live = true
    void toDataURL(l.qrPayload, { margin: 1, width: 160 }).then((url) => live && setQr(url))
    return () => {
      live = false
    }
  }, [l.qrPayload])
  const verify = `/api/v1/approval/licences/verify?identifier=${encodeURIComponent(l.identifier)}`
  return (
    <li className="licence-card">
      {qr && (
        <img
          src={qr}
          width={160}
          height={160}
          alt={t('my-applications.licenceQr', { name: l.name })}
        />
      )}
      <div>
        <h3>{l.name}</h3>
        <p>
          {t('my-applications.licenceNumber')}：{l.number} · {l.issuer.name} · {l.issuedOn}
        </p>
        <a href={verify} className="shell-link" target="_blank" rel="noreferrer">
          {t('my-applications.verify')}
        </a>
      </div>
    </li>
  )
}
