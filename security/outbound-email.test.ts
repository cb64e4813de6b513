import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Client,
  client,
  createScenario,
  expectErrorShape,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { ServerProcess } from './support/server.js'

// Default interval (60 min) and cooldown (300 s); small caps so they are reached quickly.
let server: ServerProcess
let http: Client
let alice: User
let scenarioId: string

beforeAll(async () => {
  server = await ServerProcess.start({
    env: {
      SCHEDULE_RECIPIENT_DOMAINS: 'partner.test',
      SCHEDULE_MAX_PER_USER: '3',
      SCHEDULE_MAX_RUNS_PER_DAY: '2',
    },
  })
  http = client(server.url)
  alice = await registerUser(http)
  scenarioId = await createScenario(http, alice)
})

afterAll(async () => {
  if (server) expectNoSecretsLogged(server)
  await server?.dispose()
})

const schedule = (overrides: Record<string, unknown>) =>
  http('/api/v1/report-schedules', {
    method: 'POST',
    headers: alice.auth,
    body: {
      name: 'Costs',
      scenario_ids: [scenarioId],
      formats: ['csv'],
      frequency: 'daily',
      timezone: 'UTC',
      recipients: [alice.email],
      ...overrides,
    },
  })

const runNow = (id: string) =>
  http(`/api/v1/report-schedules/${id}/run`, { method: 'POST', headers: alice.auth })

function expectFieldError(res: Awaited<ReturnType<Client>>, field: string, reason: RegExp) {
  expect(res.status).toBe(422)
  expect(expectErrorShape(res).error).toBe('validation_error')
  expect(res.json().details).toEqual([{ field, reason: expect.stringMatching(reason) }])
}

describe('report schedules cannot be used to send mail at will', () => {
  it('refuses a six-field cron (a run every scheduler tick)', async () => {
    expectFieldError(await schedule({ frequency: 'cron', cron: '*/15 * * * * *' }), 'cron', /five fields/)
  })

  it('refuses a cron that runs more often than the minimum interval', async () => {
    expectFieldError(
      await schedule({ frequency: 'cron', cron: '*/5 * * * *' }),
      'cron',
      /^must not run more often than every 60 minutes \(it runs 5 minutes apart\)$/,
    )
    // Hourly except one extra run: the shortest gap counts.
    expectFieldError(await schedule({ frequency: 'cron', cron: '0,10 9 * * *' }), 'cron', /10 minutes apart/)
  })

  it('sends only to the account’s own address and the domains the operator allows', async () => {
    expectFieldError(
      await schedule({ recipients: [alice.email, 'victim@outside.test'] }),
      'recipients.1',
      /^must be your own address or one at partner\.test$/,
    )
    expectFieldError(await schedule({ recipients: ['x@sub.partner.test'] }), 'recipients.0', /own address/)
  })

  it('caps schedules per account, cools "run now" down, and caps runs per day', async () => {
    const ids: string[] = []
    for (const cron of ['0 * * * *', '30 8 * * 1']) {
      const res = await schedule({ frequency: 'cron', cron, recipients: [alice.email, 'ops@partner.test'] })
      expect(res.status).toBe(201)
      ids.push(res.json().id)
    }
    const third = await schedule({})
    expect(third.status).toBe(201)
    ids.push(third.json().id)
    const fourth = await schedule({})
    expect(fourth.status).toBe(409)
    expect(expectErrorShape(fourth).message).toBe('An account can have at most 3 report schedules.')

    const [first = '', second = '', last = ''] = ids
    expect((await runNow(first)).status).toBe(202)
    const again = await runNow(first)
    expect(again.status).toBe(429)
    expect(expectErrorShape(again).error).toBe('rate_limited')
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(290)
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(300)

    expect((await runNow(second)).status).toBe(202)
    const overDay = await runNow(last)
    expect(overDay.status).toBe(429)
    expect(expectErrorShape(overDay).message).toMatch(/ran 2 times in the last 24 hours/)
    expect(Number(overDay.headers['retry-after'])).toBeGreaterThan(86_000)
  })
})
