import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { addressSet, familyOf, isNonPublicAddress, LOOPBACK_RANGES } from '../../lib/ip-ranges.js'

export const SIGNATURE_HEADER = 'x-mockupaws-signature'
export const EVENT_ID_HEADER = 'x-mockupaws-event-id'
export const WEBHOOK_SECRET_PREFIX = 'whsec_'
/** A receiver should refuse signatures older than this (replay window), as verifySignature does. */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/** `whsec_` + 32 random bytes in base64url: the HMAC-SHA256 key of one rule's webhook. */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`
}

function hmacHex(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
}

/**
 * The signature header value: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. Signing the
 * timestamp with the body lets a receiver refuse a replayed old request.
 */
export function signatureHeader(secret: string, body: string, timestamp: number): string {
  return `t=${timestamp},v1=${hmacHex(secret, timestamp, body)}`
}

/**
 * What a receiver does (docs/budgets.md): recompute the HMAC over the raw body, compare in constant time and
 * refuse a timestamp outside the tolerance. Exported for tests and as the reference implementation.
 */
export function verifySignature(
  secret: string,
  body: string,
  header: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): boolean {
  const parts = new Map(
    (header ?? '').split(',').map((part) => {
      const [key = '', ...value] = part.trim().split('=')
      return [key, value.join('=')] as const
    }),
  )
  const timestamp = Number(parts.get('t'))
  const signature = parts.get('v1') ?? ''
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > SIGNATURE_TOLERANCE_SECONDS)
    return false
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex')
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** Which addresses a webhook may reach (docs/budgets.md); built once from the configuration. */
export type WebhookTargetPolicy = { isProduction: boolean; isAllowed: (ip: string) => boolean }

export function webhookTargetPolicy(config: {
  isProduction: boolean
  webhookAllowedNetworks: readonly string[]
}): WebhookTargetPolicy {
  const operatorAllowed = addressSet(config.webhookAllowedNetworks, 'WEBHOOK_ALLOWED_NETWORKS')
  // Outside production a receiver on this machine is how webhooks are developed and tested.
  const loopback = addressSet(config.isProduction ? [] : LOOPBACK_RANGES, 'loopback')
  return {
    isProduction: config.isProduction,
    isAllowed: (ip) => operatorAllowed(ip) || loopback(ip) || !isNonPublicAddress(ip),
  }
}

const LOOPBACK_NAMES = /^(localhost|.*\.localhost)\.?$/i

/**
 * Why a webhook URL is refused, or undefined. HTTPS always; plain HTTP only to this machine's loopback
 * address outside production (local receivers and tests). No credentials in the URL. A host written as an
 * address (in any form the URL parser understands: decimal, hex, IPv4-mapped IPv6) is checked here against
 * the policy; a name is checked when the delivery connects, on every address it resolves to.
 */
export function webhookUrlProblem(value: string, policy: WebhookTargetPolicy): string | undefined {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return 'must be an absolute URL'
  }
  if (url.username || url.password) return 'must not carry credentials'
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const literal = familyOf(host) !== undefined
  if (literal && !policy.isAllowed(host))
    return 'must not point at a loopback, private, link-local or reserved address'
  if (url.protocol === 'https:') return undefined
  if (url.protocol !== 'http:') return 'must be an https:// URL'
  if (policy.isProduction) return 'must be an https:// URL'
  if (!LOOPBACK_NAMES.test(host) && !(literal && isLoopback(host)))
    return 'must be an https:// URL (http:// is accepted only for 127.0.0.1 or localhost outside production)'
  return undefined
}

const isLoopback = addressSet(LOOPBACK_RANGES, 'loopback')
