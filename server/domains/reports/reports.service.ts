import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { conflict, notFound } from '../../errors.js'
import type { JobQueue } from '../../jobs/queue.js'
import { pageWindow, toPage } from '../../lib/pagination.js'
import type { ScenarioMetricsService } from '../ingest/scenario-metrics.service.js'
import type { PricingService } from '../pricing/pricing.service.js'
import type { CostService } from '../scenarios/costs.service.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import { renderCsv } from './csv-report.js'
import { renderPdf } from './pdf-report.js'
import type { RenderedReport, ReportData } from './report-data.js'
import * as repo from './reports.repo.js'
import type {
  ReportFormat,
  ReportListQuery,
  ReportResponse,
  ReportWhatIf,
  ReportWhatIfBody,
} from './reports.schemas.js'

export const RENDER_REPORT_JOB = 'render-report'

/**
 * How often a working process looks for reports a stopped worker left running: every minute, or every half
 * REPORT_STALE_SECONDS when that is shorter, so a report is taken again at most 1.5 thresholds after its
 * worker died.
 */
export function recoveryCheckMs(staleSeconds: number): number {
  return Math.min(60, staleSeconds / 2) * 1000
}

const DAY_MS = 86_400_000

export type ReportRenderer = (format: ReportFormat, data: ReportData) => Promise<RenderedReport>
export const renderReport: ReportRenderer = async (format, data) =>
  format === 'pdf' ? renderPdf(data) : renderCsv(data)

type ReportDeps = {
  db: Db
  queue: JobQueue
  logger: FastifyBaseLogger
  scenarios: ScenarioService
  costs: CostService
  metrics: ScenarioMetricsService
  pricing: PricingService
  retentionDays: number
  /** REPORT_STALE_SECONDS: a report running this long was left by a stopped worker and is taken again. */
  staleSeconds: number
  render?: ReportRenderer
}

export function toReportResponse(row: repo.ReportMeta): ReportResponse {
  return {
    id: row.id,
    scenario_id: row.scenarioId,
    format: row.format,
    status: row.status,
    file_name: row.fileName,
    size_bytes: row.sizeBytes,
    error: row.error,
    attempts: row.attempts,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
    schedule_run_id: row.scheduleRunId,
    what_if: row.whatIf ?? null,
  }
}

/** ASCII letters, digits and dashes only: safe in a Content-Disposition header and on every file system. */
export function safeFileStem(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
  return slug || 'scenario'
}

/** A report's what-if with the costs query's defaults applied, so the stored row says what was projected. */
export function reportWhatIf(body: ReportWhatIfBody): ReportWhatIf {
  return {
    scale: body.scale ?? 1,
    growth_pct_per_month: body.growth_pct_per_month ?? 0,
    months: body.months ?? 12,
  }
}

/** A short reason a person can act on; never a stack trace or SQL. */
function describeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err)
  return message.startsWith('Failed query') ? 'The database could not be read.' : message.slice(0, 300)
}

