import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import { PutRateCardBody, RateCardResponse } from './rate-cards.schemas.js'
import type { RateCardService } from './rate-cards.service.js'

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]
const tags = ['rate-card']

/**
 * The caller's own rate card. It changes what every scenario costs, so it is guarded by the scenario scopes
 * (read:scenarios to read it, write:scenarios to replace it) rather than scopes of its own.
 */
export const rateCardRoutes: FastifyPluginAsyncTypebox<{ rateCards: RateCardService }> = async (
  app,
  { rateCards },
) => {
  const userOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).userId

  app.get(
    '/rate-card',
    {
      schema: {
        tags,
        security,
        description: 'Your rate card: discounts, price overrides and markups applied to your scenarios.',
        response: { 200: RateCardResponse },
      },
      preHandler: app.requireAuth({ scope: 'read:scenarios' }),
    },
    (req) => rateCards.get(userOf(req)),
  )

  app.put(
    '/rate-card',
    {
      schema: {
        tags,
        security,
        description:
          'Replaces your rate card. Precedence: an override replaces the catalog price (tiers included), then ' +
          'the most specific discount and the most specific markup multiply every band (docs/rate-cards-and-snapshots.md).',
        body: PutRateCardBody,
        response: { 200: RateCardResponse },
      },
      preHandler: app.requireAuth({ scope: 'write:scenarios' }),
    },
    (req) => rateCards.put(userOf(req), req.body),
  )
}
