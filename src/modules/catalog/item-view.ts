import type { ItemContent } from './catalog.schema.js'
import type { ItemRow, ItemVersionRow } from './catalog.tables.js'

/** One version of an item as the API shows it. */
export function toItemView(item: ItemRow, row: ItemVersionRow) {
  return {
    id: item.id,
    implementationCode: item.implementation_code,
    departmentId: item.department_id,
    status: item.status,
    publishedVersion: item.published_version,
    version: row.version,
    state: row.state,
    hasProcess: row.process_xml !== null,
    content: JSON.parse(row.content_json) as ItemContent,
  }
}
