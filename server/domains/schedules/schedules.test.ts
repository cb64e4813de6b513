import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, queryRows } from '../../db/client.js'
import { buildTestApp, type TestApp } from '../../test/build-test-app.js'
import { callerAs, createScenario, createUser, type TestUser } from '../../test/factories.js'
import { waitForJobsSettled } from '../../test/jobs-settled.js'
import { startSmtpInbox } from '../../test/smtp-inbox.js'
import { testEngine } from '../../test/test-db.js'
import { DELIVER_RUN_JOB, START_RUN_JOB } from './schedules.service.js'

const schedule = (scenarioIds: string[], overrides: Record<string, unknown> = {}) => ({
  name: 'Weekly costs',
  scenario_ids: scenarioIds,
  formats: ['pdf', 'csv'],
  frequency: 'daily',
  timezone: 'Europe/Rome',
  hour: 8,
  minute: 0,
  recipients: ['finance@example.com', 'CTO@Example.com'],
  ...overrides,
})

/** A CSV-only schedule of a new scenario, created through the API. */
async function createCsvSchedule(app: TestApp, user: TestUser) {
  const scenario = await createScenario(app, user)
  const res = await callerAs(app, user)(
    'POST',
    '/report-schedules',
    schedule([scenario.id], { formats: ['csv'] }),
  )
  expect(res.statusCode).toBe(201)
  return res.json()
}

/** Starts a run of the schedule now (POST …/run) and returns its id. */
async function runNow(app: TestApp, user: TestUser, scheduleId: string): Promise<string> {
  const res = await callerAs(app, user)('POST', `/report-schedules/${scheduleId}/run`)
  expect(res.statusCode).toBe(202)
  return res.json().run_id
}

