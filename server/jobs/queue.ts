import type { FastifyBaseLogger } from 'fastify'
import PgBoss from 'pg-boss'
import type { Database } from '../db/client.js'

/** One job type: its queue name, retry policy and idempotent handler, declared together in a `*.job.ts`. */
export type JobDefinition<T extends object> = {
  name: string
  options: {
    retryLimit: number
    retryDelaySeconds: number
    /** Fail (and retry) a job whose worker vanished mid-run after this long. */
    expireInSeconds: number
  }
  /** Jobs of this type one process runs at once (each is a pg-boss worker); default 1. */
  concurrency?: number
  /** Cron (UTC) for jobs that run on their own, like the daily report purge. */
  schedule?: string
  handle: (data: T, attempt: { retryCount: number; retryLimit: number }) => Promise<void>
}

/** A SQL executor pg-boss can use: node-postgres' pool, or PGlite through the same interface. */
function executorFor(database: Database): PgBoss.Db {
  if (database.pool) {
    const pool = database.pool
    return { executeSql: (text: string, values: unknown[]) => pool.query(text, values) }
  }
  const pglite = database.pglite
  if (!pglite) throw new Error('database has neither a pool nor PGlite')
  return {
    async executeSql(text: string, values: unknown[]) {
      // pg-boss sends its schema as one multi-statement script without parameters: PGlite runs those with exec.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text)
        return { rows: results.at(-1)?.rows ?? [] }
      }
      return pglite.query(text, values)
    },
  }
}

/**
 * The job queue: pg-boss on the application's own database (PostgreSQL or PGlite), so jobs survive restarts
 * and several processes share one queue; a job is fetched with SKIP LOCKED, so only one worker runs it at once.
 */
export function createJobQueue({
  database,
  logger,
  onJobFailed,
}: {
  database: Database
  logger: FastifyBaseLogger
  /** Called for every attempt that throws (pg-boss then retries or fails the job). */
  onJobFailed?: (job: string) => void
}) {
  // pg-boss 10 can resolve stop() while a worker's last fetch is still running, and sends a job's complete/fail
  // without awaiting it: what it still has in flight is awaited in stop(), so the database is never closed
  // under it (an unhandled "Cannot use a pool after calling end on the pool").
  const inFlight = new Set<Promise<unknown>>()
  const track = <T>(work: Promise<T>): Promise<T> => {
    inFlight.add(work)
    work.then(
      () => inFlight.delete(work),
      () => inFlight.delete(work),
    )
    return work
  }
  const executor = executorFor(database)
  const boss = new PgBoss({
    db: { executeSql: (text, values) => track(executor.executeSql(text, values)) },
    schema: 'pgboss',
    // Maintenance (expiring jobs whose worker vanished, archiving) runs in every instance; pg-boss
    // coordinates it itself. Every 30 s, so a report left by a killed worker is retried promptly.
    maintenanceIntervalSeconds: 30,
  })
  boss.on('error', (err: Error) => logger.error({ err: { message: err.message } }, 'job queue error'))
  const definitions = new Map<string, JobDefinition<object>>()
  let started = false

  return {
    /** Registers a job type; call before start(). */
    define<T extends object>(definition: JobDefinition<T>): void {
      definitions.set(definition.name, definition as unknown as JobDefinition<object>)
    },

    /** Creates the queues; with `work` this process also runs the jobs (serve unless disabled, and worker). */
    async start({ work }: { work: boolean }): Promise<void> {
      await boss.start()
      started = true
      for (const def of definitions.values()) {
        const policy = {
          name: def.name,
          retryLimit: def.options.retryLimit,
          retryDelay: def.options.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: def.options.expireInSeconds,
        }
        // createQueue leaves an existing queue as it is: the update applies changed settings (e.g.
        // REPORT_JOB_EXPIRE_SECONDS) to the jobs sent from now on, whose expiry pg-boss copies from the queue.
        // (pg-boss annotates the options object it is given: each call gets its own copy.)
        await boss.createQueue(def.name, { ...policy })
        await boss.updateQueue(def.name, { ...policy })
        if (def.schedule) await boss.schedule(def.name, def.schedule, {}, { tz: 'UTC' })
        if (!work) continue
        await boss.work(
          def.name,
          { batchSize: 1, pollingIntervalSeconds: 1, includeMetadata: true },
          async ([job]) => {
            if (!job) return
            try {
              await track(
                def.handle(job.data as object, { retryCount: job.retryCount, retryLimit: job.retryLimit }),
              )
            } catch (err) {
              onJobFailed?.(def.name)
              throw err
            }
          },
        )
      }
    },

    /** Enqueues a job; `singletonKey` keeps one queued job per key (e.g. per report). */
    async send(name: string, data: object, options: { singletonKey?: string; startAfter?: number } = {}) {
      return boss.send(name, data, { singletonKey: options.singletonKey, startAfter: options.startAfter })
    },

    /** Jobs waiting or running per queue, for /metrics. */
    async depths(): Promise<Record<string, number>> {
      if (!started) return {}
      const entries = await Promise.all(
        [...definitions.keys()].map(async (name) => [name, await boss.getQueueSize(name)]),
      )
      return Object.fromEntries(entries)
    },

    async stop(): Promise<void> {
      if (!started) return
      started = false
      // Lets running jobs finish (up to 30 s) so a shutdown does not leave reports half made.
      await boss.stop({ graceful: true, wait: true, timeout: 30_000, close: false })
      const deadline = Date.now() + 30_000
      while (inFlight.size > 0 && Date.now() < deadline) {
        await Promise.allSettled([...inFlight])
        // Lets what those settle start (a fetched job's run, its complete or fail) before looking again.
        await new Promise((resolve) => setImmediate(resolve))
      }
    },
  }
}
export type JobQueue = ReturnType<typeof createJobQueue>
