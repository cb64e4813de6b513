import { type Static, type TSchema, Type } from '@sinclair/typebox'
import { PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'
import { PricingSnapshotRef, SnapshotId } from '../pricing/pricing.schemas.js'
import { publishedParamsSchema } from '../pricing/services/published-schema.js'
import { SERVICE_LIST } from '../pricing/services/registry.js'
import type { ServiceDescriptor } from '../pricing/services/service-descriptor.js'
import { TEMPLATE_IDS } from './templates.js'

/** Maximum number of line items in one scenario. */
export const MAX_LINE_ITEMS = 500

const Money = Type.String({ description: 'Exact decimal string in the catalog currency, up to 6 decimals.' })
const Quantity = Type.String({ description: 'Exact decimal string, in `unit`.' })

export const ScenarioStatus = Type.Union(
  [Type.Literal('draft'), Type.Literal('running'), Type.Literal('completed'), Type.Literal('archived')],
  { description: 'draft → running ⇄ completed → archived; see docs/scenarios.md for the allowed moves.' },
)
export type ScenarioStatus = Static<typeof ScenarioStatus>

const Name = Type.String({ minLength: 1, maxLength: 255, description: 'Trimmed; 1–255 characters.' })
const Description = Type.String({ maxLength: 2000 })
const Region = Type.String({ minLength: 1, maxLength: 32, description: 'A region code of the catalog.' })
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), {
  maxItems: 20,
  description: 'At most 20 tags of up to 50 characters; trimmed and deduplicated.',
})

export const TemplateId = Type.Union(
  TEMPLATE_IDS.map((id) => Type.Literal(id)),
  {
    description:
      'Start from a template (GET /api/v1/scenario-templates): its line items are added, and its description and ' +
      'assumptions become the description unless one is given.',
  },
)

export const TemplatesResponse = Type.Object({
  templates: Type.Array(
    Type.Object({
      id: TemplateId,
      name: Type.String(),
      description: Type.String(),
      tags: Type.Array(Type.String()),
      assumptions: Type.Array(Type.String(), {
        description: 'What the figures assume and what is left out.',
      }),
      items: Type.Array(
        Type.Object({
          service: Type.String(),
          label: Type.String(),
          params: Type.Record(Type.String(), Type.Unknown()),
        }),
      ),
    }),
  ),
})
export type TemplatesResponse = Static<typeof TemplatesResponse>

const FreeTierDisabledOffers = Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
  maxItems: 100,
  description:
    'Free tier offers switched off for this scenario while include_free_tier is on, by the offer id of ' +
    'GET /pricing/services (`<service>:<first usage type>`); an unknown id is a 422. include_free_tier: false ' +
    'still switches every offer off.',
})
const LegacyFreeTier = Type.Boolean({
  description:
    "Apply AWS's 12-month free tier of accounts created before 15 July 2025 as well (offers marked " +
    'legacy_12_month), to reproduce historic examples; needs include_free_tier.',
})

export const ScenarioParams = Type.Object({ id: Uuid })
export const ItemParams = Type.Object({ id: Uuid, item_id: Uuid })

export const CreateScenarioBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Nullable(Description)),
    region: Region,
    tags: Type.Optional(Tags),
    include_free_tier: Type.Optional(Type.Boolean({ default: true })),
    free_tier_disabled_offers: Type.Optional(FreeTierDisabledOffers),
    legacy_free_tier: Type.Optional(LegacyFreeTier),
    apply_rate_card: Type.Optional(
      Type.Boolean({
        default: true,
        description: "false prices this scenario without the owner's rate card.",
      }),
    ),
    template: Type.Optional(TemplateId),
  },
  { additionalProperties: false },
)
export type CreateScenarioBody = Static<typeof CreateScenarioBody>

