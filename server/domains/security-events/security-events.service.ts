import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { securityEvents } from '../../db/schema/index.js'

export type SecurityEventType =
  | 'registration'
  | 'login_failed'
  | 'login_succeeded'
  | 'rate_limited'
  | 'refresh_token_reuse'
  | 'password_changed'
  | 'invalid_api_key'
  | 'api_key_created'
  | 'api_key_revoked'
  | 'api_key_rotated'

export type SecurityEvent = {
  type: SecurityEventType
  userId?: string | null
  ip?: string
  apiKeyPrefix?: string
  /** A short reason or identifier; never a password, token or key. */
  details?: string
}

/** Stores security events and writes them as structured log lines an operator can grep. */
export function createSecurityEventService({ db, logger }: { db: Db; logger: FastifyBaseLogger }) {
  return {
    async record(event: SecurityEvent): Promise<void> {
      logger.warn(
        {
          security_event: event.type,
          user_id: event.userId ?? undefined,
          ip: event.ip,
          api_key_prefix: event.apiKeyPrefix,
          details: event.details,
        },
        `security event: ${event.type}`,
      )
      await db.insert(securityEvents).values({
        eventType: event.type,
        userId: event.userId ?? null,
        ip: event.ip ?? null,
        apiKeyPrefix: event.apiKeyPrefix ?? null,
        details: event.details ?? null,
      })
    },

    /** For hooks that cannot wait (the rate limiter): a failed insert is logged, never thrown. */
    recordInBackground(event: SecurityEvent): void {
      this.record(event).catch((err: Error) =>
        logger.error({ err: { message: err.message } }, 'could not store security event'),
      )
    },
  }
}
export type SecurityEventService = ReturnType<typeof createSecurityEventService>
