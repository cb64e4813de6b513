import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { scenarios } from './scenarios.js'
import { users } from './users.js'

export const alertRuleKind = pgEnum('alert_rule_kind', ['projected_above', 'daily_jump_pct'])
export const alertRuleState = pgEnum('alert_rule_state', ['ok', 'triggered'])
export const alertTransition = pgEnum('alert_transition', ['triggered', 'resolved'])
export const alertChannel = pgEnum('alert_channel', ['email', 'webhook'])
export const alertDeliveryStatus = pgEnum('alert_delivery_status', ['pending', 'sent', 'skipped', 'failed'])

/** One monthly budget per scenario (docs/budgets.md). */
export const scenarioBudgets = pgTable(
  'scenario_budgets',
  {
    scenarioId: uuid('scenario_id')
      .primaryKey()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    monthlyBudget: numeric('monthly_budget', { precision: 18, scale: 6 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('scenario_budgets_positive', sql`${t.monthlyBudget} > 0`)],
)

/**
 * An alert rule of a scenario. `state` and `state_version` change together in one conditional update, and
 * every alert carries the version it created, so one state change gives one alert even with several
 * evaluators at once.
 */
export const budgetAlertRules = pgTable(
  'budget_alert_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: alertRuleKind('kind').notNull(),
    /** projected_above: the limit; null means "the scenario's budget". */
    threshold: numeric('threshold', { precision: 18, scale: 6 }),
    /** daily_jump_pct: the percentage rise against the previous UTC day's projection. */
    jumpPct: numeric('jump_pct', { precision: 12, scale: 4 }),
    emails: text('emails').array().notNull().default(sql`'{}'::text[]`),
    webhookUrl: varchar('webhook_url', { length: 2048 }),
    /** HMAC-SHA256 key for webhook signatures: needed in clear to sign, shown to the user once. */
    webhookSecret: varchar('webhook_secret', { length: 128 }),
    enabled: boolean('enabled').notNull().default(true),
    state: alertRuleState('state').notNull().default('ok'),
    stateVersion: integer('state_version').notNull().default(0),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('budget_alert_rules_scenario_idx').on(t.scenarioId, t.createdAt),
    check(
      'budget_alert_rules_kind_fields',
      sql`(${t.kind} = 'projected_above' and ${t.jumpPct} is null) or (${t.kind} = 'daily_jump_pct' and ${t.jumpPct} is not null and ${t.threshold} is null)`,
    ),
  ],
)

/** Alert history: one row per rule state change, kept when the rule is deleted. */
export const budgetAlerts = pgTable(
  'budget_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ruleId: uuid('rule_id').references(() => budgetAlertRules.id, { onDelete: 'set null' }),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    ruleKind: alertRuleKind('rule_kind').notNull(),
    transition: alertTransition('transition').notNull(),
    /** The rule's state_version this change produced: unique, so a change is recorded once. */
    stateVersion: integer('state_version').notNull(),
    projectedMonthly: numeric('projected_monthly').notNull(),
    /** The amount compared against: the threshold, the budget, or the previous day's projection. */
    limitAmount: numeric('limit_amount').notNull(),
    changePct: numeric('change_pct'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('budget_alerts_once_uq').on(t.ruleId, t.stateVersion),
    index('budget_alerts_scenario_idx').on(t.scenarioId, t.createdAt),
  ],
)

/** Per alert and channel: delivery status, attempts and the last error (never a secret). */
export const budgetAlertDeliveries = pgTable(
  'budget_alert_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => budgetAlerts.id, { onDelete: 'cascade' }),
    channel: alertChannel('channel').notNull(),
    /** The recipients (comma-separated) or the webhook URL at the time of the alert. */
    target: text('target').notNull(),
    status: alertDeliveryStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('budget_alert_deliveries_channel_uq').on(t.alertId, t.channel)],
)

/** The scenario's latest projected month cost of each UTC day: the baseline of daily_jump_pct rules. */
export const budgetProjections = pgTable(
  'budget_projections',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    day: date('day', { mode: 'string' }).notNull(),
    projectedMonthly: numeric('projected_monthly').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.day] })],
)
