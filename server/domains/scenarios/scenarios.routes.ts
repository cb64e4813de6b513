import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import type { CostService } from './costs.service.js'
import type { CostsByKeyService } from './costs-by-key.service.js'
import {
  CompareBody,
  CompareResponse,
  CostsByApiKeyResponse,
  CostsQuery,
  CostsResponse,
  CreateItemBody,
  CreateItemContract,
  CreateScenarioBody,
  ItemPage,
  ItemParams,
  ItemPreviewQuery,
  ItemPreviewResponse,
  ItemResponse,
  ListItemsQuery,
  ListScenariosQuery,
  PortfolioQuery,
  PortfolioResponse,
  PurchaseOptionsQuery,
  PurchaseOptionsResponse,
  ScenarioPage,
  ScenarioParams,
  ScenarioResponse,
  TemplatesResponse,
  UpdateItemBody,
  UpdateItemContract,
  UpdateScenarioBody,
} from './scenarios.schemas.js'
import type { ScenarioService } from './scenarios.service.js'
import { SCENARIO_TEMPLATES } from './templates.js'

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]
const tags = ['scenarios']

export const scenarioRoutes: FastifyPluginAsyncTypebox<{
  scenarios: ScenarioService
  costs: CostService
  costsByKey: CostsByKeyService
}> = async (app, { scenarios, costs, costsByKey }) => {
  const read = app.requireAuth({ scope: 'read:scenarios' })
  const write = app.requireAuth({ scope: 'write:scenarios' })
  const userOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).userId

  app.post(
    '/scenarios',
    {
      schema: { tags, security, body: CreateScenarioBody, response: { 201: ScenarioResponse } },
      preHandler: write,
    },
    async (req, reply) => reply.code(201).send(await scenarios.create(userOf(req), req.body)),
  )

  app.get(
    '/portfolio',
    {
      schema: {
        tags,
        security,
        summary: "Monthly totals of the user's scenarios, and per tag",
        querystring: PortfolioQuery,
        response: { 200: PortfolioResponse },
      },
      preHandler: read,
    },
    (req) => costs.portfolio(userOf(req), req.query),
  )

  app.get(
    '/scenario-templates',
    {
      schema: {
        tags,
        security,
        summary: 'Templates a scenario can start from, with their line items and assumptions',
        response: { 200: TemplatesResponse },
      },
      preHandler: read,
    },
    () => ({
      templates: SCENARIO_TEMPLATES.map((template) => ({
        ...template,
        tags: [...template.tags],
        assumptions: [...template.assumptions],
        items: template.items.map((item) => ({ ...item, params: { ...item.params } })),
      })),
    }),
  )

  app.get(
    '/scenarios',
    {
      schema: { tags, security, querystring: ListScenariosQuery, response: { 200: ScenarioPage } },
      preHandler: read,
    },
    (req) => scenarios.list(userOf(req), req.query),
  )

  // Registered before /scenarios/:id so that "compare" is never read as an id.
  app.post(
    '/scenarios/compare',
    {
      schema: {
        tags,
        security,
        description:
          'Costs of 2–4 scenarios side by side, with the total_monthly deltas of each against the first.',
        body: CompareBody,
        response: { 200: CompareResponse },
      },
      preHandler: read,
    },
    (req) => costs.compare(userOf(req), req.body.scenario_ids),
  )

  app.get(
    '/scenarios/:id',
    {
      schema: { tags, security, params: ScenarioParams, response: { 200: ScenarioResponse } },
      preHandler: read,
    },
    (req) => scenarios.get(userOf(req), req.params.id),
  )

  app.patch(
    '/scenarios/:id',
    {
      schema: {
        tags,
        security,
        params: ScenarioParams,
        body: UpdateScenarioBody,
        response: { 200: ScenarioResponse },
      },
      preHandler: write,
    },
    (req) => scenarios.update(userOf(req), req.params.id, req.body),
  )

  app.delete(
    '/scenarios/:id',
    { schema: { tags, security, params: ScenarioParams }, preHandler: write },
    async (req, reply) => {
      await scenarios.remove(userOf(req), req.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/scenarios/:id/clone',
    {
      schema: { tags, security, params: ScenarioParams, response: { 201: ScenarioResponse } },
      preHandler: write,
    },
    async (req, reply) => reply.code(201).send(await scenarios.clone(userOf(req), req.params.id)),
  )

  app.get(
    '/scenarios/:id/costs',
    {
      schema: {
        tags,
        security,
        description:
          'Modelled, observed, projected and total monthly cost. total_monthly prices modelled + projected ' +
          'usage once, so tiers and the free tier apply to the whole month: it differs from the sum of the ' +
          'two blocks (more when both used one free allowance, less when tiers get cheaper). Money is an exact decimal string; unpriced usage is listed, never $0. ' +
          '`range=true` adds p50/p90 from hourly usage; scale, growth_pct_per_month and months add the `what_if` months.',
        params: ScenarioParams,
        querystring: CostsQuery,
        response: { 200: CostsResponse },
      },
      preHandler: read,
    },
    (req) => costs.costs(userOf(req), req.params.id, req.query, { lineItems: true }),
  )

  app.get(
    '/scenarios/:id/costs/purchase-options',
    {
      schema: {
        tags,
        security,
        description:
          'What would Reserved Instances, a Savings Plan or Spot save? The line items on demand against one ' +
          'purchase option: per covered item and in total, the upfront fee and the monthly fees apart, the ' +
          'effective monthly cost, and 12- and 36-month totals with the savings. Items the option does not ' +
          'cover, or whose offer has no catalog rate in the region, are listed in not_covered and stay on ' +
          'demand (docs/pricing.md#purchase-options).',
        params: ScenarioParams,
        querystring: PurchaseOptionsQuery,
        response: { 200: PurchaseOptionsResponse },
      },
      preHandler: read,
    },
    (req) => costs.purchaseOptions(userOf(req), req.params.id, req.query),
  )

  app.get(
    '/scenarios/:id/costs/by-api-key',
    {
      schema: {
        tags,
        security,
        description:
          'The ingested cost (observed and projected month) split by the API key that sent the usage, in ' +
          'proportion to the quantity each key sent of every usage type (docs/scenarios.md#costs-by-api-key).',
        params: ScenarioParams,
        response: { 200: CostsByApiKeyResponse },
      },
      preHandler: read,
    },
    (req) => costsByKey.costsByApiKey(userOf(req), req.params.id),
  )

  app.get(
    '/scenarios/:id/items',
    {
      schema: {
        tags,
        security,
        params: ScenarioParams,
        querystring: ListItemsQuery,
        response: { 200: ItemPage },
      },
      preHandler: read,
    },
    (req) => scenarios.listItems(userOf(req), req.params.id, req.query),
  )

  app.post(
    '/scenarios/:id/items',
    {
      schema: {
        tags,
        security,
        params: ScenarioParams,
        body: CreateItemBody,
        response: { 201: ItemResponse },
      },
      config: { documentedBody: CreateItemContract },
      preHandler: write,
    },
    async (req, reply) => reply.code(201).send(await scenarios.addItem(userOf(req), req.params.id, req.body)),
  )

  // A dry run: it stores nothing, so reading the scenario is enough (read:scenarios, like GET /costs).
  app.post(
    '/scenarios/:id/items/preview',
    {
      schema: {
        tags,
        security,
        description:
          'Prices a line item without storing it: same body and the same 422 as creating it. Answers its ' +
          'monthly usage and cost alone in the scenario (region, free tier, unpriced usage, {min, typical, max} ' +
          "range), and the scenario's modelled_monthly.total before and after saving it (`item_id`: the item " +
          'being edited, replaced rather than added).',
        params: ScenarioParams,
        querystring: ItemPreviewQuery,
        body: CreateItemBody,
        response: { 200: ItemPreviewResponse },
      },
      config: { documentedBody: CreateItemContract },
      preHandler: read,
    },
    (req) => costs.previewItem(userOf(req), req.params.id, req.body, req.query),
  )

  app.patch(
    '/scenarios/:id/items/:item_id',
    {
      schema: { tags, security, params: ItemParams, body: UpdateItemBody, response: { 200: ItemResponse } },
      config: { documentedBody: UpdateItemContract },
      preHandler: write,
    },
    (req) => scenarios.updateItem(userOf(req), req.params.id, req.params.item_id, req.body),
  )

  app.delete(
    '/scenarios/:id/items/:item_id',
    { schema: { tags, security, params: ItemParams }, preHandler: write },
    async (req, reply) => {
      await scenarios.removeItem(userOf(req), req.params.id, req.params.item_id)
      return reply.code(204).send()
    },
  )
}
