import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { JobQueue } from '../../jobs/queue.js'
import type { CostService } from '../scenarios/costs.service.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import * as repo from './budgets.repo.js'
import {
  evaluateRule,
  type Figures,
  previousUtcDay,
  type RuleCondition,
  transitionOf,
  utcDay,
} from './evaluation.js'

export const EVALUATE_SCENARIO_JOB = 'evaluate-scenario-budget'
export const EVALUATE_ALL_JOB = 'evaluate-all-budgets'
export const DELIVER_ALERT_JOB = 'deliver-budget-alert'
const SCENARIO_PAGE = 100
/** A delivery still unattempted this long after its alert lost its job; the periodic pass requeues it. */
const STRANDED_AFTER_MS = 10 * 60_000

type EvaluationDeps = {
  db: Db
  queue: JobQueue
  logger: FastifyBaseLogger
  costs: CostService
  scenarios: Pick<ScenarioService, 'archivedAmong'>
}

function conditionOf(rule: repo.RuleRow): RuleCondition {
  return rule.kind === 'projected_above'
    ? { kind: 'projected_above', threshold: rule.threshold }
    : { kind: 'daily_jump_pct', jumpPct: rule.jumpPct ?? '0' }
}

function deliveriesFor(rule: repo.RuleRow): { channel: 'email' | 'webhook'; target: string }[] {
  const channels: { channel: 'email' | 'webhook'; target: string }[] = []
  if (rule.emails.length > 0) channels.push({ channel: 'email', target: rule.emails.join(', ') })
  if (rule.webhookUrl) channels.push({ channel: 'webhook', target: rule.webhookUrl })
  return channels
}

export function createAlertEvaluationService({ db, queue, logger, costs, scenarios }: EvaluationDeps) {
  /** Queues the delivery jobs; a failure leaves them pending for the periodic pass to requeue. */
  async function enqueueDeliveries(ids: string[]): Promise<void> {
    for (const deliveryId of ids) {
      try {
        await queue.send(DELIVER_ALERT_JOB, { deliveryId })
      } catch (err) {
        logger.warn(
          { delivery_id: deliveryId, err: { message: (err as Error).message } },
          'alert delivery not queued',
        )
      }
    }
  }

  /** The scenario's projected month cost now; undefined when the scenario is gone. */
  async function projectedOf(userId: string, scenarioId: string): Promise<string | undefined> {
    try {
      return (await costs.costs(userId, scenarioId)).total_monthly.total
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 404) return undefined
      throw err
    }
  }

  /** Records one state change and its deliveries in one transaction; false when another evaluator won. */
  async function recordChange(
    rule: repo.RuleRow,
    to: 'ok' | 'triggered',
    values: Pick<repo.AlertValues, 'transition' | 'projectedMonthly' | 'limitAmount' | 'changePct'>,
  ): Promise<string[] | undefined> {
    return db.transaction(async (tx) => {
      const version = await repo.moveState(tx, rule.id, rule.state, to)
      if (version === undefined) return undefined
      return repo.insertAlertWithDeliveries(
        tx,
        {
          ...values,
          ruleId: rule.id,
          scenarioId: rule.scenarioId,
          userId: rule.userId,
          ruleKind: rule.kind,
          stateVersion: version,
        },
        deliveriesFor(rule),
      )
    })
  }

  /**
   * Evaluates every enabled rule of one scenario at `now` (injectable for tests): stores today's projection
   * (the baseline of tomorrow's jump rules), then records and delivers an alert for each rule whose state
   * changes. Repeating it changes nothing; two evaluators at once record each change once (repo.moveState).
   * Returns the number of alerts recorded.
   */
  async function evaluateScenario(scenarioId: string, now: Date = new Date()): Promise<number> {
    const rules = await repo.enabledRules(db, scenarioId)
    const owner = rules[0]?.userId
    if (!owner) return 0
    const projected = await projectedOf(owner, scenarioId)
    if (projected === undefined) return 0
    const today = utcDay(now)
    await repo.upsertProjection(db, scenarioId, today, projected)
    const [budget, previousDay] = await Promise.all([
      repo.findBudget(db, scenarioId),
      repo.findProjection(db, scenarioId, previousUtcDay(today)),
    ])
    const figures: Figures = { projected, budget: budget?.monthlyBudget ?? null, previousDay }
    let recorded = 0
    for (const rule of rules) {
      const verdict = evaluateRule(conditionOf(rule), figures)
      const transition = transitionOf(rule.state, verdict)
      if (!transition || verdict.outcome === 'unknown') continue
      const deliveryIds = await recordChange(rule, verdict.outcome, {
        transition,
        projectedMonthly: projected,
        limitAmount: verdict.limit,
        changePct: verdict.changePct,
      })
      if (!deliveryIds) continue
      recorded += 1
      logger.info({ rule_id: rule.id, scenario_id: scenarioId, transition }, 'budget alert recorded')
      await enqueueDeliveries(deliveryIds)
    }
    return recorded
  }

  return {
    evaluateScenario,

    /** Like evaluateScenario, but logs a failure instead of throwing: for callers that must not fail. */
    async evaluateQuietly(scenarioId: string): Promise<void> {
      try {
        await evaluateScenario(scenarioId)
      } catch (err) {
        logger.warn(
          { scenario_id: scenarioId, err: { message: (err as Error).message } },
          'budget evaluation failed',
        )
      }
    },

    /** The periodic pass: every scenario (not archived) with an enabled rule, page by page; requeues stranded deliveries. */
    async evaluateAll(now: Date = new Date()): Promise<number> {
      let afterId: string | null = null
      let evaluated = 0
      for (;;) {
        const ids = await repo.scenariosWithRules(db, afterId, SCENARIO_PAGE)
        const archived = await scenarios.archivedAmong(ids)
        for (const scenarioId of ids) {
          if (archived.has(scenarioId)) continue
          try {
            await evaluateScenario(scenarioId, now)
          } catch (err) {
            logger.warn(
              { scenario_id: scenarioId, err: { message: (err as Error).message } },
              'budget evaluation failed',
            )
          }
          evaluated += 1
        }
        afterId = ids.at(-1) ?? null
        if (ids.length < SCENARIO_PAGE) break
      }
      await enqueueDeliveries(
        await repo.strandedDeliveries(db, new Date(now.getTime() - STRANDED_AFTER_MS), 500),
      )
      return evaluated
    },

    /** Queues a debounced evaluation of one scenario (the ingest hook's job, see ingest-debounce.ts). */
    async enqueueEvaluation(scenarioId: string, delaySeconds: number): Promise<void> {
      await queue.send(
        EVALUATE_SCENARIO_JOB,
        { scenarioId },
        { singletonKey: `budget:${scenarioId}`, startAfter: delaySeconds },
      )
    },
  }
}
export type AlertEvaluationService = ReturnType<typeof createAlertEvaluationService>
