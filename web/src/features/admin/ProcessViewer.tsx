import 'bpmn-js/dist/assets/diagram-js.css'
import 'bpmn-js/dist/assets/bpmn-js.css'
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * A read-only BPMN diagram (bpmn-js, pan and zoom). Reached only from the lazy catalog page,
 * so neither the portal nor the other console pages carry bpmn-js.
 */
export default function ProcessViewer({ xml, label }: { xml: string; label: string }) {
  const { t } = useTranslation()
  const box = useRef<HTMLDivElement>(null)
  const [failed, setFailed] = useState<string | null>(null)
  useEffect(() => {
    if (!box.current) return
    const viewer = new NavigatedViewer({ container: box.current })
    let live = true
    viewer
      .importXML(xml)
      .then(() => {
        const canvas = viewer.get<{ zoom(to: string): void }>('canvas')
        canvas.zoom('fit-viewport')
      })
      .catch((error: unknown) => {
        if (live) setFailed(error instanceof Error ? error.message : String(error))
      })
    return () => {
      live = false
      viewer.destroy()
    }
  }, [xml])
  return (
    <>
      <div ref={box} className="admin-bpmn" role="figure" aria-label={label} />
      {failed && <p role="alert">{t('admin.catalog.processFailed', { reason: failed })}</p>}
    </>
  )
}
