import { join } from 'node:path'
import { Redis } from 'ioredis'
import pino, { type Logger } from 'pino'
import type { Config } from '../config.js'
import { type Database, openDatabase } from '../db/client.js'
import { createLogger, serverLogDestination } from '../lib/logger.js'

/** What every long-running command needs: config, a logger, a migrated database, Redis when configured. */
export type Runtime = { config: Config; logger: Logger; database: Database; redis?: Redis }

/** Tools whose stdout is their answer (`user create`, `ingest`) log to stderr instead. */
export async function openRuntime(config: Config, options: { logToStderr?: boolean } = {}): Promise<Runtime> {
  const logger = createLogger(
    config.logLevel,
    options.logToStderr ? pino.destination(2) : await serverLogDestination(config.isProduction),
  )
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: join(config.dataDir, 'pglite'),
    onPoolError: (err) => logger.warn({ err: { message: err.message } }, 'database connection lost'),
  })
  await database.migrate()
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true })
    : undefined
  redis?.on('error', (err) => logger.warn({ err: { message: err.message } }, 'redis connection problem'))
  logger.info({ engine: database.engine }, 'database ready')
  return { config, logger, database, redis }
}

export async function closeRuntime(runtime: Runtime): Promise<void> {
  await runtime.redis?.quit().catch(() => undefined)
  await runtime.database.close()
}

/** Runs `stop` once on SIGTERM or SIGINT, then exits 0 (or 1 if stopping failed). */
export function onShutdown(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    stop().then(
      () => process.exit(0),
      (err: Error) => {
        logger.error({ err: { message: err.message } }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', handler)
  process.on('SIGINT', handler)
}
