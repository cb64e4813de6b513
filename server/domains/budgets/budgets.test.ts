import { randomUUID } from 'node:crypto'
import { count, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { budgetAlertRules, scenarioBudgets } from '../../db/schema/index.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`budgets and alert rules API on ${testEngine}`, async () => {
  const app = await buildTestApp({ jobs: 'enqueue' })
  const owner = await createUser(app)

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    who: TestUser | { headers: object },
    payload?: object,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who.headers as Record<string, string>,
      ...(payload ? { payload } : {}),
    })

  /** A scenario whose month costs 59.568 USD (one m7g.large for 730 h). */
  async function pricedScenario() {
    const scenario = await createScenario(app, owner, { region: 'us-east-1' })
    const item = await call('POST', `/scenarios/${scenario.id}/items`, owner, {
      service: 'ec2',
      params: { instance_type: 'm7g.large', count: 1 },
    })
    expect(item.statusCode).toBe(201)
    return scenario.id
  }

  const ruleCount = async (scenarioId: string) => {
    const [row] = await app.database.db
      .select({ n: count() })
      .from(budgetAlertRules)
      .where(eq(budgetAlertRules.scenarioId, scenarioId))
    return row?.n
  }

  it('answers a null budget until one is set, then the budget beside the projection', async () => {
    const id = await pricedScenario()
    const before = await call('GET', `/scenarios/${id}/budget`, owner)
    expect(before.statusCode).toBe(200)
    expect(before.json()).toEqual({
      scenario_id: id,
      monthly_budget: null,
      currency: 'USD',
      projected_monthly: '59.568',
      used_pct: null,
      updated_at: null,
    })
    const put = await call('PUT', `/scenarios/${id}/budget`, owner, { monthly_budget: '100.50' })
    expect(put.statusCode).toBe(200)
    expect(put.json()).toMatchObject({
      monthly_budget: '100.5',
      projected_monthly: '59.568',
      used_pct: 59.27,
    })
    const replaced = await call('PUT', `/scenarios/${id}/budget`, owner, { monthly_budget: '40' })
    expect(replaced.json()).toMatchObject({ monthly_budget: '40', used_pct: 148.92 })
    expect((await call('GET', `/scenarios/${id}/budget`, owner)).json().monthly_budget).toBe('40')

    expect((await call('DELETE', `/scenarios/${id}/budget`, owner)).statusCode).toBe(204)
    expect((await call('GET', `/scenarios/${id}/budget`, owner)).json().monthly_budget).toBeNull()
  })

  it.each([
    [{ monthly_budget: '-1' }],
    [{ monthly_budget: '0' }],
    [{ monthly_budget: '1.1234567' }],
    [{ monthly_budget: '1e5' }],
    [{}],
  ])('refuses the budget %j with 422 and stores nothing', async (payload) => {
    const id = await pricedScenario()
    const res = await call('PUT', `/scenarios/${id}/budget`, owner, payload)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(res.json().details[0].field).toBe('monthly_budget')
    const rows = await app.database.db
      .select()
      .from(scenarioBudgets)
      .where(eq(scenarioBudgets.scenarioId, id))
    expect(rows).toEqual([])
  })

  it('creates, lists, reads, updates and deletes rules; the webhook secret is shown once', async () => {
    const id = await pricedScenario()
    const created = await call('POST', `/scenarios/${id}/alert-rules`, owner, {
      kind: 'projected_above',
      threshold: '1000',
      emails: ['Finance@Example.com', 'finance@example.com'],
      webhook_url: 'https://hooks.example.com/budget',
    })
    expect(created.statusCode).toBe(201)
    const rule = created.json()
    expect(rule).toMatchObject({
      scenario_id: id,
      kind: 'projected_above',
      threshold: '1000',
      jump_pct: null,
      emails: ['finance@example.com'],
      webhook_url: 'https://hooks.example.com/budget',
      enabled: true,
      state: 'ok',
    })
    expect(rule.webhook_secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)

    const listed = await call('GET', `/scenarios/${id}/alert-rules`, owner)
    expect(listed.json()).toMatchObject({ total: 1, page: 1, page_size: 20 })
    expect(listed.json().items[0].id).toBe(rule.id)
    const one = await call('GET', `/alert-rules/${rule.id}`, owner)
    expect(one.statusCode).toBe(200)
    for (const body of [listed.body, one.body]) expect(body).not.toContain(rule.webhook_secret)

    const patched = await call('PATCH', `/alert-rules/${rule.id}`, owner, { threshold: '2000', emails: [] })
    expect(patched.statusCode).toBe(200)
    expect(patched.json()).toMatchObject({
      threshold: '2000',
      emails: [],
      webhook_url: 'https://hooks.example.com/budget',
    })
    expect(patched.json().webhook_secret).toBeUndefined()

    const jump = await call('PATCH', `/alert-rules/${rule.id}`, owner, {
      kind: 'daily_jump_pct',
      jump_pct: 25,
    })
    expect(jump.json()).toMatchObject({ kind: 'daily_jump_pct', threshold: null, jump_pct: 25 })

    expect((await call('DELETE', `/alert-rules/${rule.id}`, owner)).statusCode).toBe(204)
    expect((await call('GET', `/alert-rules/${rule.id}`, owner)).statusCode).toBe(404)
    expect((await call('DELETE', `/alert-rules/${rule.id}`, owner)).statusCode).toBe(404)
  })

  it('generates a secret when a webhook is first added by an update', async () => {
    const id = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above' })
    ).json()
    expect(rule.webhook_secret).toBeUndefined()
    const patched = await call('PATCH', `/alert-rules/${rule.id}`, owner, {
      webhook_url: 'http://127.0.0.1:9/hook',
    })
    expect(patched.json().webhook_secret).toMatch(/^whsec_/)
    const again = await call('PATCH', `/alert-rules/${rule.id}`, owner, {
      webhook_url: 'http://127.0.0.1:10/hook',
    })
    expect(again.json().webhook_secret).toBeUndefined()
  })

  it.each([
    ['kind', { kind: 'budget_gone' }],
    ['jump_pct', { kind: 'daily_jump_pct' }],
    ['jump_pct', { kind: 'daily_jump_pct', jump_pct: 0 }],
    ['threshold', { kind: 'daily_jump_pct', jump_pct: 10, threshold: '5' }],
    ['jump_pct', { kind: 'projected_above', jump_pct: 10 }],
    ['threshold', { kind: 'projected_above', threshold: '0' }],
    ['threshold', { kind: 'projected_above', threshold: 'ten' }],
    ['emails.0', { kind: 'projected_above', emails: ['not-an-email'] }],
    [
      'emails',
      { kind: 'projected_above', emails: Array.from({ length: 21 }, (_, i) => `a${i}@example.com`) },
    ],
    ['webhook_url', { kind: 'projected_above', webhook_url: 'http://hooks.example.com/x' }],
    ['webhook_url', { kind: 'projected_above', webhook_url: 'https://169.254.169.254/x' }],
    ['webhook_url', { kind: 'projected_above', webhook_url: `https://example.com/${'x'.repeat(2040)}` }],
  ])('refuses a rule with a bad %s with 422 and stores nothing', async (field, payload) => {
    const id = await pricedScenario()
    const res = await call('POST', `/scenarios/${id}/alert-rules`, owner, payload)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
    expect(await ruleCount(id)).toBe(0)
  })

  it('refuses a bad update with 422 and keeps the rule as it was', async () => {
    const id = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above', threshold: '10' })
    ).json()
    for (const patch of [{}, { kind: 'daily_jump_pct' }, { webhook_url: 'ftp://x' }, { threshold: '-3' }]) {
      const res = await call('PATCH', `/alert-rules/${rule.id}`, owner, patch)
      expect(res.statusCode, JSON.stringify(patch)).toBe(422)
    }
    const after = (await call('GET', `/alert-rules/${rule.id}`, owner)).json()
    expect(after).toMatchObject({ kind: 'projected_above', threshold: '10', webhook_url: null })
  })

  it('refuses a 21st rule on a scenario with 409', async () => {
    const id = await pricedScenario()
    for (let i = 0; i < 20; i += 1) {
      const res = await call('POST', `/scenarios/${id}/alert-rules`, owner, {
        kind: 'projected_above',
        threshold: '1000',
      })
      expect(res.statusCode).toBe(201)
    }
    const refused = await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above' })
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toBe('conflict')
  })

  it("answers 404 for another user's scenario, rules and alerts, and changes nothing", async () => {
    const id = await pricedScenario()
    await call('PUT', `/scenarios/${id}/budget`, owner, { monthly_budget: '10' })
    const rule = (
      await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above' })
    ).json()
    const intruder = await createUser(app)
    const key = await createApiKey(app, intruder, { scopes: ['read:scenarios', 'write:scenarios'] })
    for (const who of [intruder, key]) {
      for (const [method, url, payload] of [
        ['GET', `/scenarios/${id}/budget`],
        ['PUT', `/scenarios/${id}/budget`, { monthly_budget: '1' }],
        ['DELETE', `/scenarios/${id}/budget`],
        ['POST', `/scenarios/${id}/alert-rules`, { kind: 'projected_above' }],
        ['GET', `/scenarios/${id}/alert-rules`],
        ['GET', `/alert-rules/${rule.id}`],
        ['PATCH', `/alert-rules/${rule.id}`, { enabled: false }],
        ['DELETE', `/alert-rules/${rule.id}`],
        ['GET', `/scenarios/${id}/alerts`],
      ] as const) {
        const res = await call(method, url, who, payload)
        expect(res.statusCode, `${method} ${url}`).toBe(404)
        expect(res.json().error).toBe('not_found')
      }
    }
    expect((await call('GET', `/scenarios/${id}/budget`, owner)).json().monthly_budget).toBe('10')
    expect((await call('GET', `/alert-rules/${rule.id}`, owner)).json()).toMatchObject({
      enabled: true,
      state: 'triggered',
    })
    expect(await ruleCount(id)).toBe(1)
    expect((await call('GET', `/alert-rules/${randomUUID()}`, owner)).statusCode).toBe(404)
    expect((await call('GET', '/alert-rules/not-a-uuid', owner)).statusCode).toBe(422)
  })

  it('needs read:scenarios to read and write:scenarios to change', async () => {
    const id = await pricedScenario()
    const rule = (
      await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above' })
    ).json()
    const reader = await createApiKey(app, owner, { scopes: ['read:scenarios'] })
    const ingester = await createApiKey(app, owner, { scopes: ['write:ingest'] })
    for (const [method, url] of [
      ['GET', `/scenarios/${id}/budget`],
      ['GET', `/scenarios/${id}/alert-rules`],
      ['GET', `/alert-rules/${rule.id}`],
      ['GET', `/scenarios/${id}/alerts`],
    ] as const) {
      expect((await call(method, url, reader)).statusCode, url).toBe(200)
      expect((await call(method, url, ingester)).statusCode, url).toBe(403)
    }
    for (const [method, url, payload] of [
      ['PUT', `/scenarios/${id}/budget`, { monthly_budget: '5' }],
      ['DELETE', `/scenarios/${id}/budget`],
      ['POST', `/scenarios/${id}/alert-rules`, { kind: 'projected_above' }],
      ['PATCH', `/alert-rules/${rule.id}`, { enabled: false }],
      ['DELETE', `/alert-rules/${rule.id}`],
    ] as const) {
      const res = await call(method, url, reader, payload)
      expect(res.statusCode, url).toBe(403)
      expect(res.json().error).toBe('insufficient_scope')
    }
  })

  it('removes budget, rules and alerts with the scenario', async () => {
    const id = await pricedScenario()
    await call('PUT', `/scenarios/${id}/budget`, owner, { monthly_budget: '10' })
    await call('POST', `/scenarios/${id}/alert-rules`, owner, { kind: 'projected_above' })
    expect((await call('DELETE', `/scenarios/${id}`, owner)).statusCode).toBe(204)
    expect(await ruleCount(id)).toBe(0)
    expect((await call('GET', `/scenarios/${id}/alerts`, owner)).statusCode).toBe(404)
  })
})