export function createReportService(deps: ReportDeps) {
  const { db, queue, logger } = deps
  const render = deps.render ?? renderReport

  async function gather(
    userId: string,
    scenarioId: string,
    whatIf: ReportWhatIf | null,
  ): Promise<ReportData> {
    const scenario = await deps.scenarios.owned(userId, scenarioId)
    const costs = await deps.costs.costs(userId, scenarioId, whatIf ?? undefined)
    const start = costs.observed.window_start
    const end = costs.observed.window_end
    const bucket = start && end && Date.parse(end) - Date.parse(start) > 31 * DAY_MS ? 'day' : 'hour'
    const metrics = await deps.metrics.get(
      userId,
      scenarioId,
      bucket,
      start && end ? { from: start, to: end } : {},
    )
    const origin = deps.pricing.origin()
    return {
      scenario: {
        id: scenario.id,
        name: scenario.name,
        description: scenario.description,
        region: scenario.region,
        status: scenario.status,
        includeFreeTier: scenario.includeFreeTier,
      },
      costs,
      whatIf,
      usageSeries: {
        bucket,
        points: metrics.series.map((p) => ({
          start: p.bucket_start,
          events: Object.values(p.by_type).reduce((sum, n) => sum + n, 0),
        })),
      },
      pii: { total: metrics.pii.total, byKind: metrics.pii.by_kind },
      pricingSource:
        origin.kind === 'imported'
          ? `AWS offer file ${origin.sourceFile}`
          : 'bundled catalog (docs/pricing.md)',
      generatedAt: new Date(),
    }
  }

  async function enqueue(reportId: string): Promise<void> {
    await queue.send(RENDER_REPORT_JOB, { reportId }, { singletonKey: reportId })
  }

  return {
    /** The reports made for each of the given schedule runs (no file bytes). */
    ofScheduleRuns: (runIds: string[]) => repo.ofScheduleRuns(db, runIds),
    /** The files of a schedule run's reports, for its email. */
    filesOfScheduleRun: (runId: string) => repo.filesOfScheduleRun(db, runId),

    /**
     * Queues a report of a scenario the user owns; a worker makes it in the background. With `whatIf` the
     * report gains a what-if section (stored with the report, defaults applied).
     */
    async create(
      userId: string,
      scenarioId: string,
      format: ReportFormat,
      scheduleRunId?: string,
      whatIf?: ReportWhatIfBody,
    ) {
      await deps.scenarios.owned(userId, scenarioId)
      const row = await repo.insertReport(db, {
        userId,
        scenarioId,
        format,
        scheduleRunId: scheduleRunId ?? null,
        whatIf: whatIf ? reportWhatIf(whatIf) : null,
      })
      await enqueue(row.id)
      return { id: row.id, status: 'queued' as const }
    },

    async get(userId: string, id: string): Promise<ReportResponse> {
      const row = await repo.findOwned(db, userId, id)
      if (!row) throw notFound('report')
      return toReportResponse(row)
    },

    async list(userId: string, query: ReportListQuery) {
      if (query.scenario_id) await deps.scenarios.owned(userId, query.scenario_id)
      const { items, total } = await repo.listOwned(
        db,
        userId,
        { scenarioId: query.scenario_id },
        pageWindow(query),
      )
      return toPage(items.map(toReportResponse), total, query)
    },

    async remove(userId: string, id: string): Promise<void> {
      if (!(await repo.deleteOwned(db, userId, id))) throw notFound('report')
    },

    /** The file of a ready report; 409 while it is still being made. */
    async download(userId: string, id: string) {
      const row = await repo.findFile(db, userId, id)
      if (!row) throw notFound('report')
      if (row.status !== 'ready' || !row.content || !row.fileName) {
        throw conflict(`The report is ${row.status}; download it once it is ready.`)
      }
      const contentType = row.format === 'pdf' ? 'application/pdf' : 'text/csv; charset=utf-8'
      return { content: row.content, fileName: row.fileName, contentType }
    },

    /**
     * The job handler. Idempotent: a report already made, deleted, or being made by another live worker is
     * left alone. A failed attempt goes back to queued for pg-boss to retry with back-off; the last one
     * marks the report failed with a reason.
     */
    async generate(reportId: string, attempt: { retryCount: number; retryLimit: number }): Promise<void> {
      const report = await repo.claim(db, reportId, deps.staleSeconds)
      if (!report) return
      try {
        const file = await render(
          report.format,
          await gather(report.userId, report.scenarioId, report.whatIf),
        )
        const date = new Date().toISOString().slice(0, 10)
        const scenario = await deps.scenarios.owned(report.userId, report.scenarioId)
        await repo.markReady(db, reportId, {
          content: file.content,
          fileName: `mockupaws-${safeFileStem(scenario.name)}-${date}.${file.extension}`,
          retentionDays: deps.retentionDays,
        })
      } catch (err) {
        const final = attempt.retryCount >= attempt.retryLimit
        logger.warn(
          {
            report_id: reportId,
            attempt: attempt.retryCount + 1,
            final,
            err: { message: describeFailure(err) },
          },
          'report attempt failed',
        )
        await repo.markAttemptFailed(db, reportId, describeFailure(err), final)
        throw err
      }
    },

    /** Queues again what a killed worker left running; run when a worker starts and then periodically. */
    async recoverStale(): Promise<number> {
      const ids = await repo.requeueStale(db, deps.staleSeconds)
      for (const id of ids) await enqueue(id)
      if (ids.length > 0)
        logger.info({ count: ids.length }, 'requeued reports left running by a stopped worker')
      return ids.length
    },

    /** Deletes reports older than REPORT_RETENTION_DAYS. */
    async purgeExpired(): Promise<number> {
      const removed = await repo.purgeExpired(db, deps.retentionDays)
      if (removed > 0) logger.info({ removed }, 'purged expired reports')
      return removed
    },

    /** The metadata of a report, for the scheduler (no ownership check: internal). */
    findMeta: (id: string) => repo.findMeta(db, id),
  }
}
export type ReportService = ReturnType<typeof createReportService>
