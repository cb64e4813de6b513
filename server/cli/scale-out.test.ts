import { sql } from 'drizzle-orm'
import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { queryRows } from '../db/client.js'
import { DELIVER_RUN_JOB, START_RUN_JOB } from '../domains/schedules/schedules.service.js'
import { buildTestApp } from '../test/build-test-app.js'
import { waitForJobsSettled } from '../test/jobs-settled.js'
import { startSmtpInbox } from '../test/smtp-inbox.js'
import { type MockupawsProcess, startMockupaws } from '../test/spawn-process.js'
import { createTestDatabase, testEngine } from '../test/test-db.js'

/** A Redis database of its own, so shared rate-limit counters of other suites never mix with these. */
const REDIS_URL = 'redis://127.0.0.1:6379/7'

describe.runIf(testEngine === 'postgres')(
  'scale-out: two serve + one worker on PostgreSQL and Redis',
  async () => {
    if (testEngine !== 'postgres') return
    const database = await createTestDatabase()
    // An in-process app on the same database, whose scheduler the test ticks itself.
    const scheduler = await buildTestApp({ database: { ...database, close: async () => undefined } })
    const redis = new Redis(REDIS_URL)
    await redis.flushdb()
    const inbox = await startSmtpInbox()
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: database.url ?? '',
      REDIS_URL,
      JWT_SECRET_KEY: 'scale-out-secret-0123456789abcdef0123456789',
      SMTP_URL: inbox.url,
      // The schedule below mails ops@example.com, outside the account's own address.
      SCHEDULE_RECIPIENT_DOMAINS: 'example.com',
      RATE_LIMIT_PER_MINUTE: '40',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    }
    // Only the worker does background work: the two serve instances enqueue.
    const processes: MockupawsProcess[] = []
    processes.push(await startMockupaws('serve', { ...env, SCHEDULER_ENABLED: 'false' }))
    processes.push(await startMockupaws('serve', { ...env, SCHEDULER_ENABLED: 'false' }))
    processes.push(await startMockupaws('worker', env))
    const [a, b] = processes.map((p) => p.url ?? '')
    afterAll(async () => {
      await Promise.all(processes.map((p) => p.stop()))
      await inbox.close()
      await redis.flushdb()
      await redis.quit()
      await database.close()
    })

    const call = async (
      base: string | undefined,
      path: string,
      init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
    ) => {
      const res = await fetch(`${base}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      })
      return {
        status: res.status,
        body: ((await res.json().catch(() => null)) ?? {}) as Record<string, string | number>,
      }
    }

    it('shares the general rate limit across both instances through Redis', async () => {
      // The start-up health probes counted too: begin from an empty window.
      await redis.flushdb()
      const statuses = await Promise.all(
        Array.from({ length: 50 }, (_, i) => call(i % 2 === 0 ? a : b, '/health').then((r) => r.status)),
      )
      expect(statuses.filter((s) => s === 200)).toHaveLength(40)
      expect(statuses.filter((s) => s === 429)).toHaveLength(10)
    })

    it('ingests through both instances, makes the report on the worker and runs a due schedule once', async () => {
      const session = await call(a, '/api/v1/auth/register', {
        method: 'POST',
        body: { email: 'scale@example.com', password: 'scale-pass-1' },
      })
      const token = String(session.body.access_token)
      const scenario = (
        await call(b, '/api/v1/scenarios', {
          method: 'POST',
          token,
          body: { name: 'Scaled', region: 'us-east-1' },
        })
      ).body
      await call(a, `/api/v1/scenarios/${scenario.id}`, {
        method: 'PATCH',
        token,
        body: { status: 'running' },
      })
      const key = (
        await call(a, '/api/v1/api-keys', {
          method: 'POST',
          token,
          body: { name: 'ingest', scopes: ['write:ingest'] },
        })
      ).body
      const batch = { events: Array.from({ length: 100 }, () => ({ type: 's3.get' })) }
      const sends = await Promise.all(
        [a, b, a, b].map((base) =>
          call(base, '/api/v1/ingest', {
            method: 'POST',
            body: batch,
            headers: { 'x-api-key': String(key.key), 'x-scenario-id': String(scenario.id) },
          }),
        ),
      )
      expect(sends.map((s) => s.status)).toEqual([200, 200, 200, 200])
      expect((await call(b, `/api/v1/scenarios/${scenario.id}`, { token })).body.events_total).toBe(400)

      const report = (
        await call(a, `/api/v1/scenarios/${scenario.id}/reports`, {
          method: 'POST',
          token,
          body: { format: 'csv' },
        })
      ).body
      let status = ''
      for (let i = 0; i < 60 && status !== 'ready'; i++) {
        await new Promise((r) => setTimeout(r, 500))
        status = String((await call(b, `/api/v1/reports/${report.id}`, { token })).body.status)
      }
      expect(status).toBe('ready')

      const schedule = (
        await call(b, '/api/v1/report-schedules', {
          method: 'POST',
          token,
          body: {
            name: 'Scaled daily',
            scenario_ids: [scenario.id],
            formats: ['csv'],
            frequency: 'daily',
            timezone: 'UTC',
            hour: 6,
            minute: 0,
            recipients: ['ops@example.com'],
          },
        })
      ).body
      await database.db.execute(
        sql`update report_schedules set next_run_at = now() - interval '1 minute' where id = ${schedule.id}`,
      )
      for (let i = 0; i < 80 && inbox.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 500))
      await waitForJobsSettled(database.db, [START_RUN_JOB, DELIVER_RUN_JOB])
      // Two more scheduler ticks on the same database (a scheduler of this process, with the same clock) must
      // not run it again.
      expect(await scheduler.services.schedules.tick(new Date())).toBe(0)
      expect(await scheduler.services.schedules.tick(new Date())).toBe(0)
      expect(inbox.messages).toHaveLength(1)
      const runs = await queryRows<{ trigger: string; status: string }>(
        database.db,
        sql`select trigger, status from schedule_runs where schedule_id = ${schedule.id}`,
      )
      expect(runs).toEqual([{ trigger: 'schedule', status: 'succeeded' }])
    }, 120_000)
  },
)
