import { and, asc, count, desc, eq, gt, inArray, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import {
  budgetAlertDeliveries,
  budgetAlertRules,
  budgetAlerts,
  budgetProjections,
  scenarioBudgets,
} from '../../db/schema/index.js'

export type BudgetRow = typeof scenarioBudgets.$inferSelect
export type RuleRow = typeof budgetAlertRules.$inferSelect
export type RuleValues = Omit<
  typeof budgetAlertRules.$inferInsert,
  'id' | 'state' | 'stateVersion' | 'stateChangedAt' | 'createdAt' | 'updatedAt'
>
export type AlertRow = typeof budgetAlerts.$inferSelect
export type AlertValues = Omit<typeof budgetAlerts.$inferInsert, 'id' | 'createdAt'>
export type DeliveryRow = typeof budgetAlertDeliveries.$inferSelect
type Window = { limit: number; offset: number }

export async function findBudget(db: DbOrTx, scenarioId: string): Promise<BudgetRow | undefined> {
  const [row] = await db.select().from(scenarioBudgets).where(eq(scenarioBudgets.scenarioId, scenarioId))
  return row
}

export async function upsertBudget(
  db: DbOrTx,
  values: { scenarioId: string; userId: string; monthlyBudget: string },
): Promise<BudgetRow> {
  const [row] = await db
    .insert(scenarioBudgets)
    .values(values)
    .onConflictDoUpdate({
      target: scenarioBudgets.scenarioId,
      set: { monthlyBudget: values.monthlyBudget, updatedAt: sql`now()` },
    })
    .returning()
  if (!row) throw new Error('upsert into scenario_budgets returned no row')
  return row
}

export async function deleteBudget(db: DbOrTx, scenarioId: string): Promise<void> {
  await db.delete(scenarioBudgets).where(eq(scenarioBudgets.scenarioId, scenarioId))
}

export async function insertRule(db: DbOrTx, values: RuleValues): Promise<RuleRow> {
  const [row] = await db.insert(budgetAlertRules).values(values).returning()
  if (!row) throw new Error('insert into budget_alert_rules returned no row')
  return row
}

export async function findRuleOwned(db: DbOrTx, userId: string, id: string): Promise<RuleRow | undefined> {
  const [row] = await db
    .select()
    .from(budgetAlertRules)
    .where(and(eq(budgetAlertRules.id, id), eq(budgetAlertRules.userId, userId)))
  return row
}

export async function countRules(db: DbOrTx, scenarioId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(budgetAlertRules)
    .where(eq(budgetAlertRules.scenarioId, scenarioId))
  return row?.n ?? 0
}

export async function listRules(db: DbOrTx, scenarioId: string, window: Window) {
  const where = eq(budgetAlertRules.scenarioId, scenarioId)
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(budgetAlertRules)
      .where(where)
      .orderBy(asc(budgetAlertRules.createdAt), asc(budgetAlertRules.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(budgetAlertRules).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function enabledRules(db: DbOrTx, scenarioId: string): Promise<RuleRow[]> {
  return db
    .select()
    .from(budgetAlertRules)
    .where(and(eq(budgetAlertRules.scenarioId, scenarioId), eq(budgetAlertRules.enabled, true)))
    .orderBy(asc(budgetAlertRules.createdAt))
}

/**
 * Applies an edit. Any change to what the rule compares (or disabling it) puts it back to `ok` silently, so
 * the next evaluation alerts again if the new condition holds; the version moves with every state change.
 */
export async function updateRule(
  db: DbOrTx,
  id: string,
  values: Partial<RuleValues>,
  resetState: boolean,
): Promise<RuleRow | undefined> {
  const [row] = await db
    .update(budgetAlertRules)
    .set({
      ...values,
      updatedAt: sql`now()`,
      ...(resetState
        ? {
            state: 'ok' as const,
            stateVersion: sql`${budgetAlertRules.stateVersion} + 1`,
            stateChangedAt: sql`now()`,
          }
        : {}),
    })
    .where(eq(budgetAlertRules.id, id))
    .returning()
  return row
}

export async function deleteRuleOwned(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(budgetAlertRules)
    .where(and(eq(budgetAlertRules.id, id), eq(budgetAlertRules.userId, userId)))
    .returning({ id: budgetAlertRules.id })
  return rows.length === 1
}

/**
 * Moves a rule from `from` to `to` only if it is still in `from`: of two evaluators racing on one change,
 * the second finds the row already moved (PostgreSQL re-checks the condition after the first commits) and
 * gets nothing back. Returns the new state version.
 */
export async function moveState(
  tx: DbOrTx,
  ruleId: string,
  from: 'ok' | 'triggered',
  to: 'ok' | 'triggered',
): Promise<number | undefined> {
  const [row] = await tx
    .update(budgetAlertRules)
    .set({ state: to, stateVersion: sql`${budgetAlertRules.stateVersion} + 1`, stateChangedAt: sql`now()` })
    .where(
      and(
        eq(budgetAlertRules.id, ruleId),
        eq(budgetAlertRules.state, from),
        eq(budgetAlertRules.enabled, true),
      ),
    )
    .returning({ version: budgetAlertRules.stateVersion })
  return row?.version
}

/** Records the alert and one pending delivery per channel; the unique (rule, version) key refuses a repeat. */
export async function insertAlertWithDeliveries(
  tx: DbOrTx,
  alert: AlertValues,
  deliveries: { channel: 'email' | 'webhook'; target: string }[],
): Promise<string[]> {
  const [row] = await tx.insert(budgetAlerts).values(alert).returning({ id: budgetAlerts.id })
  if (!row) throw new Error('insert into budget_alerts returned no row')
  if (deliveries.length === 0) return []
  const inserted = await tx
    .insert(budgetAlertDeliveries)
    .values(deliveries.map((d) => ({ ...d, alertId: row.id })))
    .returning({ id: budgetAlertDeliveries.id })
  return inserted.map((d) => d.id)
}

export async function listAlerts(db: DbOrTx, userId: string, scenarioId: string, window: Window) {
  const where = and(eq(budgetAlerts.scenarioId, scenarioId), eq(budgetAlerts.userId, userId))
  const [items, [total]] = await Promise.all([
    db
      .select()
      .from(budgetAlerts)
      .where(where)
      .orderBy(desc(budgetAlerts.createdAt), desc(budgetAlerts.stateVersion), desc(budgetAlerts.id))
      .limit(window.limit)
      .offset(window.offset),
    db.select({ n: count() }).from(budgetAlerts).where(where),
  ])
  return { items, total: total?.n ?? 0 }
}

export async function deliveriesOf(db: DbOrTx, alertIds: string[]): Promise<DeliveryRow[]> {
  if (alertIds.length === 0) return []
  return db
    .select()
    .from(budgetAlertDeliveries)
    .where(inArray(budgetAlertDeliveries.alertId, alertIds))
    .orderBy(asc(budgetAlertDeliveries.channel))
}

/** A delivery with its alert and, unless since deleted, its rule (for the webhook secret). */
export async function findDelivery(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ delivery: budgetAlertDeliveries, alert: budgetAlerts, rule: budgetAlertRules })
    .from(budgetAlertDeliveries)
    .innerJoin(budgetAlerts, eq(budgetAlerts.id, budgetAlertDeliveries.alertId))
    .leftJoin(budgetAlertRules, eq(budgetAlertRules.id, budgetAlerts.ruleId))
    .where(eq(budgetAlertDeliveries.id, id))
  return row
}

export async function updateDelivery(
  db: DbOrTx,
  id: string,
  values: Partial<Pick<DeliveryRow, 'status' | 'attempts' | 'lastError'>>,
): Promise<void> {
  await db
    .update(budgetAlertDeliveries)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(budgetAlertDeliveries.id, id))
}

/** Deliveries never attempted long after their alert: their job was lost (a crash between commit and send). */
export async function strandedDeliveries(db: DbOrTx, olderThan: Date, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: budgetAlertDeliveries.id })
    .from(budgetAlertDeliveries)
    .where(
      and(
        eq(budgetAlertDeliveries.status, 'pending'),
        eq(budgetAlertDeliveries.attempts, 0),
        lt(budgetAlertDeliveries.createdAt, olderThan),
      ),
    )
    .limit(limit)
  return rows.map((r) => r.id)
}

