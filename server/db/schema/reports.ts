import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core'
import { scenarios } from './scenarios.js'
import { users } from './users.js'

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
})

export const reportFormat = pgEnum('report_format', ['pdf', 'csv'])
export const reportStatus = pgEnum('report_status', ['queued', 'running', 'ready', 'failed'])
export const scheduleFrequency = pgEnum('schedule_frequency', ['daily', 'weekly', 'monthly', 'cron'])
export const runStatus = pgEnum('run_status', ['queued', 'running', 'succeeded', 'failed'])
export const deliveryStatus = pgEnum('delivery_status', ['pending', 'sent', 'skipped', 'failed'])

export const reportSchedules = pgTable(
  'report_schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 255 }).notNull(),
    scenarioIds: uuid('scenario_ids').array().notNull(),
    formats: reportFormat('formats').array().notNull(),
    frequency: scheduleFrequency('frequency').notNull(),
    cron: varchar('cron', { length: 120 }),
    timezone: varchar('timezone', { length: 64 }).notNull(),
    hour: smallint('hour').notNull().default(8),
    minute: smallint('minute').notNull().default(0),
    dayOfWeek: smallint('day_of_week'),
    dayOfMonth: smallint('day_of_month'),
    recipients: text('recipients').array().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastStatus: runStatus('last_status'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('report_schedules_user_idx').on(t.userId, t.createdAt),
    index('report_schedules_due_idx').on(t.nextRunAt).where(sql`${t.enabled}`),
    check('report_schedules_hour', sql`${t.hour} between 0 and 23`),
    check('report_schedules_minute', sql`${t.minute} between 0 and 59`),
    check('report_schedules_dow', sql`${t.dayOfWeek} is null or ${t.dayOfWeek} between 0 and 6`),
    check('report_schedules_dom', sql`${t.dayOfMonth} is null or ${t.dayOfMonth} between 1 and 31`),
  ],
)

export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => reportSchedules.id, { onDelete: 'cascade' }),
    /** The due time this run is for; unique per schedule so two schedulers cannot both run it. */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }).notNull(),
    trigger: varchar('trigger', { length: 16 }).notNull(),
    status: runStatus('status').notNull().default('queued'),
    delivery: deliveryStatus('delivery').notNull().default('pending'),
    deliveryAttempts: integer('delivery_attempts').notNull().default(0),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    unique('schedule_runs_once_uq').on(t.scheduleId, t.scheduledFor),
    index('schedule_runs_schedule_idx').on(t.scheduleId, t.createdAt),
  ],
)

export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scenarioId: uuid('scenario_id')
      .notNull()
      .references(() => scenarios.id, { onDelete: 'cascade' }),
    scheduleRunId: uuid('schedule_run_id').references(() => scheduleRuns.id, { onDelete: 'set null' }),
    format: reportFormat('format').notNull(),
    status: reportStatus('status').notNull().default('queued'),
    fileName: varchar('file_name', { length: 255 }),
    sizeBytes: integer('size_bytes'),
    /** The file itself, so any instance can serve the download. */
    content: bytea('content'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    /** The what-if projection asked for this report ({scale, growth_pct_per_month, months}); null: none. */
    whatIf: jsonb('what_if').$type<{ scale: number; growth_pct_per_month: number; months: number }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
  },
  (t) => [
    index('reports_scenario_idx').on(t.scenarioId, t.createdAt),
    index('reports_user_idx').on(t.userId, t.createdAt),
    index('reports_run_idx').on(t.scheduleRunId),
  ],
)
