import { Cron } from 'croner'
import type { Logger } from 'pino'
import type { Config } from './config.js'
import type { Database } from './db/client.js'
import { createApiKeyService } from './domains/api-keys/api-keys.service.js'
import { createAuthService } from './domains/auth/auth.service.js'
import { createAlertDeliveryService } from './domains/budgets/alert-delivery.service.js'
import { createAlertEvaluationService } from './domains/budgets/alert-evaluation.service.js'
import { deliverAlertJob, evaluateAllJob, evaluateScenarioJob } from './domains/budgets/budget-alerts.job.js'
import { createBudgetService } from './domains/budgets/budgets.service.js'
import { createIngestDebounce } from './domains/budgets/ingest-debounce.js'
import { webhookTargetPolicy } from './domains/budgets/webhook.js'
import { createIngestService } from './domains/ingest/ingest.service.js'
import { createScenarioMetricsService } from './domains/ingest/scenario-metrics.service.js'
import { createPricingService } from './domains/pricing/pricing.service.js'
import { createRateCardService } from './domains/rate-cards/rate-cards.service.js'
import { purgeReportsJob } from './domains/reports/purge-reports.job.js'
import { renderReportJob } from './domains/reports/render-report.job.js'
import {
  createReportService,
  type ReportRenderer,
  recoveryCheckMs,
} from './domains/reports/reports.service.js'
import { createCostService } from './domains/scenarios/costs.service.js'
import { createCostsByKeyService } from './domains/scenarios/costs-by-key.service.js'
import { createScenarioService } from './domains/scenarios/scenarios.service.js'
import { deliverRunJob, startRunJob } from './domains/schedules/schedule-run.job.js'
import { createScheduleService, type DeliveryRetry } from './domains/schedules/schedules.service.js'
import { purgeSecurityEventsJob } from './domains/security-events/purge-security-events.job.js'
import { createSecurityEventService } from './domains/security-events/security-events.service.js'
import { createShareLinkService } from './domains/share-links/share-links.service.js'
import { createJobQueue } from './jobs/queue.js'
import { createMailer } from './lib/mailer.js'
import { createMetrics } from './lib/metrics.js'

export type ServiceDeps = {
  config: Config
  database: Database
  logger: Logger
  /** Test seam: replaces the PDF/CSV renderer (e.g. to make an attempt fail). */
  renderReport?: ReportRenderer
  /** Test seam: faster email retries. */
  deliveryRetry?: DeliveryRetry
}

/** How often the scheduler looks for due schedules (cron with seconds, UTC). */
const SCHEDULER_TICK = '*/15 * * * * *'

/**
 * Builds every domain service once. The HTTP app (`serve`) and the background worker (`worker`) share this
 * composition, so a report made by a worker is the same as one made in `serve`.
 */
