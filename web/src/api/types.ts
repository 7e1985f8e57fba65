import type { paths } from './schema'

type Json<P extends keyof paths, M extends 'get'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } }
}
  ? T
  : never

export type SearchResult = Json<'/api/v1/catalog/search', 'get'>
export type SearchHit = SearchResult['results'][number]
export type SearchMaterial = SearchHit['materials'][number]
export type BundleSummary = Json<'/api/v1/catalog/bundles', 'get'>[number]
export type BundleView = Json<'/api/v1/catalog/bundles/{id}', 'get'>
export type ItemView = Json<'/api/v1/catalog/items/{id}', 'get'>
export type Localized = SearchHit['name']
