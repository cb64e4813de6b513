import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/client.js'
import { AppError } from '../../errors.js'
import type { Mailer } from '../../lib/mailer.js'
import type { PricingService } from '../pricing/pricing.service.js'
import type { ScenarioService } from '../scenarios/scenarios.service.js'
import { type AlertContext, alertEmail, webhookPayload } from './alert-message.js'
import * as repo from './budgets.repo.js'
import { EVENT_ID_HEADER, SIGNATURE_HEADER, signatureHeader, type WebhookTargetPolicy } from './webhook.js'
import { postWebhook, WebhookDeliveryError } from './webhook-transport.js'

const WEBHOOK_TIMEOUT_MS = 10_000
const MAX_ERROR_LENGTH = 500

type DeliveryDeps = {
  db: Db
  logger: FastifyBaseLogger
  scenarios: ScenarioService
  pricing: PricingService
  mailer: Mailer | undefined
  publicUrl: string
  webhookPolicy: WebhookTargetPolicy
}

type Attempt = { retryCount: number; retryLimit: number }

/** One signed POST; a refused address, a network error, a timeout or a non-2xx answer throws. */
function sendWebhook(url: string, secret: string, context: AlertContext, policy: WebhookTargetPolicy) {
  const body = JSON.stringify(webhookPayload(context))
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'mockupAWS-webhook/1',
    [EVENT_ID_HEADER]: context.alert.id,
    [SIGNATURE_HEADER]: signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
  }
  return postWebhook(url, headers, body, { policy, timeoutMs: WEBHOOK_TIMEOUT_MS })
}

export function createAlertDeliveryService({
  db,
  logger,
  scenarios,
  pricing,
  mailer,
  publicUrl,
  webhookPolicy,
}: DeliveryDeps) {
  async function contextOf(alert: repo.AlertRow): Promise<AlertContext | undefined> {
    try {
      const scenario = await scenarios.owned(alert.userId, alert.scenarioId)
      return {
        alert,
        scenarioName: scenario.name,
        currency: pricing.current().meta.currency,
        scenarioUrl: `${publicUrl}/scenarios/${alert.scenarioId}`,
      }
    } catch (err) {
      if (err instanceof AppError && err.statusCode === 404) return undefined
      throw err
    }
  }

  return {
    /**
     * Job: one attempt at one delivery. Success → sent. A failure is recorded (attempts, reason) and thrown,
     * so the job queue retries it with exponential back-off; the last allowed attempt records `failed` instead.
     * Without SMTP_URL an email is `skipped`, as schedule runs are. Idempotent: only a pending delivery is tried.
     */
    async deliver(deliveryId: string, attempt: Attempt): Promise<void> {
      const found = await repo.findDelivery(db, deliveryId)
      if (found?.delivery.status !== 'pending') return
      const { delivery, alert, rule } = found
      const context = await contextOf(alert)
      if (!context) return
      const skip = (reason: string) =>
        repo.updateDelivery(db, delivery.id, { status: 'skipped', lastError: reason })
      if (delivery.channel === 'email' && !mailer) return skip('SMTP is not configured')
      if (delivery.channel === 'webhook' && !rule?.webhookSecret) return skip('the rule was deleted')

      const attempts = delivery.attempts + 1
      try {
        if (delivery.channel === 'email') {
          await mailer?.send({ to: delivery.target.split(', '), ...alertEmail(context), attachments: [] })
        } else {
          await sendWebhook(delivery.target, rule?.webhookSecret ?? '', context, webhookPolicy)
        }
      } catch (err) {
        // The owner sees a generic reason; the log gets what happened on the wire.
        const reason = `attempt ${attempts}: ${(err as Error).message}`.slice(0, MAX_ERROR_LENGTH)
        const detail = err instanceof WebhookDeliveryError ? err.detail : (err as Error).message
        const isLast = attempt.retryCount >= attempt.retryLimit
        await repo.updateDelivery(db, delivery.id, {
          attempts,
          lastError: reason,
          ...(isLast ? { status: 'failed' as const } : {}),
        })
        logger.warn(
          { delivery_id: delivery.id, channel: delivery.channel, attempt: attempts, reason: detail },
          'alert delivery failed',
        )
        if (!isLast) throw err
        return
      }
      await repo.updateDelivery(db, delivery.id, { status: 'sent', attempts, lastError: null })
    },
  }
}
export type AlertDeliveryService = ReturnType<typeof createAlertDeliveryService>
