import type { JobDefinition } from '../../jobs/queue.js'
import type { ReportService } from './reports.service.js'

/** Daily at 03:00 UTC: deletes reports past REPORT_RETENTION_DAYS and requeues any left running. */
export function purgeReportsJob(reports: ReportService): JobDefinition<object> {
  return {
    name: 'purge-reports',
    options: { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 600 },
    schedule: '0 3 * * *',
    handle: async () => {
      await reports.purgeExpired()
      await reports.recoverStale()
    },
  }
}
