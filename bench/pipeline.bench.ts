/**
 * What each cross-cutting part of the request pipeline costs an API request: bare Fastify, then the server's
 * own plugins added one layer at a time in the order `server/app.ts` registers them, each layer's app answering
 * the same `GET /api/v1/` as the empty route. In process through `inject` (no sockets, so a difference between
 * two layers is that layer's code alone), rounds interleaved, production settings (`info` logging to
 * /dev/null, production headers). Run: `npx tsx bench/pipeline.bench.ts` (BENCH_REQUESTS per round, default
 * 5,000; BENCH_ROUNDS, default 9). The socket write the real server adds is measured by bench/ingest.bench.ts.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import cors from '@fastify/cors'
import Fastify, { type FastifyInstance } from 'fastify'
import pino from 'pino'
import { corsOptions } from '../server/app.js'
import { loadConfig } from '../server/config.js'
import { createLogger, RequestLogger } from '../server/lib/logger.js'
import { createMetrics } from '../server/lib/metrics.js'
import { AccessLog } from '../server/plugins/access-log.js'
import { authPlugin } from '../server/plugins/auth.js'
import { errorHandlerPlugin } from '../server/plugins/error-handler.js'
import { ipPreLimitPlugin } from '../server/plugins/ip-pre-limit.js'
import { metricsPlugin } from '../server/plugins/metrics.js'
import { nulGuardPlugin } from '../server/plugins/nul-guard.js'
import { isOpsPath, opsAccessPlugin } from '../server/plugins/ops-access.js'
import { rateLimitPlugin } from '../server/plugins/rate-limit.js'
import { routeInfoPlugin } from '../server/plugins/route-info.js'
import { securityHeadersPlugin } from '../server/plugins/security-headers.js'

const requests = Number(process.env.BENCH_REQUESTS ?? 5_000)
const rounds = Number(process.env.BENCH_ROUNDS ?? 9)
const config = loadConfig({
  NODE_ENV: 'production',
  JWT_SECRET_KEY: randomBytes(32).toString('hex'),
  RATE_LIMIT_PER_MINUTE: '1000000000',
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
})

type Layer = { name: string; add: (app: FastifyInstance) => PromiseLike<unknown> }

/** The server's layers, in app.ts's order; each app has every layer up to its own. */
const LAYERS: Layer[] = [
  {
    name: 'error handler, route info',
    add: async (app) => {
      await app.register(errorHandlerPlugin)
      await app.register(routeInfoPlugin)
    },
  },
  { name: 'security headers', add: (app) => app.register(securityHeadersPlugin, { production: true }) },
  { name: 'NUL guard', add: (app) => app.register(nulGuardPlugin) },
  {
    name: 'per-address pre-limit',
    add: (app) => app.register(ipPreLimitPlugin, { limits: config.rateLimit, onLimited: () => {} }),
  },
  {
    name: 'operators-only paths',
    add: (app) => app.register(opsAccessPlugin, { access: { ...config.opsAccess, protect: true } }),
  },
  {
    name: 'auth (no credential sent)',
    add: (app) =>
      app.register(authPlugin, {
        authenticators: { bearer: () => Promise.reject(new Error('not used')) },
        skip: isOpsPath,
      }),
  },
  { name: 'rate limit', add: (app) => app.register(rateLimitPlugin, { limits: config.rateLimit }) },
  { name: 'CORS', add: (app) => app.register(cors, corsOptions(config.corsOrigins)) },
  { name: 'metrics', add: (app) => app.register(metricsPlugin, { metrics: createMetrics() }) },
]

/** Bare Fastify, or with the access log and request ids the server runs with (`logged`) and `layers`. */
async function build(logged: boolean, layers: Layer[]): Promise<FastifyInstance> {
  const logger = createLogger('info', pino.destination({ dest: '/dev/null', sync: true }))
  const app: FastifyInstance = logged
    ? (Fastify({
        loggerInstance: logger,
        genReqId: () => randomUUID(),
        logController: new AccessLog(logger),
        childLoggerFactory: (parent, bindings, options) =>
          new RequestLogger(parent as typeof logger, bindings, options),
      }) as unknown as FastifyInstance)
    : Fastify({ logger: false })
  for (const layer of layers) await layer.add(app)
  await app.register(
    async (api) => {
      api.get('/', async () => ({ name: 'mockupAWS', version: '0.0.0' }))
    },
    { prefix: '/api/v1' },
  )
  await app.ready()
  return app
}

/**
 * Lets the event loop run its other phases: awaiting inject after inject never leaves the microtask queue, so
 * the work each response schedules with setImmediate would pile up (and be left out of the time).
 */
const turn = () => new Promise((resolve) => setImmediate(resolve))

async function microsPerRequest(app: FastifyInstance): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < requests; i++) {
    await app.inject({ method: 'GET', url: '/api/v1/', remoteAddress: `10.0.0.${i % 64}` })
    if (i % 100 === 99) await turn()
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / requests
}

const apps: { name: string; app: FastifyInstance }[] = [
  { name: 'bare Fastify', app: await build(false, []) },
  { name: '+ access log, request ids', app: await build(true, []) },
]
for (let i = 0; i < LAYERS.length; i++) {
  apps.push({ name: `+ ${LAYERS[i]?.name}`, app: await build(true, LAYERS.slice(0, i + 1)) })
}
for (const { app } of apps) await microsPerRequest(app)
const times = apps.map(() => [] as number[])
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? apps.keys() : [...apps.keys()].reverse()
  for (const i of order) times[i]?.push(await microsPerRequest(apps[i]?.app as FastifyInstance))
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
console.log(
  `GET /api/v1/ through inject, ${rounds} interleaved rounds of ${requests} requests (median µs per request)`,
)
let previous = Number.NaN
for (const [i, { name }] of apps.entries()) {
  const micros = median(times[i] ?? [])
  const step = Number.isNaN(previous)
    ? ''
    : `  (${micros - previous >= 0 ? '+' : ''}${(micros - previous).toFixed(2)})`
  console.log(`  ${name.padEnd(34)} ${micros.toFixed(2).padStart(7)}${step}`)
  previous = micros
}
await Promise.all(apps.map(({ app }) => app.close()))
