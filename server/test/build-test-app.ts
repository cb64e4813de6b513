import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { Redis } from 'ioredis'
import { afterAll } from 'vitest'
import { buildApp } from '../app.js'
import { type Config, loadConfig } from '../config.js'
import { createLogger } from '../lib/logger.js'
import type { Metrics } from '../lib/metrics.js'
import { createServices, type ServiceDeps, type Services } from '../services.js'
import { createTestDatabase, type TestDatabase } from './test-db.js'

export const TEST_SECRET = 'test-secret-9f4c1e7a2b8d6053e1c7a94f2d8b6e03'

/** Config for tests: fast bcrypt, a fixed secret, generous limits unless a test asks otherwise. */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET_KEY: TEST_SECRET,
    BCRYPT_ROUNDS: '4',
    DATA_DIR: '/tmp/mockupaws-test',
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_INGEST_PER_MINUTE: '100000',
    // Tests mail example.com addresses and run schedules by hand back to back; the limits have their own tests.
    SCHEDULE_RECIPIENT_DOMAINS: 'example.com',
    SCHEDULE_RUN_NOW_COOLDOWN_SECONDS: '0',
    SCHEDULE_MAX_PER_USER: '1000',
    SCHEDULE_MAX_RUNS_PER_DAY: '100000',
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'info',
    ...env,
  })
}

export type TestApp = FastifyInstance & {
  metrics: Metrics
  database: TestDatabase
  config: Config
  /** Every log line the app wrote, for "no secret in the logs" assertions. */
  logLines: string[]
  services: Services
}

/**
 * Builds the real app on a fresh migrated database (PGlite, or PostgreSQL with TEST_DATABASE_URL) and closes
 * both after the file's tests. Pass `env` to override configuration.
 */
export async function buildTestApp(
  options: {
    env?: Record<string, string>
    redis?: boolean
    /** An existing database (e.g. one reached through a TCP proxy) instead of a fresh one. */
    database?: TestDatabase
    /** Test-only routes registered before the app is ready. */
    routes?: (app: FastifyInstance) => void
    /** Start the job queue: to enqueue only, or to also run the jobs in this process. Off by default. */
    jobs?: 'enqueue' | 'work'
    /** Replaces the report renderer (to make attempts fail). */
    renderReport?: ServiceDeps['renderReport']
    /** Faster email retries. */
    deliveryRetry?: ServiceDeps['deliveryRetry']
  } = {},
): Promise<TestApp> {
  const config = testConfig(options.env)
  const database = options.database ?? (await createTestDatabase())
  const logLines: string[] = []
  const sink = new Writable({
    write(chunk, _enc, done) {
      logLines.push(chunk.toString())
      done()
    },
  })
  const redis = options.redis ? new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379') : undefined
  const logger = createLogger(config.logLevel, sink)
  const services = await createServices({
    config,
    database,
    logger,
    renderReport: options.renderReport,
    deliveryRetry: options.deliveryRetry,
  })
  // The scheduler never ticks on its own in tests: they call services.schedules.tick(now) with their clock.
  if (options.jobs) await services.startBackground({ work: options.jobs === 'work', scheduler: false })
  const app = (await buildApp({ config, database, logger, redis, services })) as TestApp
  app.decorate('services', services)
  app.decorate('database', database)
  app.decorate('config', config)
  app.decorate('logLines', logLines)
  options.routes?.(app)
  await app.ready()
  afterAll(async () => {
    await app.close()
    await redis?.quit()
    await database.close()
  })
  return app
}