export async function upsertProjection(
  db: DbOrTx,
  scenarioId: string,
  day: string,
  projectedMonthly: string,
): Promise<void> {
  await db
    .insert(budgetProjections)
    .values({ scenarioId, day, projectedMonthly })
    .onConflictDoUpdate({
      target: [budgetProjections.scenarioId, budgetProjections.day],
      set: { projectedMonthly, updatedAt: sql`now()` },
    })
}

export async function findProjection(db: DbOrTx, scenarioId: string, day: string): Promise<string | null> {
  const [row] = await db
    .select({ value: budgetProjections.projectedMonthly })
    .from(budgetProjections)
    .where(and(eq(budgetProjections.scenarioId, scenarioId), eq(budgetProjections.day, day)))
  return row?.value ?? null
}

/** Scenarios with an enabled rule, in id order after `afterId`: the periodic pass's pages. */
export async function scenariosWithRules(
  db: DbOrTx,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: budgetAlertRules.scenarioId })
    .from(budgetAlertRules)
    .where(
      and(eq(budgetAlertRules.enabled, true), afterId ? gt(budgetAlertRules.scenarioId, afterId) : undefined),
    )
    .orderBy(asc(budgetAlertRules.scenarioId))
    .limit(limit)
  return rows.map((r) => r.id)
}
