import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import { hourlyMonths, percentile, usageFactor } from './what-if.js'

type ServiceCost = { service: string; cost: string }
const costsByService = (rows: ServiceCost[]) => Object.fromEntries(rows.map((r) => [r.service, r.cost]))
const GiB = 1_073_741_824

describe(`what-if and cost ranges on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) })

  async function scenarioWith(items: { service: string; params: object }[] = []): Promise<string> {
    const res = await call('POST', '/scenarios', { name: 'What if', region: 'us-east-1' })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    for (const item of items)
      expect((await call('POST', `/scenarios/${id}/items`, item)).statusCode).toBe(201)
    return id
  }

  /** Writes what ingest would have written: the event window and the running totals (base units). */
  async function observe(id: string, first: string, last: string, totals: [string, number][]) {
    await app.database.db.execute(sql`
      update scenarios set status = 'running', events_total = 1, first_event_at = ${first}, last_event_at = ${last}
      where id = ${id}`)
    for (const [usageType, quantity] of totals) {
      await app.database.db.execute(sql`
        insert into usage_totals (scenario_id, usage_type, quantity) values (${id}, ${usageType}, ${quantity})`)
    }
  }

  async function rollup(id: string, minute: string, usageType: string, quantity: number) {
    await app.database.db.execute(sql`
      insert into usage_rollups (scenario_id, minute, usage_type, quantity)
      values (${id}, ${minute}, ${usageType}, ${quantity})`)
  }

  it('re-applies SQS tiers to scaled, growing traffic, storage scaled, line items not', async () => {
    const id = await scenarioWith([
      { service: 'ec2', params: { instance_type: 'm7g.large', count: 1, hours: 730 } },
    ])
    // One hour observed: 100M SQS requests (×720 = 72B a month) and 2 GB stored.
    await observe(id, '2026-01-01T00:00:30Z', '2026-01-01T00:59:10Z', [
      ['sqs.requests.standard', 100_000_000],
      ['s3.storage_gb_month', 2 * GiB],
    ])
    const res = await call('GET', `/scenarios/${id}/costs?scale=2&growth_pct_per_month=50&months=3`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    // Projected month: (72B − 1M free) × $0.40/M = 28,799.6, so twice the traffic without tiers would be
    // 57,599.2 of SQS; with tiers re-applied it is less.
    expect(costsByService(body.projected_monthly.by_service).sqs).toBe('28799.6')
    // Month 1, ×2: SQS 144B: 99,999M × $0.40/M = 39,999.6 + 44,000M × $0.30/M = 13,200 → 53,199.6;
    //   S3 4 GB × $0.023 = 0.092; EC2 730 h × $0.0816 = 59.568 (not scaled).
    // Month 2, ×3: SQS 216B: 39,999.6 + 30,000 + 16,000M × $0.24/M = 3,840 → 73,839.6; S3 6 GB → 0.138.
    // Month 3, ×4.5: SQS 324B: 39,999.6 + 30,000 + 124,000M × $0.24/M = 29,760 → 99,759.6; S3 9 GB → 0.207.
    expect(body.what_if).toEqual([
      {
        month: 1,
        usage_factor: '2',
        total: '53259.26',
        by_service: expect.arrayContaining([
          { service: 'sqs', cost: '53199.6' },
          { service: 's3', cost: '0.092' },
          { service: 'ec2', cost: '59.568' },
        ]),
      },
      { month: 2, usage_factor: '3', total: '73899.306', by_service: expect.any(Array) },
      { month: 3, usage_factor: '4.5', total: '99819.375', by_service: expect.any(Array) },
    ])
    expect(costsByService(body.what_if[1].by_service)).toEqual({ sqs: '73839.6', s3: '0.138', ec2: '59.568' })
    expect(costsByService(body.what_if[2].by_service)).toEqual({ sqs: '99759.6', s3: '0.207', ec2: '59.568' })
    // The rest of the answer does not change with the query.
    const plain = (await call('GET', `/scenarios/${id}/costs`)).json()
    expect(plain.what_if).toBeUndefined()
    expect(plain.total_monthly).toEqual(body.total_monthly)
  })

  it('defaults to 12 months of scale 1 when only one what-if field is given, shrinking with negative growth', async () => {
    const id = await scenarioWith()
    await observe(id, '2026-01-01T00:00:00Z', '2026-01-01T00:59:00Z', [['sqs.requests.standard', 100_000]])
    const twelve = (await call('GET', `/scenarios/${id}/costs?scale=1`)).json().what_if
    expect(twelve).toHaveLength(12)
    // 72M − 1M free = 71M × $0.40/M = 28.4, every month.
    expect(twelve.map((m: { total: string }) => m.total)).toEqual(Array(12).fill('28.4'))
    const shrinking = (await call('GET', `/scenarios/${id}/costs?growth_pct_per_month=-50&months=3`)).json()
    // 72M, 36M, 18M: 28.4, (35M) 14, (17M) 6.8
    expect(
      shrinking.what_if.map((m: { usage_factor: string; total: string }) => [m.usage_factor, m.total]),
    ).toEqual([
      ['1', '28.4'],
      ['0.5', '14'],
      ['0.25', '6.8'],
    ])
  })

  it.each([
    'scale=0',
    'scale=-1',
    'scale=1000.5',
    'scale=abc',
    'growth_pct_per_month=-51',
    'growth_pct_per_month=501',
    'months=0',
    'months=37',
    'months=1.5',
  ])('answers 422 for %s', async (query) => {
    const id = await scenarioWith()
    const res = await call('GET', `/scenarios/${id}/costs?${query}`)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
  })

  it('accepts the bounds: scale 1000, growth −50 and 500, 36 months', async () => {
    const id = await scenarioWith()
    const res = await call('GET', `/scenarios/${id}/costs?scale=1000&growth_pct_per_month=500&months=36`)
    expect(res.statusCode).toBe(200)
    expect(res.json().what_if).toHaveLength(36)
    expect(res.json().what_if[1].usage_factor).toBe('6000')
    expect((await call('GET', `/scenarios/${id}/costs?growth_pct_per_month=-50&months=1`)).statusCode).toBe(
      200,
    )
  })

  it('gives p50/p90 from the hourly variance of the rollups, quiet hours included', async () => {
    const id = await scenarioWith()
    // Four hours observed; hour 1 has no usage at all.
    await observe(id, '2026-01-01T00:00:00Z', '2026-01-01T03:59:00Z', [
      ['sqs.requests.standard', 14_000],
      ['s3.storage_gb_month', 2 * GiB],
    ])
    await rollup(id, '2026-01-01T00:10:00Z', 'sqs.requests.standard', 600)
    await rollup(id, '2026-01-01T00:20:00Z', 'sqs.requests.standard', 400)
    await rollup(id, '2026-01-01T00:20:00Z', 's3.storage_gb_month', 2 * GiB)
    await rollup(id, '2026-01-01T02:00:00Z', 'sqs.requests.standard', 3_000)
    await rollup(id, '2026-01-01T03:59:00Z', 'sqs.requests.standard', 10_000)
    expect((await call('GET', `/scenarios/${id}/costs`)).json().range).toBeUndefined()
    const body = (await call('GET', `/scenarios/${id}/costs?range=true`)).json()
    // Projected: 14,000 × 43,200 / 240 = 2.52M → 1.52M × $0.40/M = 0.608; S3 2 GB × $0.023 = 0.046.
    expect(body.total_monthly.total).toBe('0.654')
    // Each hour as a month (×720) plus the 2 GB stored: 0.72M → 0 (free); 0 → 0; 2.16M → 0.464;
    // 7.2M → 2.48. Sorted [0.046, 0.046, 0.51, 2.526]: p50 = 2nd, p90 = 4th (nearest rank).
    expect(body.range).toEqual({ p50: '0.046', p90: '2.526', basis: 'hourly_usage', hours: 4 })
  })

  it('answers the total as both percentiles before any event, and no range in compare', async () => {
    const id = await scenarioWith([
      { service: 'ec2', params: { instance_type: 'm7g.large', count: 1, hours: 730 } },
    ])
    const body = (await call('GET', `/scenarios/${id}/costs?range=true`)).json()
    expect(body.range).toEqual({ p50: '59.568', p90: '59.568', basis: 'no_observations', hours: 0 })
    const other = await scenarioWith()
    const compared = (await call('POST', '/scenarios/compare', { scenario_ids: [id, other] })).json()
    expect(compared.scenarios[0].range).toBeUndefined()
    expect(compared.scenarios[0].what_if).toBeUndefined()
  })
})

describe(`line items with ranges on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) })

  it('prices the typical value and answers modelled_range at every min and every max', async () => {
    const id = (await call('POST', '/scenarios', { name: 'Ranges', region: 'us-east-1' })).json().id
    const items = [
      { service: 'ec2', params: { instance_type: 'm7g.large', count: { min: 2, typical: 3, max: 6 } } },
      {
        service: 'ec2',
        params: { instance_type: 'm7g.large', count: 1, hours: { min: 200, typical: 365, max: 730 } },
      },
      { service: 'lambda', params: { invocations: 1000, avg_duration_ms: 10, memory_mb: 128 } },
    ]
    for (const item of items)
      expect((await call('POST', `/scenarios/${id}/items`, item)).statusCode).toBe(201)
    const body = (await call('GET', `/scenarios/${id}/costs`)).json()
    // typical: (3 × 730 + 365) h × $0.0816 = 2,555 × 0.0816 = 208.488
    // min: (2 × 730 + 200) h = 1,660 × 0.0816 = 135.456; max: (6 × 730 + 730) h = 5,110 × 0.0816 = 416.976
    expect(body.modelled_monthly.total).toBe('208.488')
    expect(body.modelled_range).toEqual({ min: '135.456', max: '416.976' })
    const stored = (await call('GET', `/scenarios/${id}/items`)).json().items
    expect(stored[0].params.count).toEqual({ min: 2, typical: 3, max: 6 })
    expect(stored[0].monthly_usage).toEqual([
      { usage_type: 'ec2.instance_hours.m7g.large', quantity: '2190', unit: 'instance-hours' },
    ])
  })

  it('answers 422 for a range out of order or out of bounds, and for a range where none is accepted', async () => {
    const id = (await call('POST', '/scenarios', { name: 'Bad ranges', region: 'us-east-1' })).json().id
    for (const [params, field] of [
      [{ instance_type: 'm7g.large', count: { min: 3, typical: 2, max: 6 } }, 'params.count'],
      [{ instance_type: 'm7g.large', count: { min: 0, typical: 2, max: 6 } }, 'params.count'],
      [{ instance_type: 'm7g.large', count: 1, hours: { min: 1, typical: 2, max: 745 } }, 'params.hours'],
      [{ instance_type: 'm7g.large', count: { min: 1, typical: 2 } }, 'params.count'],
    ] as const) {
      const res = await call('POST', `/scenarios/${id}/items`, { service: 'ec2', params })
      expect(res.statusCode, JSON.stringify(params)).toBe(422)
      expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
    }
    const zero = await call('POST', `/scenarios/${id}/items`, {
      service: 'ec2',
      params: { instance_type: 'm7g.large', count: 0 },
    })
    expect(zero.json().details).toEqual([
      {
        field: 'params.count',
        reason: 'must be an integer from 1 to 100000, or {min, typical, max} of such values',
      },
    ])
    const lambda = await call('POST', `/scenarios/${id}/items`, {
      service: 'lambda',
      params: { invocations: { min: 1, typical: 2, max: 3 }, avg_duration_ms: 10, memory_mb: 128 },
    })
    expect(lambda.statusCode).toBe(422)
    expect((await call('GET', `/scenarios/${id}/items`)).json().total).toBe(0)
  })
})

