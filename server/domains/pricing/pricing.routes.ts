import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PricingParams, RegionsResponse, ServicePricesResponse, ServicesResponse } from './pricing.schemas.js'
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
      schema: { tags: ['pricing'], security, response: { 200: ServicesResponse } },
      preHandler: app.requireAuth(),
    },
    async () => pricing.services(),
  )

  app.get(
    '/pricing/:region/:service',
    {
      schema: {
        tags: ['pricing'],
        security,
        description:
          'Prices of one service in one region: tiers, unit, source, confidence and date of each usage type, ' +
          'the free tier, and the usage types with no price in that region (reported as unpriced in costs).',
        params: PricingParams,
        response: { 200: ServicePricesResponse },
      },
      preHandler: app.requireAuth(),
    },
    async (req) => pricing.servicePrices(req.params.region, req.params.service),
  )
}