export const UpdateScenarioBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Nullable(Description)),
    region: Type.Optional(Region),
    tags: Type.Optional(Tags),
    status: Type.Optional(ScenarioStatus),
    include_free_tier: Type.Optional(Type.Boolean()),
    free_tier_disabled_offers: Type.Optional(FreeTierDisabledOffers),
    legacy_free_tier: Type.Optional(LegacyFreeTier),
    apply_rate_card: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type UpdateScenarioBody = Static<typeof UpdateScenarioBody>

export const ListScenariosQuery = Type.Object(
  {
    ...PaginationQueryProperties,
    status: Type.Optional(ScenarioStatus),
    region: Type.Optional(Type.String({ maxLength: 32 })),
    q: Type.Optional(
      Type.String({
        maxLength: 255,
        description: 'Case-insensitive substring of the name; % and _ are literal.',
      }),
    ),
    tag: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'Only scenarios carrying this tag.' }),
    ),
  },
  { additionalProperties: false },
)
export type ListScenariosQuery = Static<typeof ListScenariosQuery>

export const ScenarioResponse = Type.Object({
  id: Uuid,
  name: Type.String(),
  description: Nullable(Type.String()),
  region: Type.String(),
  tags: Type.Array(Type.String()),
  status: ScenarioStatus,
  include_free_tier: Type.Boolean(),
  free_tier_disabled_offers: FreeTierDisabledOffers,
  legacy_free_tier: LegacyFreeTier,
  apply_rate_card: Type.Boolean({ description: "Whether costs apply the owner's rate card." }),
  events_total: Type.Integer({ description: 'Events ingested so far.' }),
  first_event_at: Nullable(DateTime),
  last_event_at: Nullable(DateTime),
  created_at: DateTime,
  updated_at: DateTime,
})
export type ScenarioResponse = Static<typeof ScenarioResponse>

export const ScenarioPage = paginated(ScenarioResponse)

const Params = Type.Object(
  {},
  { additionalProperties: true, description: "The service's params (GET /pricing/services: params_schema)." },
)
const Label = Type.Optional(Nullable(Type.String({ maxLength: 255 })))
const ServiceField = Type.String({ minLength: 1, maxLength: 32 })

/**
 * The line-item body as validated at the edge: the service's descriptor then checks `params` and answers
 * 422 with one detail per field (`params.memory_mb`). `CreateItemContract` is the same body as the OpenAPI
 * document publishes it.
 */
export const CreateItemBody = Type.Object(
  { service: ServiceField, params: Params, label: Label },
  { additionalProperties: false },
)
export type CreateItemBody = Static<typeof CreateItemBody>

const itemBranch = (service: ServiceDescriptor, params: TSchema) =>
  Type.Object(
    { service: Type.Literal(service.id), params, label: Label },
    { additionalProperties: false, title: `${service.name} line item`, description: service.help },
  )

/** A line item of any priced service: a union on `service`, each branch with its service's params schema. */
export const CreateItemContract = Type.Union(
  SERVICE_LIST.map((service) => itemBranch(service, publishedParamsSchema(service))),
  { discriminator: { propertyName: 'service' }, description: 'A line item; `params` depend on `service`.' },
)

export const UpdateItemBody = Type.Object(
  { service: Type.Optional(ServiceField), params: Type.Optional(Params), label: Label },
  {
    additionalProperties: false,
    description:
      'Params replace the stored ones as a whole (defaults applied); changing `service` needs its params.',
  },
)

/** The update body as published: a new service with its params, new params of the stored service, or a label. */
export const UpdateItemContract = Type.Union(
  [
    ...SERVICE_LIST.map((service) => itemBranch(service, publishedParamsSchema(service))),
    Type.Object(
      { params: Type.Union(SERVICE_LIST.map(publishedParamsSchema)), label: Label },
      { additionalProperties: false, title: 'New params of the stored service' },
    ),
    Type.Object({ label: Label }, { additionalProperties: false, title: 'New label only' }),
  ],
  {
    description:
      'Params replace the stored ones as a whole (defaults applied); changing `service` needs its params.',
  },
)
export type UpdateItemBody = Static<typeof UpdateItemBody>