describe('what-if helpers', () => {
  it('compounds growth exactly', () => {
    const input = { scale: new ExactDecimal('1.1'), growthPct: new ExactDecimal('5'), months: 3 }
    expect(usageFactor(input, 1).toFixed()).toBe('1.1')
    expect(usageFactor(input, 3).toFixed()).toBe('1.21275')
  })

  it('reads a partial first and last hour at their covered minutes', () => {
    const window = { start: new Date('2026-01-01T00:30:00Z'), end: new Date('2026-01-01T01:30:00Z') }
    const months = hourlyMonths(
      [
        { hourStartMs: Date.parse('2026-01-01T00:00:00Z'), usageType: 'lambda.requests', quantity: '1000' },
        { hourStartMs: Date.parse('2026-01-01T01:00:00Z'), usageType: 'lambda.requests', quantity: '1000' },
        { hourStartMs: Date.parse('2026-01-01T01:00:00Z'), usageType: 's3.storage_gb_month', quantity: '5' },
      ],
      window,
      43_200,
    )
    // 1,000 in 30 minutes = 1.44M a month, in both hours; storage levels are left to the caller.
    expect(months.map((m) => Object.fromEntries([...m].map(([k, v]) => [k, v.toFixed()])))).toEqual([
      { 'lambda.requests': '1440000' },
      { 'lambda.requests': '1440000' },
    ])
  })

  it('takes nearest-rank percentiles', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((v) => new ExactDecimal(v))
    expect(percentile(values, 50).toNumber()).toBe(5)
    expect(percentile(values, 90).toNumber()).toBe(9)
    expect(percentile([new ExactDecimal(3)], 90).toNumber()).toBe(3)
  })
})