async function waitForRun(
  app: TestApp,
  user: TestUser,
  scheduleId: string,
  runId: string,
  timeoutMs = 40_000,
) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/report-schedules/${scheduleId}/runs`,
      headers: user.headers,
    })
    const run = res.json().items.find((r: { id: string }) => r.id === runId)
    if (run && (run.status === 'succeeded' || run.status === 'failed')) return run
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`run ${runId} did not finish`)
}

describe(`report schedules API on ${testEngine}`, async () => {
  const inbox = await startSmtpInbox()
  afterAll(() => inbox.close())
  const app = await buildTestApp({
    jobs: 'work',
    env: { SMTP_URL: inbox.url, MAIL_FROM: 'mockupAWS <reports@example.com>' },
  })
  const user = await createUser(app)
  const create = (body: object, headers = user.headers) =>
    app.inject({ method: 'POST', url: '/api/v1/report-schedules', headers, payload: body })

  it('creates a schedule with next_run_at at 08:00 Rome time and normalised recipients', async () => {
    const scenario = await createScenario(app, user)
    const res = await create(schedule([scenario.id]))
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({
      frequency: 'daily',
      timezone: 'Europe/Rome',
      enabled: true,
      last_run_at: null,
    })
    expect(body.recipients).toEqual(['finance@example.com', 'cto@example.com'])
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Rome',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(body.next_run_at))
    expect(local).toBe('08:00')
    expect(new Date(body.next_run_at).getTime()).toBeGreaterThan(Date.now())
  })

  it.each([
    [{ timezone: 'Mars/Base' }, 'timezone'],
    [{ frequency: 'cron', cron: '61 * * * *' }, 'cron'],
    [{ frequency: 'cron' }, 'cron'],
    [{ hour: 24 }, 'hour'],
    [{ minute: -1 }, 'minute'],
    [{ formats: [] }, 'formats'],
    [{ recipients: [] }, 'recipients'],
    [{ recipients: Array.from({ length: 21 }, (_, i) => `r${i}@example.com`) }, 'recipients'],
    [{ recipients: ['not-an-email'] }, 'recipients.0'],
    [{ frequency: 'weekly' }, 'day_of_week'],
    [{ frequency: 'monthly' }, 'day_of_month'],
    [{ frequency: 'monthly', day_of_month: 32 }, 'day_of_month'],
  ])('rejects %j with 422 on %s and stores nothing', async (overrides, field) => {
    const scenario = await createScenario(app, user)
    const before = await app.inject({ method: 'GET', url: '/api/v1/report-schedules', headers: user.headers })
    const res = await create(schedule([scenario.id], overrides))
    expect(res.statusCode).toBe(422)
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
    const after = await app.inject({ method: 'GET', url: '/api/v1/report-schedules', headers: user.headers })
    expect(after.json().total).toBe(before.json().total)
  })

  it('rejects another user’s scenario id with 422 and hides their schedules with 404', async () => {
    const other = await createUser(app)
    const theirs = await createScenario(app, other)
    const res = await create(schedule([theirs.id]))
    expect(res.statusCode).toBe(422)
    expect(res.json().details).toEqual([{ field: 'scenario_ids.0', reason: 'is not one of your scenarios' }])
    const theirSchedule = (await create(schedule([theirs.id]), other.headers)).json()
    for (const [method, url] of [
      ['GET', `/api/v1/report-schedules/${theirSchedule.id}`],
      ['PATCH', `/api/v1/report-schedules/${theirSchedule.id}`],
      ['DELETE', `/api/v1/report-schedules/${theirSchedule.id}`],
      ['POST', `/api/v1/report-schedules/${theirSchedule.id}/run`],
      ['GET', `/api/v1/report-schedules/${theirSchedule.id}/runs`],
    ] as const) {
      const r = await app.inject({
        method,
        url,
        headers: user.headers,
        payload: method === 'PATCH' ? { enabled: false } : undefined,
      })
      expect(r.statusCode, `${method} ${url}`).toBe(404)
    }
  })

  it('updates, disables (no next run) and deletes', async () => {
    const scenario = await createScenario(app, user)
    const created = (await create(schedule([scenario.id]))).json()
    const weekly = await app.inject({
      method: 'PATCH',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
      payload: { frequency: 'weekly', day_of_week: 1, hour: 9 },
    })
    expect(weekly.statusCode).toBe(200)
    expect(weekly.json()).toMatchObject({ frequency: 'weekly', day_of_week: 1, hour: 9 })
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', weekday: 'long' }).format(
      new Date(weekly.json().next_run_at),
    )
    expect(weekday).toBe('Monday')
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
      payload: { enabled: false },
    })
    expect(disabled.json()).toMatchObject({ enabled: false, next_run_at: null })
    // A partial update keeps every field it does not name: no create-time default (hour 8, enabled) comes back.
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
      payload: { name: 'Renamed' },
    })
    expect(renamed.json()).toMatchObject({ name: 'Renamed', hour: 9, enabled: false, next_run_at: null })
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
    })
    expect(del.statusCode).toBe(204)
  })

  it('run now: makes the reports and delivers one email with totals and parseable attachments', async () => {
    const scenario = await createScenario(app, user, { name: 'Checkout <prod>' })
    await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/items`,
      headers: user.headers,
      payload: { service: 'sqs', params: { requests: 101_000_000, queue_type: 'standard' } },
    })
    const created = (await create(schedule([scenario.id]))).json()
    const started = await app.inject({
      method: 'POST',
      url: `/api/v1/report-schedules/${created.id}/run`,
      headers: user.headers,
    })
    expect(started.statusCode).toBe(202)
    expect(started.json()).toEqual({ run_id: expect.any(String), status: 'queued' })
    const before = inbox.messages.length
    const run = await waitForRun(app, user, created.id, started.json().run_id)
    expect(run).toMatchObject({
      status: 'succeeded',
      delivery: 'sent',
      delivery_attempts: 1,
      error: null,
      trigger: 'manual',
    })
    expect(run.report_ids).toHaveLength(2)
    expect(inbox.messages.length).toBe(before + 1)
    const mail = inbox.messages.at(-1)
    expect(mail?.envelopeTo.sort()).toEqual(['cto@example.com', 'finance@example.com'])
    expect(mail?.subject).toBe('mockupAWS report: Weekly costs')
    expect(mail?.from?.text).toContain('reports@example.com')
    // 101M requests - 1M free = 100M at $0.40 per million.
    expect(mail?.text).toContain('Checkout <prod> (us-east-1): $40.00 per month')
    expect(mail?.html).toContain('Checkout &lt;prod&gt;')
    expect(mail?.html).not.toContain('<prod>')
    const names = mail?.attachments.map((a) => a.filename).sort()
    expect(names).toEqual([expect.stringMatching(/\.csv$/), expect.stringMatching(/\.pdf$/)])
    const pdf = mail?.attachments.find((a) => a.filename?.endsWith('.pdf'))
    expect(pdf?.content.subarray(0, 5).toString()).toBe('%PDF-')
    const csv = mail?.attachments.find((a) => a.filename?.endsWith('.csv'))?.content.toString('utf8') ?? ''
    expect(csv).toContain('sqs.requests.standard')
    const schedules = await app.inject({
      method: 'GET',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
    })
    expect(schedules.json()).toMatchObject({
      last_status: 'succeeded',
      last_run_at: expect.any(String),
      email_delivery: 'smtp',
      warnings: [],
    })
  })

  it('fails a run whose scenarios were all deleted, without sending an email', async () => {
    const scenario = await createScenario(app, user)
    const created = (await create(schedule([scenario.id], { formats: ['csv'] }))).json()
    await app.inject({ method: 'DELETE', url: `/api/v1/scenarios/${scenario.id}`, headers: user.headers })
    const before = inbox.messages.length
    const run = await waitForRun(app, user, created.id, await runNow(app, user, created.id))
    expect(run).toMatchObject({ status: 'failed', delivery: 'skipped', report_ids: [] })
    expect(run.error).toContain('No report could be made')
    expect(inbox.messages.length).toBe(before)
  })

  it('catches up a schedule missed while down with one run, not one per missed period', async () => {
    const scenario = await createScenario(app, user)
    const created = (await create(schedule([scenario.id], { formats: ['csv'] }))).json()
    await app.database.db.execute(
      sql`update report_schedules set next_run_at = now() - interval '3 days' where id = ${created.id}`,
    )
    const now = new Date()
    expect(await app.services.schedules.tick(now)).toBeGreaterThanOrEqual(1)
    expect(await app.services.schedules.tick(now)).toBe(0)
    const runs = await queryRows<{ trigger: string }>(
      app.database.db,
      sql`select trigger from schedule_runs where schedule_id = ${created.id}`,
    )
    expect(runs).toEqual([{ trigger: 'schedule' }])
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/report-schedules/${created.id}`,
      headers: user.headers,
    })
    expect(new Date(after.json().next_run_at).getTime()).toBeGreaterThan(now.getTime())
  })
})

describe(`a schedule's last run while it is in flight on ${testEngine}`, async () => {
  // Jobs are only enqueued here, so each run stays where the test puts it.
  const app = await buildTestApp({ jobs: 'enqueue' })
  const user = await createUser(app)
  const scheduleOf = async (id: string) =>
    (await callerAs(app, user)('GET', `/report-schedules/${id}`)).json()

  it('shows the newest run queued, then running, and an older run never hides it', async () => {
    const created = await createCsvSchedule(app, user)
    const manual = await runNow(app, user, created.id)
    const queued = await scheduleOf(created.id)
    expect(queued.last_status).toBe('queued')
    const [run] = await queryRows<{ created_at: Date }>(
      app.database.db,
      sql`select created_at from schedule_runs where id = ${manual}`,
    )
    expect(new Date(queued.last_run_at).getTime()).toBe(new Date(run?.created_at ?? 0).getTime())

    await app.services.schedules.startRunJob(manual)
    expect((await scheduleOf(created.id)).last_status).toBe('running')

    // A scheduled run is queued after the manual one; the manual run moving on must not cover it.
    await app.database.db.execute(
      sql`update report_schedules set next_run_at = now() - interval '1 minute' where id = ${created.id}`,
    )
    expect(await app.services.schedules.tick(new Date())).toBeGreaterThanOrEqual(1)
    await app.database.db.execute(sql`update schedule_runs set status = 'queued' where id = ${manual}`)
    await app.services.schedules.startRunJob(manual)
    expect((await scheduleOf(created.id)).last_status).toBe('queued')
  })
})

