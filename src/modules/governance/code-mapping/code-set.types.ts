import type { LocalizedMessage } from '../../../platform/i18n/i18n.js'

export interface CodeEntry {
  code: string
  name: LocalizedMessage
  /** The broader code this one refines (GB/T 4658: 21 大学本科毕业 → 20). */
  parent?: string
  /** Other names people write for it (男 for 男性, 汉 for 汉族), used for suggestions. */
  aliases?: readonly string[]
}

export interface CodeSet {
  /** Stable identifier a mapping refers to, e.g. 'marital-status'. */
  id: string
  /** The standard and its edition, e.g. 'GB/T 2261.2-2003'. */
  standard: string
  title: LocalizedMessage
  entries: readonly CodeEntry[]
}
