import { type Static, Type } from '@sinclair/typebox'
import { PaginationQuery, PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime } from '../../lib/schema-types.js'
import { SERVICE_CATEGORIES } from './services/service-descriptor.js'

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
  id: Type.String({
    description:
      'The offer id a scenario names in free_tier_disabled_offers: `<service>:<first usage type>`.',
  }),
  legacy_12_month: Type.Boolean({
    description:
      "AWS's 12-month free tier of accounts created before 15 July 2025: applied only with a scenario's legacy_free_tier.",
  }),
})

export const ServicesResponse = Type.Object({
  currency: Type.String(),
  as_of: Type.String(),
  services: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String({ description: 'The name the catalog prices it under.' }),
      display_name: Type.String({ description: 'Short name for pickers and charts.' }),
      category: Type.Union(
        SERVICE_CATEGORIES.map((category) => Type.Literal(category)),
        { description: 'The group of the service picker.' },
      ),
      description: Type.String({ description: 'One line saying what the service is.' }),
      help: Type.String({ description: 'What a line item of this service models.' }),
      usage_types: Type.Array(Type.String(), {
        description:
          'The usage types the catalog prices in at least one region, sorted (rate card overrides).',
      }),
      params_schema: Type.Object(
        {},
        {
          additionalProperties: true,
          description:
            'JSON Schema of the line item params: per property a title (label with unit), description, ' +
            'bounds, enum (anyOf of constants) and default.',
        },
      ),
      ranged_params: Type.Array(Type.String(), {
        description: 'Params that also accept {min, typical, max}.',
      }),
      choices: Type.Record(Type.String(), Type.Array(Type.String()), {
        description: 'Values the catalog knows for string params (models, instance types), by param.',
      }),
      choice_labels: Type.Record(Type.String(), Type.Record(Type.String(), Type.String()), {
        description:
          'By param, the name of each choice that has one (a Bedrock model id → "Claude Sonnet 4.5"); ' +
          'pickers show it beside the value the API takes.',
      }),
      free_tier: Type.Array(FreeTierOffer),
      models: Type.Optional(
        Type.Array(Type.Object({ id: Type.String(), name: Type.String(), provider: Type.String() })),
      ),
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
    description:
      'Usage types of the service the catalog knows but has no price for in this region, offered there as ' +
      'far as the catalog knows.',
  }),
  not_offered_usage_types: Type.Array(
    Type.Object({
      usage_type: Type.String(),
      unit: Type.String(),
      source: Type.String(),
      source_url: Type.Union([Type.String(), Type.Null()]),
      as_of: Type.String(),
      note: Type.Optional(Type.String()),
    }),
    {
      description:
        'Usage types of the service AWS does not offer in this region, with the source that says so ' +
        '(unpriced in costs, never $0).',
    },
  ),
})
export type ServicePricesResponse = Static<typeof ServicePricesResponse>

/** A snapshot id: `bundled-<as_of>-<8 hex>` for the bundled catalog, a uuid for a stored import. */
export const SnapshotId = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'A pricing snapshot id from GET /pricing/snapshots.',
})

/** The catalog snapshot a costs answer was priced with. */
export const PricingSnapshotRef = Type.Object(
  { id: Type.String(), as_of: Type.String({ description: 'Date of that catalog.' }) },
  { description: 'The pricing catalog snapshot this answer used (docs/rate-cards-and-snapshots.md).' },
)
export type PricingSnapshotRef = Static<typeof PricingSnapshotRef>

export const SnapshotResponse = Type.Object({
  id: Type.String(),
  source: Type.Union([Type.Literal('bundled'), Type.Literal('import')]),
  source_file: Type.Union([Type.String(), Type.Null()], { description: 'The offer file of an import.' }),
  imported_at: Type.Union([DateTime, Type.Null()], { description: 'null for the bundled catalog.' }),
  as_of: Type.String(),
  current: Type.Boolean({ description: 'The snapshot this server prices with when none is asked.' }),
})
export type SnapshotResponse = Static<typeof SnapshotResponse>

export const SnapshotListQuery = PaginationQuery
export const SnapshotPage = paginated(SnapshotResponse)
export type SnapshotPage = Static<typeof SnapshotPage>

export const SnapshotDiffQuery = Type.Object(
  { ...PaginationQueryProperties, from: SnapshotId, to: SnapshotId },
  { additionalProperties: false },
)
export type SnapshotDiffQuery = Static<typeof SnapshotDiffQuery>

