import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { ExactDecimal } from '../pricing/cost-engine.js'

describe(`portfolio on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const owner = await createUser(app)
  const stranger = await createUser(app)
  const call = (user: TestUser, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) })

  async function scenario(user: TestUser, name: string, template: string, tags: string[]) {
    const res = await call(user, 'POST', '/scenarios', { name, region: 'us-east-1', template, tags })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    const total = (await call(user, 'GET', `/scenarios/${id}/costs`)).json().total_monthly.total as string
    return { id, total }
  }

  const api = await scenario(owner, 'API', 'serverless-api', ['prod'])
  const chat = await scenario(owner, 'Chat', 'llm-chat-backend', ['prod', 'ai'])
  const site = await scenario(owner, 'Site', 'static-site', [])
  const old = await scenario(owner, 'Old API', 'serverless-api', ['prod'])
  expect((await call(owner, 'PATCH', `/scenarios/${old.id}`, { status: 'archived' })).statusCode).toBe(200)
  await scenario(stranger, 'Not yours', 'static-site', ['prod'])

  const sum = (...totals: string[]) => totals.reduce((acc, t) => acc.plus(t), new ExactDecimal(0)).toFixed()

  it('lists each live scenario with its monthly total and sums per tag in exact decimals, never across all', async () => {
    const res = await call(owner, 'GET', '/portfolio')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(
      body.scenarios.map((s: { name: string; monthly_total: string }) => [s.name, s.monthly_total]),
    ).toEqual([
      ['Site', site.total],
      ['Chat', chat.total],
      ['API', api.total],
    ])
    expect(body.total_scenarios).toBe(3)
    expect(body.groups).toEqual([
      { tag: 'ai', scenario_count: 1, monthly_total: sum(chat.total) },
      { tag: 'prod', scenario_count: 2, monthly_total: sum(api.total, chat.total) },
      { tag: null, scenario_count: 1, monthly_total: sum(site.total) },
    ])
    expect(body).not.toHaveProperty('total')
  })

  it('filters by tag and includes archived scenarios only when asked', async () => {
    const prod = (await call(owner, 'GET', '/portfolio?tag=prod&include_archived=true')).json()
    expect(prod.scenarios.map((s: { name: string }) => s.name)).toEqual(['Old API', 'Chat', 'API'])
    expect(prod.groups.find((g: { tag: string }) => g.tag === 'prod')).toEqual({
      tag: 'prod',
      scenario_count: 3,
      monthly_total: sum(old.total, api.total, chat.total),
    })
    const bad = await call(owner, 'GET', '/portfolio?tag=')
    expect(bad.statusCode).toBe(422)
    expect(bad.json().error).toBe('validation_error')
  })
})
