import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist'
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url'

GlobalWorkerOptions.workerSrc = workerUrl

// A preview, not a reader: the first pages, drawn at a width that fits the panel.
const MAX_PAGES = 5
const WIDTH = 800

/**
 * Draws a PDF's first pages and returns them as PNG data: URLs (the portal's CSP allows data:
 * images, not blob: frames or plugins). pdf.js runs in its worker, without eval.
 */
export async function renderPdf(data: ArrayBuffer): Promise<string[]> {
  const pdf = await getDocument({ data, isEvalSupported: false }).promise
  try {
    const pages: string[] = []
    for (let n = 1; n <= Math.min(pdf.numPages, MAX_PAGES); n++) {
      const page = await pdf.getPage(n)
      const viewport = page.getViewport({ scale: WIDTH / page.getViewport({ scale: 1 }).width })
      const canvas = document.createElement('canvas')
      canvas.width = Math.ceil(viewport.width)
      canvas.height = Math.ceil(viewport.height)
      await page.render({ canvas, viewport }).promise
      pages.push(canvas.toDataURL('image/png'))
    }
    return pages
  } finally {
    await pdf.destroy()
  }
}
