import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Nullable } from '../../lib/schema-types.js'

/** Most rules one rate card holds. */
export const MAX_RATE_CARD_RULES = 100

const Decimal = (pattern: string, description: string) => Type.String({ pattern, description })

/**
 * One rule, flat rather than a union per kind: the app's Ajv removes unknown properties while it tries each
 * branch of a union, which would strip one kind's fields before the branch of that kind is reached. Which
 * fields each kind needs is checked by the service (422 on `rules.<i>.<field>`).
 */
export const RateCardRule = Type.Object(
  {
    kind: Type.Union([Type.Literal('discount'), Type.Literal('markup'), Type.Literal('override')], {
      description:
        'discount: every band price × (1 − percent/100); markup: × (1 + percent/100), after any discount; ' +
        'override: one flat price_per_unit replaces the catalog price and its tiers.',
    }),
    percent: Type.Optional(
      Decimal(
        '^\\d{1,4}(\\.\\d{1,4})?$',
        'discount and markup: a decimal string, above 0, at most 100 (discount) or 1000 (markup).',
      ),
    ),
    price_per_unit: Type.Optional(
      Decimal(
        '^\\d{1,9}(\\.\\d{1,12})?$',
        "override: price per one unit of the usage type's unit, in the catalog currency.",
      ),
    ),
    service: Type.Optional(
      Type.String({ minLength: 1, maxLength: 32, description: 'discount and markup: a service id.' }),
    ),
    usage_type: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, description: 'A usage type; required by override.' }),
    ),
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 32, description: 'A region code.' })),
  },
  { additionalProperties: false },
)
export type RateCardRuleBody = Static<typeof RateCardRule>

export const PutRateCardBody = Type.Object(
  { rules: Type.Array(RateCardRule, { maxItems: MAX_RATE_CARD_RULES }) },
  {
    additionalProperties: false,
    description:
      'Replaces the whole rate card; [] clears it. Within a kind, the most specific matching rule applies ' +
      '(usage type > service > all, a region breaks ties), so two rules of a kind may not share a scope.',
  },
)
export type PutRateCardBody = Static<typeof PutRateCardBody>

export const RateCardResponse = Type.Object({
  rules: Type.Array(RateCardRule),
  updated_at: Nullable(DateTime),
})
export type RateCardResponse = Static<typeof RateCardResponse>