const UsageRow = Type.Object({ usage_type: Type.String(), quantity: Quantity, unit: Type.String() })

export const ItemResponse = Type.Object({
  id: Uuid,
  service: Type.String(),
  label: Nullable(Type.String()),
  params: Type.Object({}, { additionalProperties: true, description: 'Stored with defaults applied.' }),
  monthly_usage: Type.Array(UsageRow, { description: 'The usage this item adds to a month.' }),
  created_at: DateTime,
  updated_at: DateTime,
})
export type ItemResponse = Static<typeof ItemResponse>

export const ItemPage = paginated(ItemResponse)
export const ListItemsQuery = Type.Object(PaginationQueryProperties, { additionalProperties: false })

const UsageTypeCost = Type.Object({
  usage_type: Type.String(),
  quantity: Quantity,
  free_quantity: Quantity,
  billable_quantity: Quantity,
  unit: Type.String(),
  unit_price: Type.Optional(Type.String({ description: 'Present when one price band covered the usage.' })),
  cost: Money,
})

const Unpriced = Type.Object({
  service: Type.String(),
  usage_type: Type.String(),
  quantity: Quantity,
  unit: Type.String(),
  reason: Type.String(),
})

const costBlock = {
  total: Money,
  by_service: Type.Array(
    Type.Object({ service: Type.String(), cost: Money, by_usage_type: Type.Array(UsageTypeCost) }),
  ),
  unpriced: Type.Array(Unpriced, {
    description: 'Usage of this block with no price in the region: never $0.',
  }),
}

const ItemUsageTypeCost = Type.Object({
  usage_type: Type.String(),
  unit: Type.String(),
  quantity: Quantity,
  free_quantity: Quantity,
  billable_quantity: Quantity,
  unit_price: Type.Optional(Type.String({ description: 'Present when one price band covered the usage.' })),
  cost: Nullable(
    Type.String({
      description: 'Exact decimal, up to 6 decimals; null: the region has no price for it (never $0).',
    }),
  ),
})

const LineItemCost = Type.Object({
  item_id: Uuid,
  service: Type.String(),
  cost: Money,
  by_usage_type: Type.Array(ItemUsageTypeCost),
  unpriced: Type.Boolean({
    description: 'Some of its usage has no price in the region, or the catalog no longer accepts the item.',
  }),
})

