import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import { ScenarioParams } from '../scenarios/scenarios.schemas.js'
import {
  AlertPage,
  BudgetBody,
  BudgetResponse,
  CreateRuleBody,
  ListQuery,
  RulePage,
  RuleParams,
  RuleResponse,
  SavedRuleResponse,
  UpdateRuleBody,
} from './budgets.schemas.js'
import type { BudgetService } from './budgets.service.js'

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]
const tags = ['budgets']

/** Budgets, alert rules and alert history of a scenario (docs/budgets.md); scenario scopes guard them. */
export const budgetRoutes: FastifyPluginAsyncTypebox<{ budgets: BudgetService }> = async (
  app,
  { budgets },
) => {
  const read = app.requireAuth({ scope: 'read:scenarios' })
  const write = app.requireAuth({ scope: 'write:scenarios' })
  const userOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).userId

  app.get(
    '/scenarios/:id/budget',
    {
      schema: {
        tags,
        security,
        description:
          'The monthly budget (null when none is set) and the projected month cost it is compared with.',
        params: ScenarioParams,
        response: { 200: BudgetResponse },
      },
      preHandler: read,
    },
    (req) => budgets.getBudget(userOf(req), req.params.id),
  )

  app.put(
    '/scenarios/:id/budget',
    {
      schema: {
        tags,
        security,
        description: "Sets the scenario's monthly budget and evaluates its alert rules at once.",
        params: ScenarioParams,
        body: BudgetBody,
        response: { 200: BudgetResponse },
      },
      preHandler: write,
    },
    (req) => budgets.putBudget(userOf(req), req.params.id, req.body),
  )

  app.delete(
    '/scenarios/:id/budget',
    { schema: { tags, security, params: ScenarioParams }, preHandler: write },
    async (req, reply) => {
      await budgets.deleteBudget(userOf(req), req.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/scenarios/:id/alert-rules',
    {
      schema: {
        tags,
        security,
        description:
          'Adds an alert rule, evaluated at once; a webhook secret is generated and shown only here.',
        params: ScenarioParams,
        body: CreateRuleBody,
        response: { 201: SavedRuleResponse },
      },
      preHandler: write,
    },
    async (req, reply) =>
      reply.code(201).send(await budgets.createRule(userOf(req), req.params.id, req.body)),
  )

  app.get(
    '/scenarios/:id/alert-rules',
    {
      schema: { tags, security, params: ScenarioParams, querystring: ListQuery, response: { 200: RulePage } },
      preHandler: read,
    },
    (req) => budgets.listRules(userOf(req), req.params.id, req.query),
  )

  app.get(
    '/alert-rules/:id',
    { schema: { tags, security, params: RuleParams, response: { 200: RuleResponse } }, preHandler: read },
    (req) => budgets.getRule(userOf(req), req.params.id),
  )

  app.patch(
    '/alert-rules/:id',
    {
      schema: {
        tags,
        security,
        params: RuleParams,
        body: UpdateRuleBody,
        response: { 200: SavedRuleResponse },
      },
      preHandler: write,
    },
    (req) => budgets.updateRule(userOf(req), req.params.id, req.body),
  )

  app.delete(
    '/alert-rules/:id',
    { schema: { tags, security, params: RuleParams }, preHandler: write },
    async (req, reply) => {
      await budgets.deleteRule(userOf(req), req.params.id)
      return reply.code(204).send()
    },
  )

  app.get(
    '/scenarios/:id/alerts',
    {
      schema: {
        tags,
        security,
        description: 'Alert history, newest first, with the status of each email and webhook delivery.',
        params: ScenarioParams,
        querystring: ListQuery,
        response: { 200: AlertPage },
      },
      preHandler: read,
    },
    (req) => budgets.listAlerts(userOf(req), req.params.id, req.query),
  )
}
