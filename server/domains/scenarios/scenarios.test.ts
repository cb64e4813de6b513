import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

describe(`scenarios on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const owner = await createUser(app)

  const call = (
    user: TestUser | { headers: Record<string, string> },
    method: string,
    url: string,
    payload?: unknown,
  ) =>
    app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  async function createScenario(user: TestUser, body: Record<string, unknown> = {}) {
    const res = await call(user, 'POST', '/scenarios', { name: 'Checkout', region: 'us-east-1', ...body })
    expect(res.statusCode).toBe(201)
    return res.json() as { id: string; name: string; status: string; [key: string]: unknown }
  }

  const countScenarios = async (userId: string) =>
    Number(
      (
        await queryRows<{ n: string }>(
          app.database.db,
          sql`select count(*) as n from scenarios where user_id = ${userId}`,
        )
      )[0]?.n,
    )

  describe('create and read', () => {
    it('creates a draft with trimmed name, deduplicated tags and the free tier on by default', async () => {
      const res = await call(owner, 'POST', '/scenarios', {
        name: '  Checkout flow  ',
        description: 'Peak season',
        region: 'eu-west-1',
        tags: [' prod', 'prod', 'checkout '],
      })
      expect(res.statusCode).toBe(201)
      const body = res.json()
      expect(body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Checkout flow',
        description: 'Peak season',
        region: 'eu-west-1',
        tags: ['prod', 'checkout'],
        status: 'draft',
        include_free_tier: true,
        free_tier_disabled_offers: [],
        legacy_free_tier: false,
        apply_rate_card: true,
        events_total: 0,
        first_event_at: null,
        last_event_at: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      })
      const got = await call(owner, 'GET', `/scenarios/${body.id}`)
      expect(got.statusCode).toBe(200)
      expect(got.json()).toEqual(body)
    })

    it('ignores fields a client must not set', async () => {
      const other = await createUser(app)
      const res = await call(owner, 'POST', '/scenarios', {
        name: 'Mass assignment',
        region: 'us-east-1',
        user_id: other.id,
        status: 'running',
        events_total: 99,
        first_event_at: '2026-01-01T00:00:00Z',
        id: randomUUID(),
      })
      expect(res.statusCode).toBe(201)
      expect(res.json()).toMatchObject({ status: 'draft', events_total: 0, first_event_at: null })
      const [row] = await queryRows<{ user_id: string; status: string; events_total: string }>(
        app.database.db,
        sql`select user_id, status, events_total from scenarios where id = ${res.json().id}`,
      )
      expect(row).toMatchObject({ user_id: owner.id, status: 'draft' })
      expect(Number(row?.events_total)).toBe(0)
      expect(await countScenarios(other.id)).toBe(0)
    })

    it.each([
      [{ name: '   ', region: 'us-east-1' }, 'name'],
      [{ name: '', region: 'us-east-1' }, 'name'],
      [{ name: 'x'.repeat(256), region: 'us-east-1' }, 'name'],
      [{ name: 'Bad region', region: 'mars-1' }, 'region'],
      [{ name: 'No region' }, 'region'],
      [{ name: 'Long description', region: 'us-east-1', description: 'd'.repeat(2001) }, 'description'],
      [
        { name: 'Too many tags', region: 'us-east-1', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
        'tags',
      ],
      [{ name: 'Long tag', region: 'us-east-1', tags: ['t'.repeat(51)] }, 'tags.0'],
      [{ name: 'Blank tag', region: 'us-east-1', tags: ['ok', '  '] }, 'tags.1'],
    ])('answers 422 for %j on %s and stores nothing', async (payload, field) => {
      const user = await createUser(app)
      const res = await call(user, 'POST', '/scenarios', payload)
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toBe('validation_error')
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
      expect(await countScenarios(user.id)).toBe(0)
    })

    it('answers 422 for a malformed id and 404 for an unknown one', async () => {
      const malformed = await call(owner, 'GET', '/scenarios/not-a-uuid')
      expect(malformed.statusCode).toBe(422)
      expect(malformed.json().error).toBe('validation_error')
      const unknown = await call(owner, 'GET', `/scenarios/${randomUUID()}`)
      expect(unknown.statusCode).toBe(404)
      expect(unknown.json()).toEqual({ error: 'not_found', message: 'Scenario not found.' })
    })
  })

  describe('update and delete', () => {
    it('updates fields, clears the description and keeps what was not sent', async () => {
      const created = await createScenario(owner, { description: 'old', tags: ['a'] })
      const res = await call(owner, 'PATCH', `/scenarios/${created.id}`, {
        name: ' Renamed ',
        description: null,
        include_free_tier: false,
        region: 'us-west-2',
      })
      expect(res.statusCode).toBe(200)
      expect(res.json()).toMatchObject({
        name: 'Renamed',
        description: null,
        include_free_tier: false,
        region: 'us-west-2',
        tags: ['a'],
        status: 'draft',
      })
      expect(Date.parse(res.json().updated_at)).toBeGreaterThanOrEqual(
        Date.parse(created.created_at as string),
      )
    })

    it('refuses an unknown region on update', async () => {
      const created = await createScenario(owner)
      const res = await call(owner, 'PATCH', `/scenarios/${created.id}`, { region: 'moon-1' })
      expect(res.statusCode).toBe(422)
      expect(res.json().details).toEqual([{ field: 'region', reason: expect.stringContaining('moon-1') }])
      expect((await call(owner, 'GET', `/scenarios/${created.id}`)).json().region).toBe('us-east-1')
    })

    it('deletes a scenario with its items', async () => {
      const created = await createScenario(owner)
      await call(owner, 'POST', `/scenarios/${created.id}/items`, {
        service: 'data_transfer',
        params: { gb_out: 1 },
      })
      const res = await call(owner, 'DELETE', `/scenarios/${created.id}`)
      expect(res.statusCode).toBe(204)
      expect((await call(owner, 'GET', `/scenarios/${created.id}`)).statusCode).toBe(404)
      const items = await queryRows(
        app.database.db,
        sql`select 1 from scenario_line_items where scenario_id = ${created.id}`,
      )
      expect(items).toHaveLength(0)
      expect((await call(owner, 'DELETE', `/scenarios/${created.id}`)).statusCode).toBe(404)
    })
  })

  describe('status', () => {
    const move = (id: string, status: string) => call(owner, 'PATCH', `/scenarios/${id}`, { status })

    it('walks draft → running → completed → running → completed → archived → completed', async () => {
      const { id } = await createScenario(owner)
      for (const status of ['running', 'completed', 'running', 'completed', 'archived', 'completed']) {
        const res = await move(id, status)
        expect(res.statusCode, `to ${status}`).toBe(200)
        expect(res.json().status).toBe(status)
      }
    })

    it('lets a draft be archived and repeats of the current status are no-ops', async () => {
      const { id } = await createScenario(owner)
      expect((await move(id, 'draft')).statusCode).toBe(200)
      expect((await move(id, 'archived')).json().status).toBe('archived')
    })

    it.each([
      [[], 'completed'],
      [['running'], 'draft'],
      [['running'], 'archived'],
      [['running', 'completed'], 'draft'],
      [['archived'], 'running'],
      [['archived'], 'draft'],
    ])('after %j refuses %s with 409 conflict', async (path, target) => {
      const { id } = await createScenario(owner)
      for (const status of path) expect((await move(id, status)).statusCode).toBe(200)
      const res = await move(id, target)
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toBe('conflict')
      expect((await call(owner, 'GET', `/scenarios/${id}`)).json().status).toBe(path.at(-1) ?? 'draft')
    })

    it('keeps an archived scenario read-only except for its status', async () => {
      const { id } = await createScenario(owner)
      await move(id, 'archived')
      const rename = await call(owner, 'PATCH', `/scenarios/${id}`, { name: 'New name' })
      expect(rename.statusCode).toBe(409)
      const item = await call(owner, 'POST', `/scenarios/${id}/items`, {
        service: 'data_transfer',
        params: { gb_out: 1 },
      })
      expect(item.statusCode).toBe(409)
      expect((await call(owner, 'GET', `/scenarios/${id}`)).json().name).toBe('Checkout')
    })
  })

  describe('clone', () => {
    it('copies the fields and line items into a new draft without ingested data', async () => {
      const source = await createScenario(owner, {
        name: 'Original',
        description: 'desc',
        region: 'us-west-2',
        tags: ['x', 'y'],
        include_free_tier: false,
      })
      for (const gb of [1, 2, 3]) {
        await call(owner, 'POST', `/scenarios/${source.id}/items`, {
          service: 'data_transfer',
          params: { gb_out: gb },
          label: `dt ${gb}`,
        })
      }
      await call(owner, 'PATCH', `/scenarios/${source.id}`, { status: 'running' })
      // Ingest would write these; the clone must not copy them.
      await app.database.db.execute(
        sql`update scenarios set events_total = 5, first_event_at = now(), last_event_at = now() where id = ${source.id}`,
      )
      await app.database.db.execute(
        sql`insert into usage_totals (scenario_id, usage_type, quantity) values (${source.id}, 'lambda.requests', 5)`,
      )

      const res = await call(owner, 'POST', `/scenarios/${source.id}/clone`)
      expect(res.statusCode).toBe(201)
      const copy = res.json()
      expect(copy).toMatchObject({
        name: 'Original (copy)',
        description: 'desc',
        region: 'us-west-2',
        tags: ['x', 'y'],
        include_free_tier: false,
        status: 'draft',
        events_total: 0,
        first_event_at: null,
      })
      expect(copy.id).not.toBe(source.id)
      const items = (await call(owner, 'GET', `/scenarios/${copy.id}/items`)).json()
      expect(items.items.map((i: { label: string; params: unknown }) => [i.label, i.params])).toEqual([
        ['dt 1', { gb_out: 1 }],
        ['dt 2', { gb_out: 2 }],
        ['dt 3', { gb_out: 3 }],
      ])
      const totals = await queryRows(
        app.database.db,
        sql`select 1 from usage_totals where scenario_id = ${copy.id}`,
      )
      expect(totals).toHaveLength(0)
      // The original keeps its items.
      expect((await call(owner, 'GET', `/scenarios/${source.id}/items`)).json().total).toBe(3)
    })

    it('keeps a cloned long name within 255 characters', async () => {
      const source = await createScenario(owner, { name: 'n'.repeat(255) })
      const copy = (await call(owner, 'POST', `/scenarios/${source.id}/clone`)).json()
      expect(copy.name).toHaveLength(255)
      expect(copy.name.endsWith(' (copy)')).toBe(true)
    })
  })

  describe('list', () => {
    it('pages newest first with the total', async () => {
      const user = await createUser(app)
      const ids: string[] = []
      for (let i = 0; i < 5; i++) ids.push((await createScenario(user, { name: `S${i}` })).id)
      const first = await call(user, 'GET', '/scenarios?page=1&page_size=2')
      expect(first.statusCode).toBe(200)
      expect(first.json()).toMatchObject({ total: 5, page: 1, page_size: 2 })
      expect(first.json().items.map((s: { name: string }) => s.name)).toEqual(['S4', 'S3'])
      const second = await call(user, 'GET', '/scenarios?page=2&page_size=2')
      expect(second.json().items.map((s: { name: string }) => s.name)).toEqual(['S2', 'S1'])
      const beyond = await call(user, 'GET', '/scenarios?page=9&page_size=2')
      expect(beyond.json()).toMatchObject({ items: [], total: 5, page: 9 })
      const defaults = await call(user, 'GET', '/scenarios')
      expect(defaults.json()).toMatchObject({ total: 5, page: 1, page_size: 20 })
    })

    it.each(['page_size=101', 'page_size=0', 'page=0', 'page=abc', 'status=deleted'])(
      'answers 422 for ?%s',
      async (query) => {
        const res = await call(owner, 'GET', `/scenarios?${query}`)
        expect(res.statusCode).toBe(422)
        expect(res.json().error).toBe('validation_error')
      },
    )

    it('filters by status, region and a case-insensitive name search', async () => {
      const user = await createUser(app)
      const a = await createScenario(user, { name: 'Payments API', region: 'us-east-1' })
      await createScenario(user, { name: 'payments worker', region: 'eu-west-1' })
      await createScenario(user, { name: 'Search', region: 'us-east-1' })
      await call(user, 'PATCH', `/scenarios/${a.id}`, { status: 'running' })
      const names = async (query: string) =>
        (await call(user, 'GET', `/scenarios?${query}`)).json().items.map((s: { name: string }) => s.name)
      expect(await names('q=PAYMENTS')).toEqual(['payments worker', 'Payments API'])
      expect(await names('q=payments&region=us-east-1')).toEqual(['Payments API'])
      expect(await names('status=running')).toEqual(['Payments API'])
      expect(await names('status=draft&q=pay')).toEqual(['payments worker'])
      expect(await names('region=ap-southeast-1')).toEqual([])
    })

    it('filters by tag, exactly and with the other filters', async () => {
      const user = await createUser(app)
      await createScenario(user, { name: 'Prod API', tags: ['prod', 'api'] })
      await createScenario(user, { name: 'Staging API', tags: ['staging', 'api'] })
      await createScenario(user, { name: 'Untagged' })
      const names = async (query: string) =>
        (await call(user, 'GET', `/scenarios?${query}`)).json().items.map((s: { name: string }) => s.name)
      expect(await names('tag=api')).toEqual(['Staging API', 'Prod API'])
      expect(await names('tag=prod')).toEqual(['Prod API'])
      expect(await names('tag=pro')).toEqual([])
      expect(await names('tag=api&q=prod')).toEqual(['Prod API'])
      expect((await call(user, 'GET', '/scenarios?tag=')).statusCode).toBe(422)
    })

    it('matches % and _ literally in q', async () => {
      const user = await createUser(app)
      for (const name of ['100% uptime', '1000 users', 'snake_case', 'snakeXcase', 'back\\slash']) {
        await createScenario(user, { name })
      }
      const names = async (q: string) =>
        (await call(user, 'GET', `/scenarios?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((s: { name: string }) => s.name)
      expect(await names('0%')).toEqual(['100% uptime'])
      expect(await names('%')).toEqual(['100% uptime'])
      expect(await names('e_c')).toEqual(['snake_case'])
      expect(await names('_')).toEqual(['snake_case'])
      expect(await names('\\')).toEqual(['back\\slash'])
      expect(await names("' or 1=1 --")).toEqual([])
    })
  })

  describe('isolation and scopes', () => {
    it("answers 404 on every route for another user's scenario and changes nothing", async () => {
      const { id } = await createScenario(owner, { name: 'Private' })
      const item = (
        await call(owner, 'POST', `/scenarios/${id}/items`, {
          service: 'data_transfer',
          params: { gb_out: 1 },
        })
      ).json()
      const intruder = await createUser(app)
      const attempts: [string, string, unknown?][] = [
        ['GET', `/scenarios/${id}`],
        ['PATCH', `/scenarios/${id}`, { name: 'Hacked' }],
        ['PATCH', `/scenarios/${id}`, { status: 'running' }],
        ['POST', `/scenarios/${id}/clone`],
        ['GET', `/scenarios/${id}/costs`],
        ['GET', `/scenarios/${id}/items`],
        ['POST', `/scenarios/${id}/items`, { service: 'data_transfer', params: { gb_out: 2 } }],
        ['PATCH', `/scenarios/${id}/items/${item.id}`, { label: 'x' }],
        ['DELETE', `/scenarios/${id}/items/${item.id}`],
        ['DELETE', `/scenarios/${id}`],
      ]
      for (const [method, url, body] of attempts) {
        const res = await call(intruder, method, url, body)
        expect(res.statusCode, `${method} ${url}`).toBe(404)
        expect(res.json().error).toBe('not_found')
      }
      const list = await call(intruder, 'GET', '/scenarios')
      expect(list.json().total).toBe(0)
      const own = (await call(owner, 'GET', `/scenarios/${id}`)).json()
      expect(own).toMatchObject({ name: 'Private', status: 'draft' })
      expect((await call(owner, 'GET', `/scenarios/${id}/items`)).json().total).toBe(1)
      expect(await countScenarios(intruder.id)).toBe(0)
    })

    it('requires read:scenarios to read and write:scenarios to write', async () => {
      const { id } = await createScenario(owner)
      const reader = await createApiKey(app, owner, { scopes: ['read:scenarios'] })
      const writer = await createApiKey(app, owner, { scopes: ['write:scenarios'] })
      const ingest = await createApiKey(app, owner, { scopes: ['write:ingest'] })

      expect((await call(reader, 'GET', `/scenarios/${id}`)).statusCode).toBe(200)
      expect((await call(reader, 'GET', `/scenarios/${id}/costs`)).statusCode).toBe(200)
      const denied = await call(reader, 'PATCH', `/scenarios/${id}`, { name: 'x' })
      expect(denied.statusCode).toBe(403)
      expect(denied.json().error).toBe('insufficient_scope')
      expect((await call(reader, 'POST', '/scenarios', { name: 'k', region: 'us-east-1' })).statusCode).toBe(
        403,
      )

      expect(
        (await call(writer, 'POST', '/scenarios', { name: 'by key', region: 'us-east-1' })).statusCode,
      ).toBe(201)
      expect((await call(writer, 'GET', '/scenarios')).statusCode).toBe(403)
      expect((await call(ingest, 'GET', `/scenarios/${id}/items`)).statusCode).toBe(403)
      expect((await app.inject({ method: 'GET', url: '/api/v1/scenarios' })).statusCode).toBe(401)
    })

    it('declares a scenarios scope on every scenario route', () => {
      const scopes = new Map(app.protectedRoutes.map((r) => [`${r.method} ${r.url}`, r.scope]))
      const read = [
        'GET /scenarios',
        'POST /scenarios/compare',
        'GET /scenarios/:id',
        'GET /scenarios/:id/costs',
      ]
      const write = [
        'POST /scenarios',
        'PATCH /scenarios/:id',
        'DELETE /scenarios/:id',
        'POST /scenarios/:id/clone',
        'POST /scenarios/:id/items',
        'PATCH /scenarios/:id/items/:item_id',
        'DELETE /scenarios/:id/items/:item_id',
      ]
      for (const route of [...read, 'GET /scenarios/:id/items']) {
        expect(scopes.get(route.replace(' ', ' /api/v1')), route).toBe('read:scenarios')
      }
      for (const route of write)
        expect(scopes.get(route.replace(' ', ' /api/v1')), route).toBe('write:scenarios')
    })
  })
})
