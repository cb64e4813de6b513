import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp, type TestApp } from '../../test/build-test-app.js'
import { createScenario, createUser, type TestUser } from '../../test/factories.js'
import { waitForJobsSettled } from '../../test/jobs-settled.js'
import { startSmtpInbox } from '../../test/smtp-inbox.js'
import { testEngine } from '../../test/test-db.js'
import { DELIVER_ALERT_JOB, EVALUATE_SCENARIO_JOB } from './alert-evaluation.service.js'

type Received = { path: string; headers: IncomingHttpHeaders; body: string }

/** A real HTTP receiver: answers each path with its scripted statuses in turn (then 200), records every request. */
async function startReceiver() {
  const received: Received[] = []
  const scripts = new Map<string, number[]>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const path = req.url ?? '/'
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.statusCode = scripts.get(path)?.shift() ?? 200
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    received,
    urlFor: (path: string, statuses: number[] = []) => {
      scripts.set(path, statuses)
      return `http://127.0.0.1:${port}${path}`
    },
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error('timed out waiting')
}

type Alert = {
  id: string
  transition: string
  projected_monthly: string
  limit: string
  change_pct: string | null
  deliveries: {
    channel: string
    status: string
    attempts: number
    last_error: string | null
    target: string
  }[]
}

function helpers(app: TestApp, owner: TestUser) {
  const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: owner.headers, ...(payload ? { payload } : {}) })
  const addEc2 = async (scenarioId: string) => {
    const res = await call('POST', `/scenarios/${scenarioId}/items`, {
      service: 'ec2',
      params: { instance_type: 'm7g.large', count: 1 },
    })
    expect(res.statusCode).toBe(201)
    return res.json().id as string
  }
  /** A scenario whose month costs 59.568 USD (one m7g.large for 730 h). */
  const pricedScenario = async (status?: 'running') => {
    const scenario = await createScenario(app, owner, { region: 'us-east-1', status })
    await addEc2(scenario.id)
    return scenario.id
  }
  const alerts = async (scenarioId: string): Promise<Alert[]> =>
    (await call('GET', `/scenarios/${scenarioId}/alerts`)).json().items
  const settled = (scenarioId: string) =>
    waitFor(async () => {
      const items = await alerts(scenarioId)
      return items.length > 0 && items.every((a) => a.deliveries.every((d) => d.status !== 'pending'))
        ? items
        : undefined
    })
  return { call, addEc2, pricedScenario, alerts, settled }
}