export async function createServices({ config, database, logger, renderReport, deliveryRetry }: ServiceDeps) {
  const db = database.db
  const metrics = createMetrics()
  const securityEvents = createSecurityEventService({
    db,
    logger,
    retentionDays: config.securityEventRetentionDays,
  })
  const auth = createAuthService({ db, config, securityEvents })
  const apiKeys = createApiKeyService({ db, config, securityEvents })
  // The newest imported catalog (`mockupaws pricing import`), else the bundled one.
  const pricing = createPricingService({ db })
  await pricing.load()
  const scenarios = createScenarioService({ db, pricing })
  const rateCards = createRateCardService({ db, pricing })
  const costs = createCostService({ db, pricing, rateCards })
  const costsByKey = createCostsByKeyService({ db, costs })
  const shareLinks = createShareLinkService({
    db,
    publicUrl: config.publicUrl,
    scenarios,
    costs,
    ownerIsActive: auth.isActive,
  })
  const scenarioMetrics = createScenarioMetricsService({ db, pricing })
  // Commits of different scenarios run side by side (one per scenario at a time); PGlite is one connection,
  // where a second concurrent commit would only queue behind the first.
  const ingest = createIngestService({
    db,
    logger,
    metrics,
    concurrency: database.engine === 'postgres' ? 4 : 1,
    onCommitted: (scenarioId) => budgetDebounce.committed(scenarioId),
  })
  const queue = createJobQueue({ database, logger, onJobFailed: (job) => metrics.jobFailures.inc({ job }) })
  const reports = createReportService({
    db,
    queue,
    logger,
    scenarios,
    costs,
    metrics: scenarioMetrics,
    pricing,
    retentionDays: config.reportRetentionDays,
    staleSeconds: config.reportRecovery.staleSeconds,
    render: renderReport,
  })
  const mailer = createMailer(config.smtpUrl, config.mailFrom)
  const schedules = createScheduleService({
    db,
    queue,
    logger,
    scenarios,
    costs,
    reports,
    mailer,
    publicUrl: config.publicUrl,
    limits: config.scheduleLimits,
    accountEmail: auth.emailOf,
    deliveryRetry,
  })
  const webhookPolicy = webhookTargetPolicy(config)
  const budgetEvaluation = createAlertEvaluationService({ db, queue, logger, costs })
  const budgetDebounce = createIngestDebounce({
    enqueue: budgetEvaluation.enqueueEvaluation,
    onError: (err) => logger.warn({ err: { message: err.message } }, 'budget evaluation not queued'),
  })
  const budgets = createBudgetService({
    db,
    scenarios,
    costs,
    evaluation: budgetEvaluation,
    webhookPolicy,
  })
  const budgetDelivery = createAlertDeliveryService({
    db,
    logger,
    scenarios,
    pricing,
    mailer,
    publicUrl: config.publicUrl,
    webhookPolicy,
  })
  queue.define(renderReportJob(reports, config.reportRecovery.jobExpireSeconds))
  queue.define(purgeReportsJob(reports))
  queue.define(purgeSecurityEventsJob(securityEvents))
  queue.define(startRunJob(schedules))
  queue.define(deliverRunJob(schedules))
  queue.define(evaluateScenarioJob(budgetEvaluation))
  queue.define(evaluateAllJob(budgetEvaluation))
  queue.define(deliverAlertJob(budgetDelivery, deliveryRetry))

  metrics.setSources({
    queueDepths: () => queue.depths(),
    scheduleRuns: () => schedules.runCounts(),
  })

  let recovery: NodeJS.Timeout | undefined
  let scheduler: Cron | undefined
  const tick = async (): Promise<void> => {
    try {
      await schedules.tick()
    } catch (err) {
      logger.error({ err: { message: (err as Error).message } }, 'scheduler tick failed')
    }
  }
  return {
    metrics,
    securityEvents,
    auth,
    apiKeys,
    pricing,
    rateCards,
    scenarios,
    costs,
    costsByKey,
    shareLinks,
    scenarioMetrics,
    ingest,
    queue,
    reports,
    schedules,
    budgets,
    budgetEvaluation,

    /**
     * Starts the job queue. With `work`, this process also runs jobs, requeues reports a killed worker left
     * running (now and then every minute, or every half REPORT_STALE_SECONDS when shorter) and, with
     * `scheduler` (default), claims due schedules every 15 s, starting with one pass now that catches up runs
     * missed while down, and purges expired security events. Without `work` it only enqueues.
     */
    async startBackground({
      work,
      scheduler: runScheduler = true,
    }: {
      work: boolean
      scheduler?: boolean
    }): Promise<void> {
      await queue.start({ work })
      budgetDebounce.activate()
      if (!work) return
      if (runScheduler) {
        await tick()
        scheduler = new Cron(SCHEDULER_TICK, { protect: true, unref: true }, tick)
      }
      await reports.recoverStale()
      // The daily purge may have been missed while no worker ran.
      await securityEvents.purgeExpired()
      recovery = setInterval(() => {
        reports
          .recoverStale()
          .catch((err: Error) => logger.warn({ err: { message: err.message } }, 'report recovery failed'))
      }, recoveryCheckMs(config.reportRecovery.staleSeconds))
      recovery.unref()
    },

    /** Finishes in-flight ingest commits and running jobs, writes pending security event counts, then stops. */
    async stopBackground(): Promise<void> {
      clearInterval(recovery)
      scheduler?.stop()
      await ingest.drain()
      await securityEvents.flush()
      await queue.stop()
    },
  }
}
export type Services = Awaited<ReturnType<typeof createServices>>
