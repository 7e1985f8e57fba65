import type { Locale } from '../i18n/i18n.js'
import type { Principal } from '../auth/principal.js'

/**
 * What a route requires. Every route declares one; `public` routes form the reviewed list of
 * unauthenticated routes (see `publicRoutes()` on the server).
 */
export type Access = 'public' | 'authenticated' | { action: string }

declare module 'fastify' {
  // The two kernel-level augmentations: the route's declared access and the resolved caller.
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    principal: Principal | null
    locale: Locale
  }
}
