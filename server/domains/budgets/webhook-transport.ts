import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import { familyOf } from '../../lib/ip-ranges.js'
import type { WebhookTargetPolicy } from './webhook.js'

/**
 * A failed delivery: `message` is what the rule's owner sees, the same for every way a connection can fail (so
 * deliveries cannot be used to tell an open port from a closed one); `detail` is for the server log only.
 */
export class WebhookDeliveryError extends Error {
  constructor(
    message: string,
    readonly detail: string,
  ) {
    super(message)
  }
}

const UNREACHABLE = 'the receiver could not be reached'

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void

/**
 * dns.lookup for the socket itself: every address the name resolves to is checked before the connection is
 * made, so a name that resolves (or re-resolves, DNS rebinding) to an internal address is never reached.
 */
function guardedLookup(policy: WebhookTargetPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, [])
      const refused = addresses.find((a) => !policy.isAllowed(a.address))
      if (refused || addresses.length === 0) {
        const reason = refused
          ? `resolves to ${refused.address}, which webhooks may not reach`
          : 'has no address'
        return callback(Object.assign(new Error(`${hostname} ${reason}`), { code: 'EADDRNOTALLOWED' }), [])
      }
      if (options.all) return callback(null, addresses)
      const [first] = addresses as [LookupAddress]
      callback(null, first.address, first.family)
    })
  }
}

/**
 * One POST of `body` to `url`, answered when the receiver's status arrives. Only a 2xx counts: redirects are
 * never followed (they could send the signed body elsewhere). Throws WebhookDeliveryError.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  { policy, timeoutMs }: { policy: WebhookTargetPolicy; timeoutMs: number },
): Promise<void> {
  const target = new URL(url)
  const host = target.hostname.replace(/^\[|\]$/g, '')
  // The socket does not look an address up: a literal host is checked here (the URL was checked when saved,
  // but the operator's allowlist may have changed since).
  if (familyOf(host) && !policy.isAllowed(host))
    return Promise.reject(
      new WebhookDeliveryError(UNREACHABLE, `${host} is not an address webhooks may reach`),
    )
  const transport = target.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(policy) as never,
        agent: false,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        // The receiver's body is not kept: it is not ours to store.
        res.resume()
        const status = res.statusCode ?? 0
        if (status >= 200 && status < 300) resolve()
        else {
          const message = `the receiver answered HTTP ${status}`
          reject(
            new WebhookDeliveryError(
              status >= 300 && status < 400 ? `${message} (redirects are not followed)` : message,
              message,
            ),
          )
        }
      },
    )
    req.on('error', (err: NodeJS.ErrnoException) =>
      reject(new WebhookDeliveryError(UNREACHABLE, [err.code, err.message].filter(Boolean).join(': '))),
    )
    req.end(body)
  })
}
