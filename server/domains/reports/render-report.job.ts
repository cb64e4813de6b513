import type { JobDefinition } from '../../jobs/queue.js'
import { RENDER_REPORT_JOB, type ReportService } from './reports.service.js'

/**
 * Makes one report. Three retries with exponential back-off (pg-boss) after a thrown error; pg-boss also fails
 * and retries a job still active after REPORT_JOB_EXPIRE_SECONDS (its worker was killed).
 */
export function renderReportJob(
  reports: ReportService,
  expireInSeconds: number,
): JobDefinition<{ reportId: string }> {
  return {
    name: RENDER_REPORT_JOB,
    options: { retryLimit: 3, retryDelaySeconds: 2, expireInSeconds },
    // Rendering is mostly CPU: a few at once keeps a worker busy while others wait on the database.
    concurrency: 3,
    handle: (data, attempt) => reports.generate(data.reportId, attempt),
  }
}
