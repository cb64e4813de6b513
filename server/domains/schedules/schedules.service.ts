import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { AppError, conflict, type ErrorDetail, notFound, validationError } from '../../errors.js'
import type { JobQueue } from '../../jobs/queue.js'
import { normaliseEmail } from '../../lib/email.js'
import type { Mailer } from '../../lib/mailer.js'
import { pageWindow, toPage } from '../../lib/pagination.js'
import type { ReportService } from '../reports/reports.service.js'
import type { CostService } from '../scenarios/costs.service.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import { cronProblem, isValidTimeZone, nextRunAfter, type ScheduleTiming } from './next-run.js'
import { buildRunEmail } from './run-email.js'
import * as repo from './schedules.repo.js'
import type {
  CreateScheduleBody,
  RunResponse,
  ScheduleResponse,
  UpdateScheduleBody,
} from './schedules.schemas.js'
import {
  cronFieldsProblem,
  recipientProblem,
  type SendingLimits,
  shortestGapMinutes,
} from './sending-limits.js'

export const START_RUN_JOB = 'schedule-run'
export const DELIVER_RUN_JOB = 'deliver-schedule-run'
/** Attachments above this go as a download link instead (many mail servers refuse larger messages). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
/** A run whose reports are not all finished after this long is delivered with what is there. */
const REPORTS_DEADLINE_MS = 30 * 60_000
const CLAIM_BATCH = 100
const DAY_MS = 86_400_000

export type DeliveryRetry = { attempts: number; baseSeconds: number }

type ScheduleDeps = {
  db: Db
  queue: JobQueue
  logger: FastifyBaseLogger
  scenarios: ScenarioService
  costs: CostService
  reports: ReportService
  mailer: Mailer | undefined
  publicUrl: string
  limits: SendingLimits
  /** The account's own address (undefined for a deactivated or deleted account). */
  accountEmail: (userId: string) => Promise<string | undefined>
  deliveryRetry?: DeliveryRetry
}

function timingOf(row: {
  frequency: ScheduleTiming['frequency']
  cron: string | null
  timezone: string
  hour: number
  minute: number
  dayOfWeek: number | null
  dayOfMonth: number | null
}): ScheduleTiming {
  return row
}

const NO_SMTP_WARNING =
  'This server has no SMTP configured (SMTP_URL): runs will make the reports but email nobody. ' +
  'Download them from the Reports page, or ask the operator to set SMTP_URL.'

