import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  CoverageQuery,
  CoverageResponse,
  PricingParams,
  RegionsResponse,
  ServicePricesResponse,
  ServicesResponse,
  SnapshotDiffQuery,
  SnapshotDiffResponse,
  SnapshotListQuery,
  SnapshotPage,
} from './pricing.schemas.js'
import type { PricingService } from './pricing.service.js'

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]

/** The catalog is public AWS data, so any signed-in user or any API key may read it, whatever its scopes. */
export const pricingRoutes: FastifyPluginAsyncTypebox<{ pricing: PricingService }> = async (
  app,
  { pricing },
) => {
  app.get(
    '/pricing/regions',
    {
      schema: { tags: ['pricing'], security, response: { 200: RegionsResponse } },
      preHandler: app.requireAuth(),
    },
    async () => pricing.regions(),
  )

  app.get(
    '/pricing/services',
    {
      // Public: what each service is called and which params it takes (the contract says as much), so a
      // shared-link page without a session can name the services it shows. No user data, no prices.
      schema: { tags: ['pricing'], response: { 200: ServicesResponse } },
    },
    async () => pricing.services(),
  )

  app.get(
    '/pricing/coverage',
    {
      schema: {
        tags: ['pricing'],
        security,
        description:
          'How complete the prices are, per region and service: usage types priced there of those the service ' +
          'bills and AWS offers there, which are missing, which AWS does not offer there (sourced claims of the ' +
          'catalog, never counted as missing), and a status (complete, partial, none, or not_offered for a ' +
          'service AWS does not sell in the region). An unknown region is a 422.',
        querystring: CoverageQuery,
        response: { 200: CoverageResponse },
      },
      preHandler: app.requireAuth(),
    },
    async (req) => pricing.coverage(req.query),
  )

  app.get(
    '/pricing/snapshots',
    {
      schema: {
        tags: ['pricing'],
        security,
        description:
          'Every pricing catalog snapshot: stored imports newest first, then the bundled catalog. Costs answers ' +
          'name the snapshot they used; GET /scenarios/:id/costs?snapshot=<id> prices with another one.',
        querystring: SnapshotListQuery,
        response: { 200: SnapshotPage },
      },
      preHandler: app.requireAuth(),
    },
    async (req) => pricing.snapshots(req.query),
  )

  app.get(
    '/pricing/snapshots/diff',
    {
      schema: {
        tags: ['pricing'],
        security,
        description:
          'What changed between two snapshots: prices added, removed or changed by region and usage type, ' +
          'with old and new bands and the change of the first band in percent. An unknown id is a 422.',
        querystring: SnapshotDiffQuery,
        response: { 200: SnapshotDiffResponse },
      },
      preHandler: app.requireAuth(),
    },
    async (req) => pricing.diff(req.query),
  )

  app.get(
    '/pricing/:region/:service',
    {
      schema: {
        tags: ['pricing'],
        security,
        description:
          'Prices of one service in one region: tiers, unit, source, confidence and date of each usage type, ' +
          'the free tier, the usage types with no price in that region and those AWS does not offer there with ' +
          'the source that says so (both reported as unpriced in costs, never $0).',
        params: PricingParams,
        response: { 200: ServicePricesResponse },
      },
      preHandler: app.requireAuth(),
    },
    async (req) => pricing.servicePrices(req.params.region, req.params.service),
  )
}
