import { randomUUID } from 'node:crypto'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import cors, { type FastifyCorsOptions } from '@fastify/cors'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import type { Redis } from 'ioredis'
import { apiKeyRoutes } from './domains/api-keys/api-keys.routes.js'
import { authRoutes } from './domains/auth/auth.routes.js'
import { budgetRoutes } from './domains/budgets/budgets.routes.js'
import { healthRoutes } from './domains/health/health.routes.js'
import { ingestRoutes } from './domains/ingest/ingest.routes.js'
import { pricingRoutes } from './domains/pricing/pricing.routes.js'
import { rateCardRoutes } from './domains/rate-cards/rate-cards.routes.js'
import { reportRoutes } from './domains/reports/reports.routes.js'
import { scenarioRoutes } from './domains/scenarios/scenarios.routes.js'
import { scheduleRoutes } from './domains/schedules/schedules.routes.js'
import { shareLinkRoutes } from './domains/share-links/share-links.routes.js'
import { RequestLogger } from './lib/logger.js'
import type { Metrics } from './lib/metrics.js'
import { VERSION } from './lib/version.js'
import { AccessLog } from './plugins/access-log.js'
import { type Authenticators, authPlugin } from './plugins/auth.js'
import { clientErrorHandler } from './plugins/client-error.js'
import { errorHandlerPlugin } from './plugins/error-handler.js'
import { ipPreLimitPlugin } from './plugins/ip-pre-limit.js'
import { metricsPlugin } from './plugins/metrics.js'
import { nulGuardPlugin } from './plugins/nul-guard.js'
import { documentRoute, ErrorResponse } from './plugins/openapi-contract.js'
import { isOpsPath, opsAccessPlugin } from './plugins/ops-access.js'
import { rateLimitPlugin } from './plugins/rate-limit.js'
import { routeInfoPlugin } from './plugins/route-info.js'
import { securityHeaders, securityHeadersPlugin } from './plugins/security-headers.js'
import { staticWebPlugin } from './plugins/static-web.js'
import { createServices, type ServiceDeps, type Services } from './services.js'

export type AppDeps = ServiceDeps & {
  redis?: Redis
  /** Services built by the caller (serve starts their background work); built here when absent. */
  services?: Services
  /** Where the built web app lives; defaults to dist/web next to the server build. */
  webRoot?: string
}

const serverDir = dirname(fileURLToPath(import.meta.url))
/** dist/web: beside the compiled server, or under dist/ when running from source (tests, `npm run dev`). */
export const DEFAULT_WEB_ROOT = serverDir.endsWith(join('dist', 'server'))
  ? join(serverDir, '..', 'web')
  : join(serverDir, '..', 'dist', 'web')

const CORS_HEADERS = ['Content-Type', 'Authorization', 'X-API-Key', 'X-Scenario-ID', 'Idempotency-Key']

/** CORS for the configured origins (docs/api.md), with credentials for the web app's refresh cookie. */
function corsOptions(origins: readonly string[]): FastifyCorsOptions {
  const allowed = [...origins]
  return {
    // A request without an Origin header is not a cross-origin browser request: no CORS headers to send.
    origin: (origin, callback) => callback(null, origin === undefined ? false : allowed),
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: CORS_HEADERS,
    exposedHeaders: [
      'X-Request-Id',
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
      'Retry-After',
      'Content-Disposition',
    ],
    credentials: true,
    maxAge: 600,
  }
}