describe(`schedule delivery without and with a broken SMTP server on ${testEngine}`, async () => {
  it('makes the reports and records delivery skipped without SMTP_URL', async () => {
    const app = await buildTestApp({ jobs: 'work' })
    const user = await createUser(app)
    const created = await createCsvSchedule(app, user)
    // Said when the schedule is made, not discovered later from a run.
    expect(created.email_delivery).toBe('not_configured')
    expect(created.warnings).toEqual([expect.stringContaining('no SMTP configured (SMTP_URL)')])
    const run = await waitForRun(app, user, created.id, await runNow(app, user, created.id))
    expect(run).toMatchObject({
      status: 'succeeded',
      delivery: 'skipped',
      error: 'delivery: skipped (SMTP not configured)',
    })
    const report = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${run.report_ids[0]}`,
      headers: user.headers,
    })
    expect(report.json().status).toBe('ready')
  }, 90_000)

  it('retries delivery with back-off, then records failed with the reason', async () => {
    // Nothing listens on this port: every connection is refused, as with a dead mail server.
    const inbox = await startSmtpInbox()
    const deadUrl = inbox.url
    await inbox.close()
    const app = await buildTestApp({
      jobs: 'work',
      env: { SMTP_URL: deadUrl },
      deliveryRetry: { attempts: 3, baseSeconds: 1 },
    })
    const user = await createUser(app)
    const created = await createCsvSchedule(app, user)
    const run = await waitForRun(app, user, created.id, await runNow(app, user, created.id), 60_000)
    expect(run).toMatchObject({ status: 'failed', delivery: 'failed', delivery_attempts: 3 })
    expect(run.error).toMatch(/^delivery attempt 3 failed: .*ECONNREFUSED/)
  }, 90_000)
})

describe(`two schedulers on one ${testEngine} database`, async () => {
  const inbox = await startSmtpInbox()
  afterAll(() => inbox.close())
  const env = { SMTP_URL: inbox.url }
  const first = await buildTestApp({ jobs: 'work', env })
  // A second instance on the same database: its own connection pool on PostgreSQL.
  const secondDb = first.database.url
    ? await openDatabase({ url: first.database.url, poolSize: 5 })
    : first.database
  const second = await buildTestApp({
    jobs: 'work',
    env,
    database: { ...secondDb, close: async () => (first.database.url ? secondDb.close() : undefined) },
  })

  it('runs 50 schedules due at the same minute exactly once each: 50 runs, 50 emails', async () => {
    const user = await createUser(first)
    const scenario = await createScenario(first, user)
    const ids: string[] = []
    for (let i = 0; i < 50; i++) {
      const res = await first.inject({
        method: 'POST',
        url: '/api/v1/report-schedules',
        headers: user.headers,
        payload: schedule([scenario.id], {
          name: `schedule ${i}`,
          formats: ['csv'],
          recipients: [`r${i}@example.com`],
        }),
      })
      ids.push(res.json().id)
    }
    await first.database.db.execute(
      sql`update report_schedules set next_run_at = now() - interval '1 minute'`,
    )
    const now = new Date()
    const claimed = await Promise.all([
      first.services.schedules.tick(now),
      second.services.schedules.tick(now),
      first.services.schedules.tick(now),
      second.services.schedules.tick(now),
    ])
    expect(claimed.reduce((a, b) => a + b, 0)).toBe(50)
    // Every run finished and no job left waiting or running: nothing can send another email after this.
    const deadline = Date.now() + 120_000
    const openRuns = async () =>
      (
        await queryRows<{ n: number }>(
          first.database.db,
          sql`select count(*)::int as n from schedule_runs where status not in ('succeeded', 'failed')`,
        )
      )[0]?.n
    while ((await openRuns()) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250))
    await waitForJobsSettled(first.database.db, [START_RUN_JOB, DELIVER_RUN_JOB])
    expect(inbox.messages).toHaveLength(50)
    expect(new Set(inbox.messages.map((m) => m.envelopeTo[0])).size).toBe(50)
    const runs = await queryRows<{ n: string }>(
      first.database.db,
      sql`select count(*)::text as n from schedule_runs`,
    )
    expect(runs[0]?.n).toBe('50')
  }, 180_000)
})