export function toScheduleResponse(row: repo.ScheduleRow, emailConfigured: boolean): ScheduleResponse {
  return {
    id: row.id,
    name: row.name,
    scenario_ids: row.scenarioIds,
    formats: row.formats,
    frequency: row.frequency,
    cron: row.cron,
    timezone: row.timezone,
    hour: row.hour,
    minute: row.minute,
    day_of_week: row.dayOfWeek,
    day_of_month: row.dayOfMonth,
    recipients: row.recipients,
    enabled: row.enabled,
    next_run_at: row.nextRunAt?.toISOString() ?? null,
    last_run_at: row.lastRunAt?.toISOString() ?? null,
    last_status: row.lastStatus,
    email_delivery: emailConfigured ? 'smtp' : 'not_configured',
    warnings: emailConfigured || row.recipients.length === 0 ? [] : [NO_SMTP_WARNING],
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

function toRunResponse(row: repo.RunRow, reportIds: string[]): RunResponse {
  return {
    id: row.id,
    schedule_id: row.scheduleId,
    trigger: row.trigger as RunResponse['trigger'],
    scheduled_for: row.scheduledFor.toISOString(),
    status: row.status,
    delivery: row.delivery,
    delivery_attempts: row.deliveryAttempts,
    error: row.error,
    report_ids: reportIds,
    created_at: row.createdAt.toISOString(),
    started_at: row.startedAt?.toISOString() ?? null,
    finished_at: row.finishedAt?.toISOString() ?? null,
  }
}

/** 429 with the seconds to wait: a limit on how often reports may be emailed. */
function tooSoon(message: string, waitMs: number): AppError {
  return new AppError(429, 'rate_limited', message, undefined, {
    'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
  })
}

/** The schedule's fields as stored, after the checks a person needs explained (422 with every problem). */
type ScheduleInput = CreateScheduleBody

export function createScheduleService(deps: ScheduleDeps) {
  const { db, queue, logger, limits } = deps
  const retry = deps.deliveryRetry ?? { attempts: 5, baseSeconds: 30 }
  const toResponse = (row: repo.ScheduleRow) => toScheduleResponse(row, deps.mailer !== undefined)

  async function checkInput(userId: string, input: ScheduleInput): Promise<repo.ScheduleValues> {
    const details: ErrorDetail[] = []
    if (!isValidTimeZone(input.timezone))
      details.push({ field: 'timezone', reason: 'must be an IANA time zone such as Europe/Rome' })
    if (input.frequency === 'cron') {
      const problem = input.cron
        ? (cronFieldsProblem(input.cron) ?? cronProblem(input.cron))
        : 'is required when frequency is cron'
      if (problem) details.push({ field: 'cron', reason: problem })
      else {
        const gap = shortestGapMinutes(input.cron ?? '')
        if (gap < limits.minIntervalMinutes)
          details.push({
            field: 'cron',
            reason: `must not run more often than every ${limits.minIntervalMinutes} minutes (it runs ${gap} minutes apart)`,
          })
      }
    }
    if (input.frequency === 'weekly' && (input.day_of_week === undefined || input.day_of_week === null)) {
      details.push({ field: 'day_of_week', reason: 'is required when frequency is weekly (0 = Sunday … 6)' })
    }
    if (input.frequency === 'monthly' && (input.day_of_month === undefined || input.day_of_month === null)) {
      details.push({ field: 'day_of_month', reason: 'is required when frequency is monthly (1–31)' })
    }
    const recipients: string[] = []
    const ownEmail = await deps.accountEmail(userId)
    input.recipients.forEach((address, i) => {
      const email = normaliseEmail(address)
      const problem = email
        ? recipientProblem(email, ownEmail, limits.recipientDomains)
        : 'must be a valid email address'
      if (problem) details.push({ field: `recipients.${i}`, reason: problem })
      else if (email && !recipients.includes(email)) recipients.push(email)
    })
    for (const [i, scenarioId] of input.scenario_ids.entries()) {
      try {
        await deps.scenarios.owned(userId, scenarioId)
      } catch (err) {
        if (!(err instanceof AppError) || err.statusCode !== 404) throw err
        details.push({ field: `scenario_ids.${i}`, reason: 'is not one of your scenarios' })
      }
    }
    if (details.length > 0) throw validationError(details, 'The schedule is not valid.')
    const values: repo.ScheduleValues = {
      userId,
      name: input.name.trim() || input.name,
      scenarioIds: input.scenario_ids,
      formats: input.formats,
      frequency: input.frequency,
      cron: input.frequency === 'cron' ? (input.cron ?? null) : null,
      timezone: input.timezone,
      hour: input.hour,
      minute: input.minute,
      dayOfWeek: input.frequency === 'weekly' ? (input.day_of_week ?? null) : null,
      dayOfMonth: input.frequency === 'monthly' ? (input.day_of_month ?? null) : null,
      recipients,
      enabled: input.enabled,
    }
    values.nextRunAt = values.enabled ? nextRunAfter(timingOf(values as repo.ScheduleRow), new Date()) : null
    return values
  }

  async function owned(userId: string, id: string): Promise<repo.ScheduleRow> {
    const row = await repo.findOwned(db, userId, id)
    if (!row) throw notFound('schedule')
    return row
  }

  /** True when the user's other runs of the 24 hours before `run` reach the daily cap. */
  async function overDailyLimit(userId: string, run: repo.RunRow): Promise<boolean> {
    const before = await repo.runsOfUserBetween(
      db,
      userId,
      new Date(run.createdAt.getTime() - DAY_MS),
      run.createdAt,
    )
    return before.count >= limits.maxRunsPerDay
  }

  /**
   * Who a run's email goes to: the stored recipients still allowed now (the operator may have narrowed
   * SCHEDULE_RECIPIENT_DOMAINS since the schedule was saved).
   */
  async function allowedRecipients(schedule: repo.ScheduleRow): Promise<string[]> {
    const ownEmail = await deps.accountEmail(schedule.userId)
    return schedule.recipients.filter((r) => !recipientProblem(r, ownEmail, limits.recipientDomains))
  }

  async function startRun(runId: string): Promise<void> {
    await queue.send(START_RUN_JOB, { runId }, { singletonKey: `run:${runId}` })
  }

  async function finishRun(
    run: repo.RunRow,
    outcome: {
      status: 'succeeded' | 'failed'
      delivery: 'sent' | 'skipped' | 'failed'
      error: string | null
      attempts: number
    },
  ): Promise<void> {
    const finishedAt = new Date()
    // One transaction: whoever reads the run finished also reads the schedule's last run finished.
    await db.transaction(async (tx) => {
      await repo.updateRun(tx, run.id, {
        status: outcome.status,
        delivery: outcome.delivery,
        error: outcome.error,
        deliveryAttempts: outcome.attempts,
        finishedAt,
      })
      await repo.recordLastRun(tx, run, outcome.status, finishedAt)
    })
    logger.info({ run_id: run.id, schedule_id: run.scheduleId, ...outcome }, 'schedule run finished')
  }

  return {
    async create(userId: string, input: CreateScheduleBody): Promise<ScheduleResponse> {
      const values = await checkInput(userId, input)
      if ((await repo.countOwned(db, userId)) >= limits.maxSchedulesPerUser)
        throw conflict(`An account can have at most ${limits.maxSchedulesPerUser} report schedules.`)
      return toResponse(await repo.insertSchedule(db, values))
    },

    async get(userId: string, id: string): Promise<ScheduleResponse> {
      return toResponse(await owned(userId, id))
    },

    async list(userId: string, query: { page: number; page_size: number }) {
      const { items, total } = await repo.listOwned(db, userId, pageWindow(query))
      return toPage(items.map(toResponse), total, query)
    },

    /** Applies the changed fields on top of the stored schedule and recomputes the next run. */
    async update(userId: string, id: string, patch: UpdateScheduleBody): Promise<ScheduleResponse> {
      const current = toResponse(await owned(userId, id))
      const merged = { ...current, ...patch } as ScheduleInput
      const values = await checkInput(userId, merged)
      const row = await repo.updateSchedule(db, id, values)
      if (!row) throw notFound('schedule')
      return toResponse(row)
    },

    async remove(userId: string, id: string): Promise<void> {
      if (!(await repo.deleteOwned(db, userId, id))) throw notFound('schedule')
    },

    runCounts: () => repo.countRunsByStatus(db),

    /** Runs a schedule now, whatever its timing; the run is recorded like a scheduled one. */
    async runNow(userId: string, id: string): Promise<{ run_id: string; status: 'queued' }> {
      const schedule = await owned(userId, id)
      const now = Date.now()
      const lastManual = await repo.lastManualRunAt(db, schedule.id)
      const cooldownLeft = (lastManual?.getTime() ?? 0) + limits.runNowCooldownSeconds * 1000 - now
      if (cooldownLeft > 0)
        throw tooSoon(
          `This schedule was run by hand less than ${limits.runNowCooldownSeconds} s ago.`,
          cooldownLeft,
        )
      const today = await repo.runsOfUserBetween(db, userId, new Date(now - DAY_MS), new Date(now))
      if (today.count >= limits.maxRunsPerDay)
        throw tooSoon(
          `Your schedules ran ${limits.maxRunsPerDay} times in the last 24 hours, the most allowed.`,
          (today.oldest?.getTime() ?? now) + DAY_MS - now,
        )
      const run = await db.transaction(async (tx) => {
        const inserted = await repo.insertRun(tx, {
          scheduleId: schedule.id,
          scheduledFor: new Date(),
          trigger: 'manual',
        })
        if (inserted) await repo.recordLastRun(tx, inserted, 'queued', inserted.createdAt)
        return inserted
      })
      if (!run) throw new AppError(409, 'conflict', 'A run was just started; try again in a moment.')
      await startRun(run.id)
      return { run_id: run.id, status: 'queued' }
    },

    async runs(userId: string, id: string, query: { page: number; page_size: number }) {
      await owned(userId, id)
      const { items, total } = await repo.listRuns(db, id, pageWindow(query))
      const reports = await deps.reports.ofScheduleRuns(items.map((r) => r.id))
      return toPage(
        items.map((run) =>
          toRunResponse(
            run,
            reports.filter((r) => r.runId === run.id).map((r) => r.id),
          ),
        ),
        total,
        query,
      )
    },

    /**
     * One scheduler pass at `now` (injectable for tests). Due schedules are locked with SKIP LOCKED, so with
     * several schedulers each is claimed once; the run's unique (schedule, due time) key makes a repeat
     * impossible. The next run is computed after `now`, so runs missed while everything was down happen
     * once, not once per missed period.
     */
    async tick(now: Date = new Date()): Promise<number> {
      const claimed = await db.transaction(async (tx) => {
        const due = await repo.lockDue(tx, now, CLAIM_BATCH)
        const runs: string[] = []
        for (const schedule of due) {
          const run = await repo.insertRun(tx, {
            scheduleId: schedule.id,
            scheduledFor: schedule.nextRunAt ?? now,
            trigger: 'schedule',
          })
          if (run) {
            runs.push(run.id)
            await repo.recordLastRun(tx, run, 'queued', run.createdAt)
          }
          await repo.updateSchedule(tx, schedule.id, { nextRunAt: nextRunAfter(timingOf(schedule), now) })
        }
        return runs
      })
      for (const runId of claimed) await startRun(runId)
      return claimed.length
    },

    /** Job: makes the run's reports through the reports queue, then hands over to delivery. Idempotent. */
    async startRunJob(runId: string): Promise<void> {
      const run = await repo.findRun(db, runId)
      if (!run || run.status === 'succeeded' || run.status === 'failed') return
      const schedule = await repo.findById(db, run.scheduleId)
      if (!schedule) return
      if (run.status === 'queued' && (await overDailyLimit(schedule.userId, run))) {
        const error = `Not sent: the account's schedules already ran ${limits.maxRunsPerDay} times in 24 hours.`
        await finishRun(run, { status: 'failed', delivery: 'skipped', error, attempts: 0 })
        return
      }
      const existing = await deps.reports.ofScheduleRuns([run.id])
      if (run.status === 'queued' || existing.length === 0) {
        const startedAt = new Date()
        await db.transaction(async (tx) => {
          await repo.updateRun(tx, run.id, { status: 'running', startedAt })
          await repo.recordLastRun(tx, run, 'running', startedAt)
        })
        if (existing.length === 0) {
          for (const scenarioId of schedule.scenarioIds) {
            for (const format of schedule.formats) {
              try {
                await deps.reports.create(schedule.userId, scenarioId, format, run.id)
              } catch (err) {
                // A scenario deleted since the schedule was saved: the other reports still go out.
                if (!(err instanceof AppError) || err.statusCode !== 404) throw err
              }
            }
          }
        }
      }
      await queue.send(DELIVER_RUN_JOB, { runId }, { startAfter: 1 })
    },

    /**
     * Job: once the run's reports are finished, sends one email to the recipients with the reports attached
     * (or linked above 10 MB). A failed delivery is retried with exponential back-off, then recorded as
     * failed with the reason. Without SMTP_URL the run records that delivery was skipped.
     */
    async deliverRunJob(runId: string): Promise<void> {
      const run = await repo.findRun(db, runId)
      if (!run || run.status === 'succeeded' || run.status === 'failed') return
      const schedule = await repo.findById(db, run.scheduleId)
      if (!schedule) return
      const files = await deps.reports.filesOfScheduleRun(runId)
      const pending = files.some((f) => f.status === 'queued' || f.status === 'running')
      const startedAt = run.startedAt?.getTime() ?? Date.now()
      if (pending && Date.now() - startedAt < REPORTS_DEADLINE_MS) {
        await queue.send(DELIVER_RUN_JOB, { runId }, { startAfter: 2 })
        return
      }
      const ready = files.filter((f) => f.status === 'ready' && f.content && f.fileName)
      const failedReports = files.length - ready.length
      const status = failedReports > 0 || files.length === 0 ? 'failed' : 'succeeded'
      const reportError =
        files.length === 0
          ? 'No report could be made (are the scenarios deleted?).'
          : failedReports > 0
            ? `${failedReports} report(s) failed.`
            : null
      if (files.length === 0) {
        // Nothing to send: the scenarios were deleted since the schedule was saved.
        await finishRun(run, { status: 'failed', delivery: 'skipped', error: reportError, attempts: 0 })
        return
      }
      if (!deps.mailer) {
        await finishRun(run, {
          status,
          delivery: 'skipped',
          error: ['delivery: skipped (SMTP not configured)', reportError].filter(Boolean).join('; '),
          attempts: 0,
        })
        return
      }
      const recipients = await allowedRecipients(schedule)
      if (recipients.length === 0) {
        const error = ['delivery: skipped (no recipient is allowed any more)', reportError]
          .filter(Boolean)
          .join('; ')
        await finishRun(run, { status, delivery: 'skipped', error, attempts: 0 })
        return
      }
      const scenarios = []
      for (const scenarioId of schedule.scenarioIds) {
        try {
          const scenario = await deps.scenarios.owned(schedule.userId, scenarioId)
          const costs = await deps.costs.costs(schedule.userId, scenarioId)
          scenarios.push({
            name: scenario.name,
            region: scenario.region,
            totalMonthly: costs.total_monthly.total,
          })
        } catch (err) {
          if (!(err instanceof AppError) || err.statusCode !== 404) throw err
        }
      }
      const size = ready.reduce((sum, f) => sum + (f.content?.length ?? 0), 0)
      const attached = size <= MAX_ATTACHMENT_BYTES
      const email = buildRunEmail({
        scheduleName: schedule.name,
        scenarios,
        attached,
        downloadUrl: `${deps.publicUrl}/reports`,
        failedReports,
      })
      const attempts = run.deliveryAttempts + 1
      try {
        await deps.mailer.send({
          to: recipients,
          ...email,
          attachments: attached
            ? ready.map((f) => ({
                filename: f.fileName ?? 'report',
                content: f.content ?? Buffer.alloc(0),
                contentType: f.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8',
              }))
            : [],
        })
        await finishRun(run, { status, delivery: 'sent', error: reportError, attempts })
      } catch (err) {
        const reason = `delivery attempt ${attempts} failed: ${(err as Error).message}`.slice(0, 500)
        if (attempts >= retry.attempts) {
          await finishRun(run, { status: 'failed', delivery: 'failed', error: reason, attempts })
          return
        }
        await repo.updateRun(db, run.id, { deliveryAttempts: attempts, error: reason })
        const delay = retry.baseSeconds * 2 ** (attempts - 1)
        logger.warn(
          { run_id: run.id, attempt: attempts, retry_in_seconds: delay, reason },
          'email delivery failed; will retry',
        )
        await queue.send(DELIVER_RUN_JOB, { runId }, { startAfter: delay })
      }
    },
  }
}
export type ScheduleService = ReturnType<typeof createScheduleService>
