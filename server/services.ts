import type { Logger } from 'pino'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { createApiKeyService } from './domains/api-keys/api-keys.service.js'
import { createAuthService } from './domains/auth/auth.service.js'
import { createIngestService } from './domains/ingest/ingest.service.js'
import { createScenarioMetricsService } from './domains/ingest/scenario-metrics.service.js'
import { createPricingService } from './domains/pricing/pricing.service.js'
import { purgeReportsJob } from './domains/reports/purge-reports.job.js'
import { renderReportJob } from './domains/reports/render-report.job.js'
import { createReportService, type ReportRenderer } from './domains/reports/reports.service.js'
import { createCostService } from './domains/scenarios/costs.service.js'
import { createScenarioService } from './domains/scenarios/scenarios.service.js'
import { createSecurityEventService } from './domains/security-events/security-events.service.js'
import { createJobQueue } from './jobs/queue.js'

export type ServiceDeps = {
  config: Config
  database: Database
  logger: Logger
  /** Test seam: replaces the PDF/CSV renderer (e.g. to make an attempt fail). */
  renderReport?: ReportRenderer
}

/**
 * Builds every domain service once. The HTTP app (`serve`) and the background worker (`worker`) share this
 * composition, so a report made by a worker is the same as one made in `serve`.
 */
export async function createServices({ config, database, logger, renderReport }: ServiceDeps) {
  const db = database.db
  const securityEvents = createSecurityEventService({ db, logger })
  const auth = createAuthService({ db, config, securityEvents })
  const apiKeys = createApiKeyService({ db, config, securityEvents })
  // The newest imported catalog (`mockupaws pricing import`), else the bundled one.
  const pricing = createPricingService({ db })
  await pricing.load()
  const scenarios = createScenarioService({ db, pricing })
  const costs = createCostService({ db, pricing })
  const scenarioMetrics = createScenarioMetricsService({ db, pricing })
  // PGlite is one connection: a second concurrent commit would only queue behind the first.
  const ingest = createIngestService({ db, logger, concurrency: database.engine === 'postgres' ? 2 : 1 })
  const queue = createJobQueue({ database, logger })
  const reports = createReportService({
    db,
    queue,
    logger,
    scenarios,
    costs,
    metrics: scenarioMetrics,
    pricing,
    retentionDays: config.reportRetentionDays,
    render: renderReport,
  })
  queue.define(renderReportJob(reports))
  queue.define(purgeReportsJob(reports))

  let recovery: NodeJS.Timeout | undefined
  return {
    securityEvents,
    auth,
    apiKeys,
    pricing,
    scenarios,
    costs,
    scenarioMetrics,
    ingest,
    queue,
    reports,

    /**
     * Starts the job queue. With `work`, this process also runs jobs and requeues reports a killed worker left
     * running (now and every minute). Without it, it only enqueues (a scaled-out `serve`).
     */
    async startBackground({ work }: { work: boolean }): Promise<void> {
      await queue.start({ work })
      if (!work) return
      await reports.recoverStale()
      recovery = setInterval(() => {
        reports
          .recoverStale()
          .catch((err: Error) => logger.warn({ err: { message: err.message } }, 'report recovery failed'))
      }, 60_000)
      recovery.unref()
    },

    /** Finishes in-flight ingest commits and running jobs, then stops. */
    async stopBackground(): Promise<void> {
      clearInterval(recovery)
      await ingest.drain()
      await queue.stop()
    },
  }
}
export type Services = Awaited<ReturnType<typeof createServices>>
