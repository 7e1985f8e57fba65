import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

export interface FirstLoad {
  /** The scripts the portal's index.html loads before anything else (entry and preloads). */
  files: Array<{ file: string; bytes: number; gzipped: number }>
  gzippedBytes: number
  /** HTML, scripts and styles of the first load, uncompressed: the size the static peer copies. */
  rawBytes: number
}

/** What a first visit to the portal downloads: index.html's module script and its preloads. */
export function portalFirstLoad(dist: string): FirstLoad {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const scripts = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="\/([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+)"/g),
  ].map((m) => m[1] as string)
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/([^"]+)"/g)].map(
    (m) => m[1] as string,
  )
  const files = [...new Set(scripts)].map((file) => {
    const content = readFileSync(join(dist, file))
    return { file, bytes: content.length, gzipped: gzipSync(content, { level: 9 }).length }
  })
  const styleBytes = styles.reduce((sum, f) => sum + readFileSync(join(dist, f)).length, 0)
  return {
    files,
    gzippedBytes: files.reduce((sum, f) => sum + f.gzipped, 0),
    rawBytes: Buffer.byteLength(html) + styleBytes + files.reduce((sum, f) => sum + f.bytes, 0),
  }
}