export const CostsResponse = Type.Object({
  currency: Type.String(),
  region: Type.String(),
  pricing_as_of: Type.String(),
  pricing_snapshot: PricingSnapshotRef,
  rate_card_applied: Type.Boolean({
    description:
      "The owner's rate card changed prices here: it has rules for the region and the scenario applies it.",
  }),
  assumptions: Type.Array(Type.String(), {
    description: 'What this answer assumed, in words: snapshot, free tier, each rate card rule that applies.',
  }),
  free_tier_applied: Type.Boolean(),
  modelled_monthly: Type.Object(costBlock, { description: 'The line items, priced as one month.' }),
  line_items: Type.Optional(
    Type.Array(LineItemCost, {
      description:
        "Each line item's part of modelled_monthly: the month is priced as a whole (tiers and the free tier " +
        "count the items' sum), and each usage type's cost, free and billable quantity are shared among the " +
        'items that use it by their share of its quantity, at 6 decimals with the remainder placed so that the ' +
        "items' costs add up exactly to each usage type's cost and to modelled_monthly.total. Answered by " +
        'GET /scenarios/:id/costs only (not by share links, compare or reports).',
    }),
  ),
  modelled_range: Type.Optional(
    Type.Object(
      { min: Money, max: Money },
      {
        description:
          'modelled_monthly.total with every {min, typical, max} param of the line items (ec2/rds count and ' +
          'hours, fargate tasks and hours) at its min, and at its max; both equal the total when none is ranged.',
      },
    ),
  ),
  observed: Type.Object(
    {
      ...costBlock,
      window_start: Nullable(DateTime),
      window_end: Nullable(DateTime),
      window_minutes: Type.Integer({ minimum: 0 }),
    },
    {
      description:
        'Ingested usage from the first event minute to the end of the last one, priced as if it were the ' +
        "month's only usage (free tier applied when enabled). Empty, with null window, before any event.",
    },
  ),
  projected_monthly: Type.Object(
    {
      ...costBlock,
      factor: Nullable(
        Type.String({ description: '30 days / observed window, rounded to 6 decimals for display.' }),
      ),
      reliability: Type.Union(
        [Type.Literal('none'), Type.Literal('low'), Type.Literal('fair'), Type.Literal('good')],
        {
          description:
            'How far the observed window can be trusted as a month (docs/scenarios.md#projection-reliability): ' +
            'none = nothing observed; low = under 24 hours (no daily cycle seen); fair = under 7 days (no weekly ' +
            'cycle seen); good = 7 days or more.',
        },
      ),
      reliability_note: Type.String({
        description: 'The reliability in words, for display beside the figure.',
      }),
    },
    {
      description:
        'Observed usage scaled to a 30-day month (storage levels are not scaled), then priced with tiers and ' +
        'the free tier.',
    },
  ),
  total_monthly: Type.Object(costBlock, {
    description:
      'Modelled and projected usage merged usage type by usage type, then priced once: tiers and the free ' +
      'tier apply to the month as a whole, so it differs from modelled + projected: more when both ' +
      'blocks used the same free allowance, less when the merged usage reaches a cheaper band.',
  }),
  reconciliation: Nullable(
    Type.Object(
      {
        modelled_plus_projected: Money,
        difference: Money,
        explanation: Type.String(),
      },
      {
        description:
          'Present (not null) when total_monthly.total differs from modelled_monthly.total + ' +
          'projected_monthly.total: their sum, total minus that sum, and why.',
      },
    ),
  ),
  unpriced: Type.Array(Unpriced, { description: 'The unpriced usage of total_monthly.' }),
  range: Type.Optional(
    Type.Object(
      {
        p50: Money,
        p90: Money,
        basis: Type.Union([Type.Literal('hourly_usage'), Type.Literal('no_observations')], {
          description:
            'hourly_usage: percentiles of the month priced as if every hour were one observed hour; ' +
            'no_observations: nothing ingested, both equal total_monthly.',
        }),
        hours: Type.Integer({ minimum: 0, description: 'Observed hours the percentiles are taken over.' }),
      },
      {
        description:
          'Spread of total_monthly from the hour-to-hour variance of ingested usage (docs/what-if-and-sharing.md). ' +
          'Answered by GET /scenarios/:id/costs and shared links, not by compare.',
      },
    ),
  ),
  what_if: Type.Optional(
    Type.Array(
      Type.Object({
        month: Type.Integer({ minimum: 1 }),
        usage_factor: Type.String({
          description: 'scale × (1 + growth)^(month − 1), rounded to 6 decimals.',
        }),
        total: Money,
        by_service: Type.Array(Type.Object({ service: Type.String(), cost: Money })),
      }),
      {
        description:
          'Present when scale, growth_pct_per_month or months is asked: projected usage × usage_factor, merged ' +
          'with the (unscaled) line items and priced month by month, tiers re-applied.',
      },
    ),
  ),
})
export type CostsResponse = Static<typeof CostsResponse>

