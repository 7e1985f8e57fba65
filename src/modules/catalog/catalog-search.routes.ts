import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { SearchQuery, SearchResult } from './catalog-search.schema.js'
import type { CatalogSearchService } from './catalog-search.service.js'

export const catalogSearchRoutes: FastifyPluginAsyncTypebox<{
  search: CatalogSearchService
}> = async (app, o) => {
  app.get(
    '/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['catalog 事项目录'],
        summary: '办事搜索：事项与“一件事” Search items and bundles (name, keyword, pinyin)',
        querystring: SearchQuery,
        response: { 200: SearchResult },
      },
    },
    (req) => o.search.search(req.query),
  )
}
