import type { RootDb } from '../../platform/db/database.js'
import type { CatalogPort } from './approval.deps.js'
import { compileProcess, type ProcessModel } from './engine/index.js'

const LIMIT = 1000

/**
 * Compiled process models, one per item version (a published version never changes), so a step
 * never re-parses BPMN. A version that does not compile is an operator error: its cases raise it.
 */
export function createProcessModels(catalog: CatalogPort) {
  const models = new Map<string, Promise<ProcessModel>>()
  return (itemId: string, version: number, within?: RootDb): Promise<ProcessModel> => {
    const key = `${itemId}:${version}`
    let model = models.get(key)
    if (!model) {
      model = load(catalog, itemId, version, within)
      model.catch(() => models.delete(key))
      if (models.size >= LIMIT) models.delete(models.keys().next().value ?? key)
      models.set(key, model)
    }
    return model
  }
}

async function load(
  catalog: CatalogPort,
  itemId: string,
  version: number,
  within?: RootDb,
): Promise<ProcessModel> {
  const definition = await catalog.getDefinition(itemId, version, within)
  const compiled = await compileProcess(definition.processXml)
  if (!compiled.ok)
    throw new Error(
      `process of item ${definition.implementationCode} v${version} does not compile: ${compiled.errors.map((e) => e.message.en).join('; ')}`,
    )
  return compiled.model
}
