import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import { createBundleService } from './bundle.service.js'
import type { CatalogDeps } from './catalog.deps.js'
import { catalogRoutes } from './catalog.routes.js'
import { createCatalogSearchService } from './catalog-search.service.js'
import { createItemReadService } from './item-read.service.js'
import { createItemService } from './item.service.js'
import { createCatalogTables } from './migrations/2026-11-29T1320-create-catalog-tables.js'

export type { CatalogDeps, DepartmentDirectory, ProcessChecker } from './catalog.deps.js'
export type { BundleContent, ItemContent } from './catalog.schema.js'
export type { PublishedDefinition } from './item-read.service.js'
import './catalog.errors.js'

/** This module's tables, in order. */
export const catalogMigrations = [createCatalogTables]

/** Builds the national service catalogue: items, bundles, processes and guides. */
export function createCatalogModule(deps: CatalogDeps) {
  const reads = createItemReadService(deps)
  const search = createCatalogSearchService(deps)
  const forgetItem = (id: string, code: string) => {
    reads.forgetItem(id, code)
    search.forget()
  }
  const items = { ...createItemService(deps, forgetItem), ...reads }
  const bundles = createBundleService(deps, () => search.forget())
  return {
    items,
    bundles,
    search,
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: catalogRoutes,
      options: { items, bundles, search, actorOf },
    }),
  }
}

export type CatalogModule = ReturnType<typeof createCatalogModule>
