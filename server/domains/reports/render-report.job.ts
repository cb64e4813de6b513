import type { JobDefinition } from '../../jobs/queue.js'
import { RENDER_REPORT_JOB, type ReportService, STALE_REPORT_SECONDS } from './reports.service.js'

/** Makes one report. Three retries with exponential back-off (pg-boss) after a thrown error. */
export function renderReportJob(reports: ReportService): JobDefinition<{ reportId: string }> {
  return {
    name: RENDER_REPORT_JOB,
    options: { retryLimit: 3, retryDelaySeconds: 2, expireInSeconds: STALE_REPORT_SECONDS - 30 },
    // Rendering is mostly CPU: a few at once keeps a worker busy while others wait on the database.
    concurrency: 3,
    handle: (data, attempt) => reports.generate(data.reportId, attempt),
  }
}
