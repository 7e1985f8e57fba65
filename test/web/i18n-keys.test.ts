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

/** i18next plural forms (days_one, days_other) count as their base key: Chinese has one form. */
const withoutPlural = (key: string): string => key.replace(/_(zero|one|two|few|many|other)$/, '')
const keySet = (value: unknown): string[] => [...new Set(keyPaths(value).map(withoutPlural))].sort()

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
    const zh = keySet(read(join(folder, 'zh-CN.json')))
    const en = keySet(read(join(folder, 'en.json')))
    expect(en).toEqual(zh)
  })
})