const PriceBands = Type.Object({
  unit: Type.String(),
  per: Decimal(),
  tiers: Type.Array(Type.Object({ upto: Type.Union([Decimal(), Type.Null()]), price: Decimal() })),
  tiers_incomplete: Type.Optional(Type.Boolean()),
  source: Type.String(),
  as_of: Type.String(),
})

export const SnapshotDiffResponse = Type.Object({
  from: Type.Object({ id: Type.String(), as_of: Type.String() }),
  to: Type.Object({ id: Type.String(), as_of: Type.String() }),
  summary: Type.Object({
    added: Type.Integer({ minimum: 0 }),
    removed: Type.Integer({ minimum: 0 }),
    changed: Type.Integer({ minimum: 0 }),
  }),
  items: Type.Array(
    Type.Object({
      region: Type.String(),
      usage_type: Type.String(),
      change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
      unit: Type.String(),
      old: Type.Union([PriceBands, Type.Null()]),
      new: Type.Union([PriceBands, Type.Null()]),
      old_unit_price: Type.Union([Decimal(), Type.Null()], { description: 'First band, per one unit.' }),
      new_unit_price: Type.Union([Decimal(), Type.Null()], { description: 'First band, per one unit.' }),
      percent_change: Type.Union([Decimal(), Type.Null()], {
        description:
          'Change of the first band unit price in percent, 2 decimals; null when added or removed.',
      }),
    }),
  ),
  total: Type.Integer({ minimum: 0, description: 'Price changes on all pages.' }),
  page: Type.Integer({ minimum: 1 }),
  page_size: Type.Integer({ minimum: 1 }),
})
export type SnapshotDiffResponse = Static<typeof SnapshotDiffResponse>

const RegionCoverageStatus = Type.Union(
  [Type.Literal('complete'), Type.Literal('partial'), Type.Literal('none')],
  {
    description:
      'complete: every service AWS offers in the region is complete; none: none of them has a price; ' +
      'partial: in between.',
  },
)

const ServiceCoverageStatus = Type.Union(
  [Type.Literal('complete'), Type.Literal('partial'), Type.Literal('none'), Type.Literal('not_offered')],
  {
    description:
      'complete: every usage type AWS offers in the region priced with all its bands; none: none of them ' +
      'priced; partial: in between; not_offered: AWS offers none of the usage types there (sourced).',
  },
)

export const CoverageQuery = Type.Object(
  {
    region: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 32,
        description: 'Only this region (a code from GET /pricing/regions).',
      }),
    ),
  },
  { additionalProperties: false },
)
export type CoverageQuery = Static<typeof CoverageQuery>

export const CoverageResponse = Type.Object({
  currency: Type.String(),
  as_of: Type.String({ description: 'Date of the catalog.' }),
  pricing_snapshot: PricingSnapshotRef,
  regions: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      status: RegionCoverageStatus,
      services_complete: Type.Integer({ minimum: 0 }),
      services_total: Type.Integer({
        minimum: 0,
        description: 'Services AWS offers in the region: those not offered at all are left out.',
      }),
      services_not_offered: Type.Integer({ minimum: 0, description: 'Services with status not_offered.' }),
      usage_types_priced: Type.Integer({ minimum: 0 }),
      usage_types_total: Type.Integer({ minimum: 0, description: 'Usage types offered in the region.' }),
      usage_types_not_offered: Type.Integer({ minimum: 0 }),
      services: Type.Array(
        Type.Object({
          service: Type.String(),
          name: Type.String(),
          status: ServiceCoverageStatus,
          usage_types_priced: Type.Integer({ minimum: 0 }),
          usage_types_total: Type.Integer({
            minimum: 0,
            description: 'Usage types the service bills that AWS offers in this region.',
          }),
          usage_types_not_offered: Type.Integer({ minimum: 0 }),
          unpriced_usage_types: Type.Array(Type.String(), {
            description: 'Offered but no price in this region: costs report them unpriced, never $0.',
          }),
          not_offered_usage_types: Type.Array(Type.String(), {
            description:
              'AWS does not offer them in this region (a sourced claim of the catalog, not a missing price): ' +
              'costs still report such usage unpriced, never $0, saying so.',
          }),
          incomplete_tier_usage_types: Type.Array(Type.String(), {
            description: 'Priced only up to a band: usage above it is reported unpriced.',
          }),
        }),
        { description: 'In the order costs are reported.' },
      ),
    }),
    { description: 'Sorted by code.' },
  ),
})
export type CoverageResponse = Static<typeof CoverageResponse>