describe(`budget alert evaluation and delivery on ${testEngine}`, async () => {
  const inbox = await startSmtpInbox()
  const receiver = await startReceiver()
  afterAll(async () => {
    await inbox.close()
    await receiver.close()
  })
  const app = await buildTestApp({
    jobs: 'work',
    env: { SMTP_URL: inbox.url, MAIL_FROM: 'mockupAWS <alerts@example.com>' },
    deliveryRetry: { attempts: 3, baseSeconds: 1 },
  })
  const owner = await createUser(app)
  const { call, addEc2, pricedScenario, alerts, settled } = helpers(app, owner)
  const evaluate = (scenarioId: string, now?: Date) =>
    app.services.budgetEvaluation.evaluateScenario(scenarioId, now)

  it('alerts once when the projection crosses the budget: email, and a signed webhook retried after a 500', async () => {
    const scenarioId = await pricedScenario()
    const url = receiver.urlFor('/crossing', [500])
    const created = await call('POST', `/scenarios/${scenarioId}/alert-rules`, {
      kind: 'projected_above',
      emails: ['finance@example.com'],
      webhook_url: url,
    })
    expect(created.statusCode).toBe(201)
    const rule = created.json()
    // No budget yet: nothing to compare with, so the rule stays ok.
    expect(rule.state).toBe('ok')

    const put = await call('PUT', `/scenarios/${scenarioId}/budget`, { monthly_budget: '50' })
    expect(put.statusCode).toBe(200)
    expect((await call('GET', `/alert-rules/${rule.id}`)).json().state).toBe('triggered')

    const [alert, ...others] = await settled(scenarioId)
    expect(others).toEqual([])
    expect(alert).toMatchObject({
      transition: 'triggered',
      projected_monthly: '59.568',
      limit: '50',
      change_pct: null,
    })
    expect(alert?.deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'sent',
        attempts: 1,
        target: 'finance@example.com',
      }),
      expect.objectContaining({
        channel: 'webhook',
        status: 'sent',
        attempts: 2,
        last_error: null,
        target: url,
      }),
    ])

    const hooks = receiver.at('/crossing')
    expect(hooks).toHaveLength(2)
    for (const hook of hooks) {
      expect(hook.headers['content-type']).toBe('application/json')
      expect(hook.headers['x-mockupaws-event-id']).toBe(alert?.id)
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hook.headers['x-mockupaws-signature']))
      expect(match).not.toBeNull()
      const [, t, v1] = match ?? []
      expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60)
      const expected = createHmac('sha256', rule.webhook_secret).update(`${t}.${hook.body}`).digest('hex')
      expect(v1).toBe(expected)
      const wrongKey = createHmac('sha256', 'whsec_wrong').update(`${t}.${hook.body}`).digest('hex')
      expect(v1).not.toBe(wrongKey)
    }
    expect(hooks[0]?.body).toBe(hooks[1]?.body)
    expect(JSON.parse(hooks[0]?.body ?? '{}')).toEqual({
      id: alert?.id,
      type: 'budget.alert.triggered',
      created_at: expect.any(String),
      scenario: {
        id: scenarioId,
        name: expect.any(String),
        url: `${app.config.publicUrl}/scenarios/${scenarioId}`,
      },
      rule: { id: rule.id, kind: 'projected_above' },
      currency: 'USD',
      projected_monthly: '59.568',
      limit: '50',
      change_pct: null,
    })
    expect(hooks[0]?.body).not.toContain(rule.webhook_secret)

    const mail = await waitFor(async () =>
      inbox.messages.find((m) => m.envelopeTo.includes('finance@example.com')),
    )
    expect(mail.subject).toMatch(/^Budget alert: Scenario /)
    expect(mail.text).toContain('59.57 USD is above 50.00 USD')
    expect(mail.text).toContain(`/scenarios/${scenarioId}`)

    // Still above the budget: evaluating again (here and on a schedule) delivers nothing new.
    for (let i = 0; i < 3; i += 1) expect(await evaluate(scenarioId)).toBe(0)
    await app.services.budgetEvaluation.evaluateAll()
    await waitForJobsSettled(app.database.db, [EVALUATE_SCENARIO_JOB, DELIVER_ALERT_JOB])
    expect(await alerts(scenarioId)).toHaveLength(1)
    expect(receiver.at('/crossing')).toHaveLength(2)
    expect(inbox.messages.filter((m) => m.envelopeTo.includes('finance@example.com'))).toHaveLength(1)
    expect(app.logLines.join('\n')).not.toContain(rule.webhook_secret)
  })

  it('records one alert per state change when evaluators race, and one "resolved" when costs fall back', async () => {
    const scenarioId = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${scenarioId}/alert-rules`, {
        kind: 'projected_above',
        threshold: '100',
      })
    ).json()
    expect(rule.state).toBe('ok')
    // A second instance pushes the month to 119.136, past the threshold; nothing has evaluated it yet.
    const itemId = await addEc2(scenarioId)
    const recorded = await Promise.all(Array.from({ length: 6 }, () => evaluate(scenarioId)))
    expect(recorded.reduce((a, b) => a + b, 0)).toBe(1)
    expect((await alerts(scenarioId)).map((a) => a.transition)).toEqual(['triggered'])

    expect((await call('DELETE', `/scenarios/${scenarioId}/items/${itemId}`)).statusCode).toBe(204)
    const again = await Promise.all(Array.from({ length: 4 }, () => evaluate(scenarioId)))
    expect(again.reduce((a, b) => a + b, 0)).toBe(1)
    const history = await alerts(scenarioId)
    expect(history.map((a) => a.transition)).toEqual(['resolved', 'triggered'])
    expect(history[0]).toMatchObject({ projected_monthly: '59.568', limit: '100', deliveries: [] })
    expect((await call('GET', `/alert-rules/${rule.id}`)).json().state).toBe('ok')
  })

  it("fires the jump rule against the previous UTC day's projection", async () => {
    const scenarioId = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${scenarioId}/alert-rules`, { kind: 'daily_jump_pct', jump_pct: 25 })
    ).json()
    // No previous day yet: nothing to compare with.
    expect(rule.state).toBe('ok')
    const today = new Date()
    const yesterday = new Date(today.getTime() - 86_400_000)
    const tomorrow = new Date(today.getTime() + 86_400_000)
    expect(await evaluate(scenarioId, yesterday)).toBe(0)
    await addEc2(scenarioId)
    expect(await evaluate(scenarioId, today)).toBe(1)
    const [jump] = await alerts(scenarioId)
    expect(jump).toMatchObject({
      transition: 'triggered',
      projected_monthly: '119.136',
      limit: '59.568',
      change_pct: '100',
    })
    // The next day compares with today's 119.136: no jump any more.
    expect(await evaluate(scenarioId, tomorrow)).toBe(1)
    expect((await alerts(scenarioId))[0]).toMatchObject({ transition: 'resolved', change_pct: '0' })
  })

  it('puts an edited rule back to ok silently, then evaluates it again', async () => {
    const scenarioId = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${scenarioId}/alert-rules`, { kind: 'projected_above', threshold: '10' })
    ).json()
    expect(rule.state).toBe('triggered')
    const raised = await call('PATCH', `/alert-rules/${rule.id}`, { threshold: '1000' })
    expect(raised.json().state).toBe('ok')
    const disabled = await call('PATCH', `/alert-rules/${rule.id}`, { threshold: '20', enabled: false })
    expect(disabled.json()).toMatchObject({ state: 'ok', enabled: false })
    const enabled = await call('PATCH', `/alert-rules/${rule.id}`, { enabled: true })
    expect(enabled.json().state).toBe('triggered')
    // Two "triggered" alerts (creation, re-enabling); the silent resets recorded none.
    expect((await alerts(scenarioId)).map((a) => a.transition)).toEqual(['triggered', 'triggered'])
  })

  it('records the last error and fails a webhook delivery after the retries run out', async () => {
    const scenarioId = await pricedScenario()
    await call('POST', `/scenarios/${scenarioId}/alert-rules`, {
      kind: 'projected_above',
      threshold: '1',
      webhook_url: receiver.urlFor('/down', [500, 503, 502, 500]),
    })
    const [alert] = await settled(scenarioId)
    expect(alert?.deliveries).toEqual([
      expect.objectContaining({
        channel: 'webhook',
        status: 'failed',
        attempts: 3,
        last_error: 'attempt 3: the receiver answered HTTP 502',
      }),
    ])
    expect(receiver.at('/down')).toHaveLength(3)
  })

  it('queues one delayed evaluation per scenario after ingest commits, not one per request', async () => {
    const scenarioId = await pricedScenario('running')
    await call('POST', `/scenarios/${scenarioId}/alert-rules`, { kind: 'projected_above', threshold: '1000' })
    for (let i = 0; i < 3; i += 1) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/ingest',
        headers: { ...owner.headers, 'x-scenario-id': scenarioId },
        payload: { type: 'log', message: `hello ${i}` },
      })
      expect(res.statusCode).toBe(200)
    }
    const jobs = await waitFor(async () => {
      const rows = await queryRows<{ seconds: number }>(
        app.database.db,
        sql`select extract(epoch from start_after - now())::float8 as seconds from pgboss.job
            where name = 'evaluate-scenario-budget' and data->>'scenarioId' = ${scenarioId}`,
      )
      return rows.length > 0 ? rows : undefined
    })
    expect(jobs).toHaveLength(1)
    expect(jobs[0]?.seconds).toBeGreaterThan(20)
  })
})

describe(`budget alerts without SMTP on ${testEngine}`, async () => {
  const app = await buildTestApp({ jobs: 'work' })
  const owner = await createUser(app)
  const { call, pricedScenario, settled } = helpers(app, owner)

  it('records the email delivery as skipped, as schedule runs do', async () => {
    const scenarioId = await pricedScenario()
    await call('PUT', `/scenarios/${scenarioId}/budget`, { monthly_budget: '20' })
    await call('POST', `/scenarios/${scenarioId}/alert-rules`, {
      kind: 'projected_above',
      emails: ['a@example.com'],
    })
    const [alert] = await settled(scenarioId)
    expect(alert?.deliveries).toEqual([
      expect.objectContaining({
        channel: 'email',
        status: 'skipped',
        attempts: 0,
        last_error: 'SMTP is not configured',
      }),
    ])
  })
})
