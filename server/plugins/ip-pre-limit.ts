import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { rateLimited } from '../errors.js'
import { FixedWindowCounters } from '../lib/fixed-window.js'
import { addressSet } from '../lib/ip-ranges.js'
import { carriesCredential } from './auth.js'

const WINDOW_MS = 60_000

/** Why the pre-limit refused a request: too many requests, or too many rejected credentials, from the address. */
export type PreLimitReason = 'address' | 'credential_failures'

declare module 'fastify' {
  interface FastifyInstance {
    /** Counts a rejected API key or token against the caller's address (the auth plugin calls it). */
    noteCredentialFailure(req: FastifyRequest): void
  }
}

/**
 * A per-address limit checked before anything else, credential lookups included (docs/api.md#rate-limits):
 * `RATE_LIMIT_IP_PER_MINUTE` requests of any kind, and once an address had
 * `RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE` rejected API keys or tokens, its requests that carry one are
 * refused unchecked until the window ends. In memory, per instance: one map lookup per request, no I/O.
 */
export const ipPreLimitPlugin = fp(
  async (
    app: FastifyInstance,
    opts: {
      limits: Config['rateLimit']
      onLimited: (req: FastifyRequest, reason: PreLimitReason) => void
    },
  ) => {
    const { ipPerMinute, credentialFailuresPerMinute } = opts.limits
    const isAllowed = addressSet(opts.limits.allowlist, 'RATE_LIMIT_ALLOWLIST')
    const requests = new FixedWindowCounters()
    const failures = new FixedWindowCounters()

    app.decorate('noteCredentialFailure', (req: FastifyRequest) => {
      if (!isAllowed(req.ip)) failures.hit(req.ip, WINDOW_MS)
    })

    app.addHook('onRequest', (req, _reply, done) => {
      if (isAllowed(req.ip)) return done()
      const sent = requests.hit(req.ip, WINDOW_MS)
      if (sent.count > ipPerMinute) {
        opts.onLimited(req, 'address')
        return done(rateLimited(Math.ceil(sent.ttl / 1000)))
      }
      if (carriesCredential(req)) {
        const failed = failures.peek(req.ip)
        if (failed.count >= credentialFailuresPerMinute) {
          opts.onLimited(req, 'credential_failures')
          return done(rateLimited(Math.ceil(failed.ttl / 1000)))
        }
      }
      done()
    })
  },
)