export const ItemPreviewQuery = Type.Object(
  {
    item_id: Type.Optional(
      Type.String({
        format: 'uuid',
        description:
          'The item being edited: the scenario total is priced with the previewed item in its place.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type ItemPreviewQuery = Static<typeof ItemPreviewQuery>

export const ItemPreviewResponse = Type.Object({
  currency: Type.String(),
  region: Type.String(),
  pricing_as_of: Type.String(),
  free_tier_applied: Type.Boolean(),
  rate_card_applied: Type.Boolean({
    description: "Whether the owner's rate card priced the item, as it prices the scenario's costs answer.",
  }),
  service: Type.String(),
  params: Type.Object({}, { additionalProperties: true, description: 'The params as they would be stored.' }),
  monthly_usage: Type.Array(UsageRow, { description: 'The usage this item would add to a month.' }),
  monthly_cost: Type.Object(costBlock, {
    description:
      "The item alone priced as one month in the scenario's region, free tier applied when the scenario " +
      'enables it, {min, typical, max} params at typical: what it costs as the only modelled usage.',
  }),
  monthly_range: Type.Object(
    { min: Money, max: Money },
    { description: 'monthly_cost.total with every {min, typical, max} param at its min, and at its max.' },
  ),
  price_gaps: Type.Object(
    {
      not_offered: Type.Array(Type.String(), {
        description:
          "Usage types AWS does not offer in the scenario's region (sourced claims of the catalog).",
      }),
      missing: Type.Array(Type.String(), {
        description: "Usage types the catalog has no price for in the scenario's region.",
      }),
    },
    {
      description:
        'The usage types this item bills with its params (a quantity above zero at any point of its ranges) ' +
        "that have no price in the scenario's region, split by why: they are reported unpriced, never $0. " +
        'Empty arrays when every one is priced.',
    },
  ),
  modelled_monthly_total: Type.Object(
    {
      before: Money,
      after: Money,
      delta: Money,
    },
    {
      description:
        "The scenario's modelled_monthly.total now and once this item is saved (added, or in place of item_id), " +
        'priced together so tiers and the free tier are shared, as GET /costs will answer it.',
    },
  ),
})
export type ItemPreviewResponse = Static<typeof ItemPreviewResponse>

export const CostsQuery = Type.Object(
  {
    scale: Type.Optional(
      Type.Number({
        exclusiveMinimum: 0,
        maximum: 1000,
        description: 'Multiplier of the observed traffic (default 1): 10 = ten times the traffic.',
      }),
    ),
    growth_pct_per_month: Type.Optional(
      Type.Number({
        minimum: -50,
        maximum: 500,
        description: 'Compound traffic growth per month, in percent (default 0).',
      }),
    ),
    months: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 36, description: 'Months of what-if projection (default 12).' }),
    ),
    snapshot: Type.Optional(SnapshotId),
    range: Type.Optional(
      Type.Boolean({
        description:
          'true adds `range` (p50/p90 from the hourly usage). Off by default: it reads up to 744 hours of rollups, ' +
          'while the rest of the answer reads one row per usage type.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type CostsQuery = Static<typeof CostsQuery>

/** At most this many of the user's scenarios are priced for the portfolio, newest first. */
export const PORTFOLIO_MAX_SCENARIOS = 100

export const PortfolioQuery = Type.Object(
  {
    tag: Type.Optional(
      Type.String({ minLength: 1, maxLength: 50, description: 'Only the scenarios carrying this tag.' }),
    ),
    include_archived: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
)
export type PortfolioQuery = Static<typeof PortfolioQuery>

export const PortfolioResponse = Type.Object({
  currency: Type.String(),
  scenarios: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      region: Type.String(),
      status: ScenarioStatus,
      tags: Type.Array(Type.String()),
      monthly_total: Money,
      modelled_monthly: Money,
      projected_monthly: Money,
      unpriced_usage_types: Type.Integer({
        description: 'Usage types with no price: the total leaves them out.',
      }),
    }),
    { description: `Newest first, at most ${PORTFOLIO_MAX_SCENARIOS}.` },
  ),
  total_scenarios: Type.Integer({ description: 'How many scenarios matched, also those beyond the list.' }),
  groups: Type.Array(
    Type.Object({
      tag: Type.Union([Type.String(), Type.Null()], { description: 'null: the scenarios without a tag.' }),
      scenario_count: Type.Integer(),
      monthly_total: Money,
    }),
    {
      description:
        'Monthly totals per tag, summed in exact decimals. A scenario with several tags counts in each of its ' +
        'groups. There is no total across all scenarios: they are often alternatives of one workload.',
    },
  ),
})
export type PortfolioResponse = Static<typeof PortfolioResponse>

export const CompareBody = Type.Object(
  { scenario_ids: Type.Array(Uuid, { minItems: 2, maxItems: 4, uniqueItems: true }) },
  { additionalProperties: false },
)
export type CompareBody = Static<typeof CompareBody>

export const CompareResponse = Type.Object({
  scenarios: Type.Array(Type.Composite([Type.Object({ id: Uuid, name: Type.String() }), CostsResponse])),
  deltas: Type.Array(
    Type.Object({
      scenario_id: Uuid,
      total_delta: Money,
      by_service: Type.Array(Type.Object({ service: Type.String(), delta: Money })),
      by_usage_type: Type.Array(
        Type.Object({ service: Type.String(), usage_type: Type.String(), delta: Money }),
      ),
    }),
    {
      description:
        'total_monthly of each scenario after the first minus that of the first; rows sorted by absolute delta.',
    },
  ),
})
export type CompareResponse = Static<typeof CompareResponse>

const KeyCosts = {
  observed_cost: Money,
  projected_monthly_cost: Money,
}

export const CostsByApiKeyResponse = Type.Object({
  currency: Type.String(),
  window_start: Nullable(DateTime),
  window_end: Nullable(DateTime),
  keys: Type.Array(
    Type.Object({
      api_key_id: Type.Union([Uuid, Type.Null()], {
        description: 'null: batches sent with a signed-in user’s JWT instead of an API key.',
      }),
      name: Type.Union([Type.String(), Type.Null()], {
        description: 'null when the key was deleted, or for JWT batches.',
      }),
      key_prefix: Nullable(Type.String()),
      revoked: Type.Boolean(),
      ...KeyCosts,
      share_pct: Type.String({ description: 'Percent of the projected month’s ingested cost, 6 decimals.' }),
      by_service: Type.Array(Type.Object({ service: Type.String(), ...KeyCosts })),
    }),
    { description: 'Senders by projected monthly cost, highest first.' },
  ),
  unattributed: Type.Object(KeyCosts, {
    description: 'Ingested cost that no key accounts for: usage stored before per-key totals were kept.',
  }),
})
export type CostsByApiKeyResponse = Static<typeof CostsByApiKeyResponse>

export const PurchaseOptionsQuery = Type.Object(
  {
    commitment: Type.Union(
      [
        Type.Literal('reserved_instances'),
        Type.Literal('compute_savings_plan'),
        Type.Literal('ec2_instance_savings_plan'),
        Type.Literal('spot'),
      ],
      {
        description:
          'Reserved Instances (EC2 and RDS items), a Compute Savings Plan (EC2; AWS also applies it to Lambda ' +
          'and Fargate), an EC2 Instance Savings Plan (EC2), or Spot (EC2 and Fargate Spot for ECS tasks, at ' +
          'the discount you state).',
      },
    ),
    term: Type.Optional(
      Type.Union([Type.Literal('1y'), Type.Literal('3y')], {
        description: 'Term (default 1y); not for spot.',
      }),
    ),
    payment: Type.Optional(
      Type.Union([Type.Literal('no_upfront'), Type.Literal('partial_upfront'), Type.Literal('all_upfront')], {
        description: 'Payment option (default no_upfront); not for spot.',
      }),
    ),
    offering_class: Type.Optional(
      Type.Union([Type.Literal('standard'), Type.Literal('convertible')], {
        description: 'EC2 Reserved Instance offering class (default standard).',
      }),
    ),
    spot_discount_pct: Type.Optional(
      Type.Number({
        minimum: 0,
        maximum: 100,
        description:
          'Spot only, and required for it: the discount off on-demand you expect, in percent. Spot prices move ' +
          'with supply and demand, so mockupAWS prices Spot as the discount you state.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type PurchaseOptionsQuery = Static<typeof PurchaseOptionsQuery>

const Horizon = Type.Object(
  { on_demand: Money, with_option: Money, savings: Money },
  {
    description:
      'Money paid over the months from the start: on demand = months × on_demand_monthly; with the option = ' +
      'the upfront fee of every term begun (a 1-year term renews at the same rates) + months × monthly.',
  },
)
const OptionFigures = {
  on_demand_monthly: Money,
  upfront: Type.String({ description: 'Paid once at the start of each term; never part of monthly.' }),
  monthly: Type.String({
    description:
      'Monthly fees under the option: hourly fee × 730 per reservation (billed whether the instance runs or not), plus hours above 730 on demand; for Spot the discounted hours.',
  }),
  effective_monthly: Type.String({ description: 'monthly + upfront / term months.' }),
  total_12_months: Horizon,
  total_36_months: Horizon,
}

export const PurchaseOptionsResponse = Type.Object({
  currency: Type.String(),
  region: Type.String(),
  pricing_as_of: Type.String(),
  option: Type.Object({
    commitment: Type.String(),
    term: Nullable(Type.String()),
    payment: Nullable(Type.String()),
    offering_class: Nullable(Type.String()),
    spot_discount_pct: Nullable(Type.Number()),
    term_months: Nullable(Type.Integer()),
  }),
  items: Type.Array(
    Type.Object({
      item_id: Uuid,
      service: Type.String(),
      usage_type: Type.String({
        description: 'The on-demand usage the option replaces: instance-hours, or the first of several.',
      }),
      alongside_usage_types: Type.Array(Type.String(), {
        description:
          'Further on-demand usage the option replaces with usage_type (Fargate: GB-hours beside vCPU-hours); ' +
          'empty for instances.',
      }),
      offer_usage_types: Type.Array(Type.String(), {
        description:
          "The catalog usage types of the offer's hourly and upfront fees, or of a Savings Plan's rate per unit " +
          'of each usage it covers (Fargate: vCPU-hours, then GB-hours; Lambda: GB-seconds); none for Spot.',
      }),
      replaced_usage: Type.Array(
        Type.Object({
          usage_type: Type.String(),
          billable_quantity: Type.String({ description: 'After the free tier, a decimal string.' }),
          unit: Type.String(),
        }),
        {
          description:
            'The on-demand usage the option replaces (usage_type, then alongside_usage_types) and the quantity ' +
            'of each that is billed after the free tier. A plan per unit (Fargate, Lambda) is sized to it; ' +
            'reservations and EC2 plans commit to instances × 730 hours whatever is billed.',
        },
      ),
      instances: Nullable(Type.Number(), {
        description: 'Instances or tasks the option covers; null for usage without instances (Lambda).',
      }),
      hours_per_instance: Nullable(Type.Number(), { description: 'Null with instances.' }),
      ...OptionFigures,
    }),
  ),
  not_covered: Type.Array(
    Type.Object({
      item_id: Uuid,
      service: Type.String(),
      reason: Type.String(),
      missing_usage_type: Nullable(Type.String(), {
        description:
          "The option's usage type the catalog has no rate for in the region (a pricing sync may bring it); " +
          'null when the item stays on demand for another reason.',
      }),
    }),
    {
      description:
        'Items that stay on demand: the option does not cover the service, or the catalog has no rate for ' +
        'the offer in the region (never priced as $0).',
    },
  ),
  totals: Type.Object(OptionFigures, { description: 'The covered items together.' }),
  modelled_monthly: Type.Object(
    { on_demand: Money, with_option: Money },
    {
      description:
        "The scenario's modelled_monthly.total, and the same with the covered items' on-demand hours " +
        'replaced by their monthly fees under the option (upfront fees excluded).',
    },
  ),
})
export type PurchaseOptionsResponse = Static<typeof PurchaseOptionsResponse>
