import { type Static, Type } from '@sinclair/typebox'

const Decimal = (description?: string) =>
  Type.String({ pattern: '^-?\\d+(\\.\\d+)?$', ...(description ? { description } : {}) })

export const PricingParams = Type.Object({
  region: Type.String({ maxLength: 32, description: 'A region code, e.g. us-east-1.' }),
  service: Type.String({ maxLength: 32, description: 'A service id, e.g. lambda.' }),
})
export type PricingParams = Static<typeof PricingParams>

export const RegionsResponse = Type.Object({
  currency: Type.String(),
  as_of: Type.String({ description: 'Date of the catalog.' }),
  regions: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
})
export type RegionsResponse = Static<typeof RegionsResponse>

const FreeTierOffer = Type.Object({
  usage_types: Type.Array(Type.String()),
  quantity: Decimal('Monthly allowance, shared by the usage types in the listed order.'),
  unit: Type.String(),
  note: Type.String(),
  source: Type.String(),
})

export const ServicesResponse = Type.Object({
  currency: Type.String(),
  as_of: Type.String(),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      free_tier: Type.Array(FreeTierOffer),
      models: Type.Optional(
        Type.Array(Type.Object({ id: Type.String(), name: Type.String(), provider: Type.String() })),
      ),
      instance_types: Type.Optional(Type.Array(Type.String())),
      instance_classes: Type.Optional(Type.Array(Type.String())),
    }),
  ),
})
export type ServicesResponse = Static<typeof ServicesResponse>

export const ServicePricesResponse = Type.Object({
  region: Type.String(),
  region_name: Type.String(),
  service: Type.String(),
  service_name: Type.String(),
  currency: Type.String(),
  as_of: Type.String({ description: 'Date of the catalog; each price has its own as_of.' }),
  prices: Type.Array(
    Type.Object({
      usage_type: Type.String(),
      unit: Type.String(),
      per: Decimal('The price is charged per this many units.'),
      tiers: Type.Array(
        Type.Object({
          upto: Type.Union([Decimal(), Type.Null()], {
            description: 'Cumulative monthly quantity where the band ends; null = no bound.',
          }),
          price: Decimal(),
        }),
      ),
      tiers_incomplete: Type.Optional(Type.Boolean()),
      source: Type.String(),
      source_url: Type.Union([Type.String(), Type.Null()]),
      confidence: Type.Union([
        Type.Literal('official'),
        Type.Literal('price-list'),
        Type.Literal('secondary'),
        Type.Literal('inferred'),
      ]),
      as_of: Type.String(),
      note: Type.Optional(Type.String()),
    }),
  ),
  free_tier: Type.Array(FreeTierOffer),
  unpriced_usage_types: Type.Array(Type.Object({ usage_type: Type.String(), unit: Type.String() }), {
    description: 'Usage types of the service the catalog knows but has no price for in this region.',
  }),
})
export type ServicePricesResponse = Static<typeof ServicePricesResponse>
