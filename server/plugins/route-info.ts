import type { FastifyInstance, onRequestHookHandler } from 'fastify'
import fp from 'fastify-plugin'
import type { RateClass } from './rate-limit.js'

/** What the per-request hooks (rate limit, metrics) need to know of the route a request matched. */
export type RouteInfo = { readonly url: string; readonly rateClass: RateClass }

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * The matched route, set by the route's first onRequest hook: undefined for a URL no route matches, and in
     * global onRequest hooks, which run before it.
     */
    routeInfo?: RouteInfo
  }
}

/**
 * Sets `req.routeInfo` from a frozen object made once per route. Fastify's `req.routeOptions` builds a new
 * object of a dozen fields on every read, and the rate limiter and the metrics read it three times per request
 * (docs/PERFORMANCE.md). Register before any plugin whose hooks read it and before the routes.
 */
export const routeInfoPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('routeInfo', undefined)
  app.addHook('onRoute', (route) => {
    const info: RouteInfo = Object.freeze({ url: route.url, rateClass: route.config?.rateClass ?? 'general' })
    const setRouteInfo: onRequestHookHandler = (req, _reply, done) => {
      req.routeInfo = info
      done()
    }
    route.onRequest = [setRouteInfo, ...[route.onRequest ?? []].flat()]
  })
})
