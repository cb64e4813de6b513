import type { Db } from '../../db/client.js'
import { conflict, type ErrorDetail, notFound, validationError } from '../../errors.js'
import { normaliseEmail } from '../../lib/email.js'
import { pageWindow, toPage } from '../../lib/pagination.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import type { CostService } from '../scenarios/costs.service.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import type { AlertEvaluationService } from './alert-evaluation.service.js'
import * as repo from './budgets.repo.js'
import type {
  AlertResponse,
  BudgetBody,
  BudgetResponse,
  CreateRuleBody,
  RuleResponse,
  SavedRuleResponse,
  UpdateRuleBody,
} from './budgets.schemas.js'
import { generateWebhookSecret, type WebhookTargetPolicy, webhookUrlProblem } from './webhook.js'

/** Rules per scenario: enough for a budget line, a warning line and a jump rule per team, with room. */
export const MAX_RULES_PER_SCENARIO = 20

type BudgetDeps = {
  db: Db
  scenarios: ScenarioService
  costs: CostService
  evaluation: AlertEvaluationService
  webhookPolicy: WebhookTargetPolicy
}

/** Stored decimals come back with trailing zeros (`250.000000`); answers use the shortest form. */
const decimal = (value: string) => new ExactDecimal(value).toFixed()
const MONEY = /^[0-9]{1,12}(\.[0-9]{1,6})?$/

/** Why an amount (budget, threshold) is refused: a decimal string, ≤ 12 integer digits, ≤ 6 decimals, above 0. */
function amountProblem(value: string): string | undefined {
  if (!MONEY.test(value)) return 'must be a decimal string such as "250" or "99.5" (at most 6 decimals)'
  return new ExactDecimal(value).isZero() ? 'must be greater than 0' : undefined
}

const sameDecimal = (a: string | null, b: string | null) =>
  a === null || b === null ? a === b : new ExactDecimal(a).equals(b)

