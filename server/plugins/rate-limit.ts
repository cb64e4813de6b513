import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Redis } from 'ioredis'
import type { Config } from '../config.js'
import { rateLimited } from '../errors.js'
import { FixedWindowCounters } from '../lib/fixed-window.js'
import { addressSet } from '../lib/ip-ranges.js'

/**
 * Every route belongs to exactly one class (docs/api.md#rate-limits); routes declare auth, session or ingest, the rest is general.
 * auth: sign-in and register attempts (password guessing). session: refresh and logout, which present a
 * refresh token rather than a password, so a reload or a new tab never spends a sign-in attempt.
 */
export type RateClass = 'auth' | 'session' | 'general' | 'ingest'

declare module 'fastify' {
  interface FastifyContextConfig {
    rateClass?: RateClass
  }
}

export type RateLimitOptions = {
  limits: Config['rateLimit']
  redis?: Redis
  /** Called once per rejected request (security event + metric); `client` is the counter's key. */
  onLimited?: (req: FastifyRequest, rateClass: RateClass, client: string) => void
}

function rateClassOf(req: FastifyRequest): RateClass {
  // A CORS preflight is limited in a global hook, before its route's hooks set routeInfo.
  return req.routeInfo?.rateClass ?? req.routeOptions.config?.rateClass ?? 'general'
}

/**
 * Auth and session count per IP; general and ingest per user (all of a user's API keys and sessions share one
 * counter, so more keys never mean more requests), or per IP without a caller.
 */
function clientKey(req: FastifyRequest, rateClass: RateClass): string {
  const principal = req.principal
  if (rateClass === 'auth' || rateClass === 'session' || !principal) return `${rateClass}:ip:${req.ip}`
  return `${rateClass}:user:${principal.userId}`
}

type IncrCallback = (err: Error | null, result: { current: number; ttl: number }) => void

/**
 * In-process fixed-window counters. The plugin's own LocalStore hands every caller the same mutable object,
 * so concurrent requests all read the last count (three parallel requests with a limit of 2 were all
 * rejected); this store answers each increment with its own snapshot.
 */
class MemoryStore {
  private readonly counters = new FixedWindowCounters()

  incr(key: string, callback: IncrCallback, timeWindow: number): void {
    const { count, ttl } = this.counters.hit(key, timeWindow)
    callback(null, { current: count, ttl })
  }

  child(): MemoryStore {
    return this
  }
}

export const rateLimitPlugin = fp(async (app: FastifyInstance, opts: RateLimitOptions) => {
  const maxByClass: Record<RateClass, number> = {
    auth: opts.limits.authPerMinute,
    // Its own counter at the general rate: a refresh token is not guessable, the limit only stops floods.
    session: opts.limits.perMinute,
    general: opts.limits.perMinute,
    ingest: opts.limits.ingestPerMinute,
  }
  // RATE_LIMIT_ALLOWLIST accepts single addresses and CIDR ranges, IPv4 or IPv6.
  const isAllowed = addressSet(opts.limits.allowlist, 'RATE_LIMIT_ALLOWLIST')
  // One store and class-prefixed keys: every route of a class shares its client's counter.
  await app.register(rateLimit, {
    global: true,
    timeWindow: opts.limits.windowSeconds * 1000,
    max: (req) => maxByClass[rateClassOf(req)],
    keyGenerator: (req) => clientKey(req, rateClassOf(req)),
    allowList: (req) => isAllowed(req.ip),
    ...(opts.redis ? { redis: opts.redis } : { store: MemoryStore as never }),
    nameSpace: 'mockupaws-rl:',
    skipOnError: false,
    onExceeded: (req, key) => opts.onLimited?.(req, rateClassOf(req), key),
    errorResponseBuilder: (_req, context) => rateLimited(Math.ceil(context.ttl / 1000)),
    addHeadersOnExceeding: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
    },
    addHeaders: {
      'x-ratelimit-limit': true,
      'x-ratelimit-remaining': true,
      'x-ratelimit-reset': true,
      'retry-after': true,
    },
  })
  // @fastify/cors answers preflights in its own onRequest hook, before any route's limiter runs: count them
  // here, in the general class (CORS must be registered after this plugin).
  const limitPreflight = app.rateLimit()
  app.addHook('onRequest', (req, reply, done) => {
    if (req.method !== 'OPTIONS') return done()
    limitPreflight.call(app, req, reply).then(() => done(), done)
  })
})
