import { once } from 'node:events'
import { createWriteStream } from 'node:fs'
import type { Writable } from 'node:stream'
import { createGzip } from 'node:zlib'

/** Buffered text output to a file (gzipped when its name ends in .gz), honouring back-pressure. */
export class TextSink {
  #buffer = ''
  readonly #out: Writable
  readonly #file: Writable

  constructor(path: string) {
    this.#file = createWriteStream(path)
    if (path.endsWith('.gz')) {
      this.#out = createGzip()
      this.#out.pipe(this.#file)
    } else this.#out = this.#file
  }

  async write(text: string): Promise<void> {
    this.#buffer += text
    if (this.#buffer.length < 1 << 16) return
    const chunk = this.#buffer
    this.#buffer = ''
    if (!this.#out.write(chunk)) await once(this.#out, 'drain')
  }

  async close(): Promise<void> {
    this.#out.end(this.#buffer)
    this.#buffer = ''
    await once(this.#file, 'finish')
  }
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c] as string)
}
