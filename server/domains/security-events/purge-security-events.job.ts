import type { JobDefinition } from '../../jobs/queue.js'
import type { SecurityEventService } from './security-events.service.js'

/** Daily at 03:30 UTC: deletes security events older than SECURITY_EVENT_RETENTION_DAYS. */
export function purgeSecurityEventsJob(securityEvents: SecurityEventService): JobDefinition<object> {
  return {
    name: 'purge-security-events',
    options: { retryLimit: 2, retryDelaySeconds: 60, expireInSeconds: 600 },
    schedule: '30 3 * * *',
    handle: async () => {
      await securityEvents.purgeExpired()
    },
  }
}
