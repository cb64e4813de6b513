import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
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
import { apiKeys } from './api-keys.js'
import { users } from './users.js'

export const scenarioStatus = pgEnum('scenario_status', ['draft', 'running', 'completed', 'archived'])
export const piiKind = pgEnum('pii_kind', [
  'email',
  'phone',
  'credit_card',
  'iban',
  'ipv4',
  'aws_access_key',
  'jwt',
])

export const scenarios = pgTable(
  'scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 255 }).notNull(),
    description: text('description'),
    region: varchar('region', { length: 32 }).notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    status: scenarioStatus('status').notNull().default('draft'),
    includeFreeTier: boolean('include_free_tier').notNull().default(true),
    /** Free tier offers (catalog offer ids) switched off for this scenario while include_free_tier is on. */
    freeTierDisabledOffers: text('free_tier_disabled_offers').array().notNull().default(sql`'{}'::text[]`),
    /** AWS's legacy 12-month free tier (accounts created before 15 July 2025) applies as well. */
    legacyFreeTier: boolean('legacy_free_tier').notNull().default(false),
    /** false opts the scenario out of its owner's rate card: it is priced at catalog prices. */
    applyRateCard: boolean('apply_rate_card').notNull().default(true),
    eventsTotal: bigint('events_total', { mode: 'number' }).notNull().default(0),
    firstEventAt: timestamp('first_event_at', { withTimezone: true }),
    lastEventAt: timestamp('last_event_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('scenarios_user_created_idx').on(t.userId, t.createdAt),
    index('scenarios_user_status_idx').on(t.userId, t.status),
    check('scenarios_name_not_blank', sql`length(trim(${t.name})) > 0`),
  ],
)

export const scenarioLineItems = pgTable(
  'scenario_line_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    service: varchar('service', { length: 32 }).notNull(),
    label: varchar('label', { length: 255 }),
    params: jsonb('params').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('line_items_scenario_idx').on(t.scenarioId, t.createdAt)],
)

/** Metered usage per scenario, minute and usage type, in the usage type's base unit (docs/usage-types.md). */
export const usageRollups = pgTable(
  'usage_rollups',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    usageType: varchar('usage_type', { length: 128 }).notNull(),
    quantity: numeric('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.minute, t.usageType] })],
)

/**
 * Metered usage of events that arrived more than a day late, per scenario, UTC day and usage type: a batch
 * spread over weeks then writes one row per day and usage type instead of one per minute (docs/metering.md).
 */
export const usageDayRollups = pgTable(
  'usage_day_rollups',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    day: timestamp('day', { withTimezone: true }).notNull(),
    usageType: varchar('usage_type', { length: 128 }).notNull(),
    quantity: numeric('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.day, t.usageType] })],
)

/** Running totals, so the costs endpoint reads O(usage types) rows, never O(minutes). */
export const usageTotals = pgTable(
  'usage_totals',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    usageType: varchar('usage_type', { length: 128 }).notNull(),
    quantity: numeric('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.usageType] })],
)

/**
 * The same running totals split by the API key that sent the batches (null: sent with a user's JWT), for costs
 * grouped by key. No foreign key to api_keys: attribution outlives a deleted key.
 */
export const usageTotalsByKey = pgTable(
  'usage_totals_by_key',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    apiKeyId: uuid('api_key_id'),
    usageType: varchar('usage_type', { length: 128 }).notNull(),
    quantity: numeric('quantity').notNull(),
  },
  (t) => [unique('usage_totals_by_key_uq').on(t.scenarioId, t.apiKeyId, t.usageType).nullsNotDistinct()],
)

/** Ingested events counted per scenario, minute and event type (the metrics series). */
export const eventRollups = pgTable(
  'event_rollups',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    minute: timestamp('minute', { withTimezone: true }).notNull(),
    eventType: varchar('event_type', { length: 32 }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.minute, t.eventType] })],
)

/** Events that arrived more than a day late, counted per scenario, UTC day and event type. */
export const eventDayRollups = pgTable(
  'event_day_rollups',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    day: timestamp('day', { withTimezone: true }).notNull(),
    eventType: varchar('event_type', { length: 32 }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.day, t.eventType] })],
)

/** Running event counts per scenario and event type, so metrics totals read O(event types) rows. */
export const eventTotals = pgTable(
  'event_totals',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    eventType: varchar('event_type', { length: 32 }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.eventType] })],
)

/**
 * The idempotency ledger: one row per accepted ingest request that carried an Idempotency-Key, whose stored
 * answer a repeat of the key replays. Requests without a key leave no row: nothing would ever read it.
 */
export const ingestBatches = pgTable(
  'ingest_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    apiKeyId: uuid('api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    idempotencyKey: varchar('idempotency_key', { length: 255 }).notNull(),
    eventCount: integer('event_count').notNull(),
    bytes: integer('bytes').notNull(),
    response: jsonb('response').notNull(),
    /** SHA-256 (hex) of the request body: the same key with another body is refused. Null before 0008. */
    bodyHash: varchar('body_hash', { length: 64 }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // The unique index also serves the cascade from scenarios (scenario_id is its first column).
  (t) => [unique('ingest_batches_idempotency_uq').on(t.scenarioId, t.idempotencyKey)],
)

/** PII counts by kind; only masked samples are kept, never the raw value. */
export const piiTotals = pgTable(
  'pii_totals',
  {
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    kind: piiKind('kind').notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scenarioId, t.kind] })],
)

export const piiFindings = pgTable(
  'pii_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    /** The `batch_id` the request was answered with; a row in ingest_batches only if it had a key. */
    batchId: uuid('batch_id'),
    kind: piiKind('kind').notNull(),
    masked: varchar('masked', { length: 255 }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('pii_findings_scenario_idx').on(t.scenarioId, t.seenAt)],
)
