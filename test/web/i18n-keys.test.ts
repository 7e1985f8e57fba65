import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const webSrc = join(import.meta.dirname, '../../web/src')

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([key, inner]) =>
    keyPaths(inner, prefix ? `${prefix}.${key}` : key),
  )
}

const read = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'))

/** The common texts and every feature's own i18n folder (see web/src/i18n/i18n.ts). */
function messageFolders(): string[] {
  const features = join(webSrc, 'features')
  return [
    join(webSrc, 'i18n'),
    ...readdirSync(features)
      .map((name) => join(features, name, 'i18n'))
      .filter((folder) => {
        try {
          return readdirSync(folder).length > 0
        } catch {
          return false
        }
      }),
  ]
}

describe('web texts in Chinese and English', () => {
  it.each(messageFolders())('%s has the same keys in zh-CN.json and en.json', (folder) => {
    const zh = keyPaths(read(join(folder, 'zh-CN.json'))).sort()
    const en = keyPaths(read(join(folder, 'en.json'))).sort()
    expect(en).toEqual(zh)
  })
})