/** Builds the whole HTTP application: cross-cutting plugins first, then every domain. Never listens. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance & { metrics: Metrics }> {
  const { config, database, logger } = deps
  const app = Fastify({
    loggerInstance: logger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    logController: new AccessLog(logger),
    childLoggerFactory: (parent, bindings, options) =>
      new RequestLogger(parent as typeof logger, bindings, options),
    ajv: {
      customOptions: { allErrors: true, removeAdditional: true, coerceTypes: 'array', useDefaults: true },
    },
    routerOptions: { maxParamLength: 200 },
    clientErrorHandler: clientErrorHandler(securityHeaders(config.isProduction), logger),
  }).withTypeProvider<TypeBoxTypeProvider>()

  await app.register(errorHandlerPlugin)
  await app.register(routeInfoPlugin)
  await app.register(securityHeadersPlugin, { production: config.isProduction })
  await app.register(nulGuardPlugin)
  const services = deps.services ?? (await createServices(deps))
  const { metrics } = services
  app.decorate('metrics', metrics)
  const {
    securityEvents,
    auth,
    apiKeys,
    pricing,
    rateCards,
    scenarios,
    costs,
    costsByKey,
    ingest,
    scenarioMetrics,
    reports,
    schedules,
    shareLinks,
    budgets,
  } = services
  const authenticators: Authenticators = { bearer: auth.authenticateBearer, apiKey: apiKeys.authenticate }
  // Before any credential is looked up: a flood of bad keys costs one map lookup each (plugins/ip-pre-limit.ts).
  await app.register(ipPreLimitPlugin, {
    limits: config.rateLimit,
    onLimited: (req, reason) => {
      metrics.rateLimited.inc({ class: reason })
      securityEvents.recordRepeated(
        {
          type: 'rate_limited',
          ip: req.ip,
          details: `${reason} pre-limit, ${req.method} ${req.routeOptions.url ?? 'unmatched'}`,
        },
        `${reason}:${req.ip}`,
      )
    },
  })
  await app.register(opsAccessPlugin, { access: config.opsAccess })
  await app.register(authPlugin, {
    authenticators,
    onCredentialRejected: (req) => app.noteCredentialFailure(req),
    // The operators' token (OPS_ACCESS_TOKEN) is checked by opsAccessPlugin; it is no user's credential.
    skip: isOpsPath,
  })
  await app.register(rateLimitPlugin, {
    limits: config.rateLimit,
    redis: deps.redis,
    onLimited: (req, rateClass, client) => {
      metrics.rateLimited.inc({ class: rateClass })
      securityEvents.recordRepeated(
        {
          type: 'rate_limited',
          userId: req.principal?.userId,
          ip: req.ip,
          details: `${rateClass} class, ${req.method} ${req.routeInfo?.url ?? 'unmatched'}`,
        },
        client,
      )
    },
  })
  // Registered after the rate limiter, which counts CORS preflights too (see plugins/rate-limit.ts).
  await app.register(cors, corsOptions(config.corsOrigins))
  app.addSchema(ErrorResponse)
  await app.register(swagger, {
    transform: documentRoute,
    // Shared schemas keep their $id as their component name (`ErrorResponse`, not `def-0`).
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      info: {
        title: 'mockupAWS API',
        version: VERSION,
        description:
          'AWS cost simulator API. Conventions (errors, pagination, auth, idempotency, rate limits): docs/api.md in the repository.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        },
      },
    },
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    theme: { title: 'mockupAWS API docs' },
    // The product's name instead of the Fastify logo in the top bar; it links to the web app.
    logo: {
      type: 'image/svg+xml',
      content:
        '<svg xmlns="http://www.w3.org/2000/svg" width="150" height="32"><text x="0" y="24" ' +
        'font-family="Helvetica, Arial, sans-serif" font-size="22" font-weight="700" fill="#fff">' +
        'mockupAWS</text></svg>',
      href: '/',
      target: '_self',
    },
    staticCSP: true,
    // The UI sets inline styles from its script (blocked by the hashes of the package's default style-src, a
    // console error on every page) and is never framed.
    transformStaticCSP: (header) =>
      header
        .replace("frame-ancestors 'self'", "frame-ancestors 'none'")
        .replace(/style-src [^;]*/, "style-src 'self' 'unsafe-inline'"),
  })
  await app.register(metricsPlugin, { metrics })

  await app.register(healthRoutes, { ping: database.ping })
  // Background work stops with the app: in-flight ingest commits are answered, running jobs finish.
  app.addHook('preClose', () => services.stopBackground())

  await app.register(
    async (api) => {
      api.get('/', { schema: { hide: true } }, async () => ({ name: 'mockupAWS', version: VERSION }))
      await api.register(authRoutes, {
        auth,
        cookie: { secure: config.isProduction, maxAgeSeconds: config.jwt.refreshTtlDays * 86_400 },
      })
      await api.register(apiKeyRoutes, { apiKeys })
      await api.register(pricingRoutes, { pricing })
      await api.register(rateCardRoutes, { rateCards })
      await api.register(scenarioRoutes, { scenarios, costs, costsByKey })
      await api.register(ingestRoutes, { ingest, metrics: scenarioMetrics })
      await api.register(reportRoutes, { reports })
      await api.register(scheduleRoutes, { schedules })
      await api.register(shareLinkRoutes, { shareLinks })
      await api.register(budgetRoutes, { budgets })
    },
    { prefix: '/api/v1' },
  )

  await app.register(staticWebPlugin, { root: deps.webRoot ?? DEFAULT_WEB_ROOT })
  return app as unknown as FastifyInstance & { metrics: Metrics }
}
