import type { FastifyRequest } from 'fastify'
import type { Actor } from '../../platform/auth/principal.js'
import { createBundleService } from './bundle.service.js'
import type { CatalogDeps } from './catalog.deps.js'
import { catalogRoutes } from './catalog.routes.js'
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
  const items = { ...createItemService(deps, (id, code) => reads.forgetItem(id, code)), ...reads }
  const bundles = createBundleService(deps)
  return {
    items,
    bundles,
    routes: (actorOf: (request: FastifyRequest) => Actor) => ({
      plugin: catalogRoutes,
      options: { items, bundles, actorOf },
    }),
  }
}

export type CatalogModule = ReturnType<typeof createCatalogModule>