export function toRuleResponse(row: repo.RuleRow): RuleResponse {
  return {
    id: row.id,
    scenario_id: row.scenarioId,
    kind: row.kind,
    threshold: row.threshold === null ? null : decimal(row.threshold),
    jump_pct: row.jumpPct === null ? null : Number(row.jumpPct),
    emails: row.emails,
    webhook_url: row.webhookUrl,
    enabled: row.enabled,
    state: row.state,
    state_changed_at: row.stateChangedAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

function toAlertResponse(row: repo.AlertRow, deliveries: repo.DeliveryRow[]): AlertResponse {
  return {
    id: row.id,
    rule_id: row.ruleId,
    rule_kind: row.ruleKind,
    transition: row.transition,
    projected_monthly: decimal(row.projectedMonthly),
    limit: decimal(row.limitAmount),
    change_pct: row.changePct === null ? null : decimal(row.changePct),
    created_at: row.createdAt.toISOString(),
    deliveries: deliveries.map((d) => ({
      channel: d.channel,
      target: d.target,
      status: d.status,
      attempts: d.attempts,
      last_error: d.lastError,
      updated_at: d.updatedAt.toISOString(),
    })),
  }
}

type RuleInput = CreateRuleBody

export function createBudgetService({ db, scenarios, costs, evaluation, webhookPolicy }: BudgetDeps) {
  /** The rule's fields as stored, after the checks a person needs explained (422 with every problem). */
  function checkRule(input: RuleInput): Omit<repo.RuleValues, 'scenarioId' | 'userId' | 'webhookSecret'> {
    const details: ErrorDetail[] = []
    if (input.kind === 'daily_jump_pct') {
      if (input.jump_pct === undefined || input.jump_pct === null)
        details.push({ field: 'jump_pct', reason: 'is required when kind is daily_jump_pct' })
      if (input.threshold !== undefined && input.threshold !== null)
        details.push({ field: 'threshold', reason: 'applies only to projected_above rules' })
    } else if (input.jump_pct !== undefined && input.jump_pct !== null) {
      details.push({ field: 'jump_pct', reason: 'applies only to daily_jump_pct rules' })
    }
    const thresholdProblem = input.threshold ? amountProblem(input.threshold) : undefined
    if (thresholdProblem) details.push({ field: 'threshold', reason: thresholdProblem })
    const emails: string[] = []
    input.emails.forEach((address, i) => {
      const email = normaliseEmail(address)
      if (!email) details.push({ field: `emails.${i}`, reason: 'must be a valid email address' })
      else if (!emails.includes(email)) emails.push(email)
    })
    const urlProblem = input.webhook_url ? webhookUrlProblem(input.webhook_url, webhookPolicy) : undefined
    if (urlProblem) details.push({ field: 'webhook_url', reason: urlProblem })
    if (details.length > 0) throw validationError(details, 'The alert rule is not valid.')
    return {
      kind: input.kind,
      threshold: input.kind === 'projected_above' ? (input.threshold ?? null) : null,
      jumpPct: input.kind === 'daily_jump_pct' ? String(input.jump_pct) : null,
      emails,
      webhookUrl: input.webhook_url || null,
      enabled: input.enabled,
    }
  }

  async function ownedRule(userId: string, id: string): Promise<repo.RuleRow> {
    const row = await repo.findRuleOwned(db, userId, id)
    if (!row) throw notFound('alert rule')
    return row
  }

  /** Evaluates now, so the answer shows the rule's state; a failure is logged and left to the next pass. */
  async function savedRule(userId: string, row: repo.RuleRow, secret?: string): Promise<SavedRuleResponse> {
    await evaluation.evaluateQuietly(row.scenarioId)
    const fresh = (await repo.findRuleOwned(db, userId, row.id)) ?? row
    return { ...toRuleResponse(fresh), ...(secret ? { webhook_secret: secret } : {}) }
  }

  /** The scenario's budget (null when none is set) beside its projected month cost. */
  async function getBudget(userId: string, scenarioId: string): Promise<BudgetResponse> {
    const scenario = await scenarios.owned(userId, scenarioId)
    const [budget, answer] = await Promise.all([
      repo.findBudget(db, scenario.id),
      costs.costs(userId, scenario.id),
    ])
    const projected = answer.total_monthly.total
    return {
      scenario_id: scenario.id,
      monthly_budget: budget ? decimal(budget.monthlyBudget) : null,
      currency: answer.currency,
      projected_monthly: projected,
      used_pct: budget
        ? new ExactDecimal(projected).dividedBy(budget.monthlyBudget).times(100).toDecimalPlaces(2).toNumber()
        : null,
      updated_at: budget?.updatedAt.toISOString() ?? null,
    }
  }

  return {
    getBudget,

    /** Sets the monthly budget, then evaluates the rules that compare against it. */
    async putBudget(userId: string, scenarioId: string, input: BudgetBody): Promise<BudgetResponse> {
      const scenario = await scenarios.owned(userId, scenarioId)
      const problem = amountProblem(input.monthly_budget)
      if (problem) throw validationError([{ field: 'monthly_budget', reason: problem }])
      await repo.upsertBudget(db, { scenarioId: scenario.id, userId, monthlyBudget: input.monthly_budget })
      await evaluation.evaluateQuietly(scenario.id)
      return getBudget(userId, scenario.id)
    },

    /** Removes the budget; rules without their own threshold then wait for a new one (state unchanged). */
    async deleteBudget(userId: string, scenarioId: string): Promise<void> {
      const scenario = await scenarios.owned(userId, scenarioId)
      await repo.deleteBudget(db, scenario.id)
    },

    /**
     * Adds a rule and evaluates it at once. A webhook gets a generated signing secret, returned in this
     * answer only. At most MAX_RULES_PER_SCENARIO rules per scenario (409 beyond).
     */
    async createRule(userId: string, scenarioId: string, input: CreateRuleBody): Promise<SavedRuleResponse> {
      const scenario = await scenarios.owned(userId, scenarioId)
      const values = checkRule(input)
      if ((await repo.countRules(db, scenario.id)) >= MAX_RULES_PER_SCENARIO)
        throw conflict(`A scenario has at most ${MAX_RULES_PER_SCENARIO} alert rules; delete one first.`)
      const secret = values.webhookUrl ? generateWebhookSecret() : undefined
      const row = await repo.insertRule(db, {
        ...values,
        scenarioId: scenario.id,
        userId,
        webhookSecret: secret ?? null,
      })
      return savedRule(userId, row, secret)
    },

    async listRules(userId: string, scenarioId: string, query: { page: number; page_size: number }) {
      const scenario = await scenarios.owned(userId, scenarioId)
      const { items, total } = await repo.listRules(db, scenario.id, pageWindow(query))
      return toPage(items.map(toRuleResponse), total, query)
    },

    async getRule(userId: string, id: string): Promise<RuleResponse> {
      return toRuleResponse(await ownedRule(userId, id))
    },

    /**
     * Applies the changed fields. A changed condition, or disabling, puts the rule back to `ok` without an
     * alert, then it is evaluated again. A first webhook URL gets a secret, returned in this answer only.
     */
    async updateRule(userId: string, id: string, patch: UpdateRuleBody): Promise<SavedRuleResponse> {
      const current = await ownedRule(userId, id)
      if (Object.keys(patch).length === 0)
        throw validationError([{ field: 'body', reason: 'must change at least one field' }])
      const merged: RuleInput = {
        ...toRuleResponse(current),
        // A kind change drops the other kind's field unless the patch sets it.
        ...(patch.kind && patch.kind !== current.kind ? { threshold: null, jump_pct: null } : {}),
        ...patch,
      }
      const values = checkRule(merged)
      const conditionChanged =
        values.kind !== current.kind ||
        !sameDecimal(values.threshold ?? null, current.threshold) ||
        !sameDecimal(values.jumpPct ?? null, current.jumpPct) ||
        !values.enabled
      const secret = values.webhookUrl && !current.webhookSecret ? generateWebhookSecret() : undefined
      const row = await repo.updateRule(
        db,
        id,
        { ...values, ...(secret ? { webhookSecret: secret } : {}) },
        conditionChanged && current.state !== 'ok',
      )
      if (!row) throw notFound('alert rule')
      return savedRule(userId, row, secret)
    },

    /** Deletes the rule; its alert history stays (rule_id becomes null). */
    async deleteRule(userId: string, id: string): Promise<void> {
      if (!(await repo.deleteRuleOwned(db, userId, id))) throw notFound('alert rule')
    },

    /** Alert history of the scenario, newest first, with each delivery's status. */
    async listAlerts(userId: string, scenarioId: string, query: { page: number; page_size: number }) {
      const scenario = await scenarios.owned(userId, scenarioId)
      const { items, total } = await repo.listAlerts(db, userId, scenario.id, pageWindow(query))
      const deliveries = await repo.deliveriesOf(
        db,
        items.map((a) => a.id),
      )
      return toPage(
        items.map((alert) =>
          toAlertResponse(
            alert,
            deliveries.filter((d) => d.alertId === alert.id),
          ),
        ),
        total,
        query,
      )
    },
  }
}
export type BudgetService = ReturnType<typeof createBudgetService>
