import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { observationWindow, projectionReliability } from './costs.service.js'

type Block = {
  total: string
  by_service: { service: string; cost: string; by_usage_type: Record<string, string>[] }[]
  unpriced: Record<string, string>[]
}

/** `{usage_type: cost}` of a cost block, to compare with figures computed by hand. */
const costsByUsageType = (block: Block) =>
  Object.fromEntries(block.by_service.flatMap((s) => s.by_usage_type.map((u) => [u.usage_type, u.cost])))

/** The example workload of docs/scenarios.md#an-example-workload, as line items. */
const EXAMPLE_ITEMS = [
  { service: 'ec2', params: { instance_type: 'm7g.large', count: 3, hours: 730 }, label: '3 × m7g.large' },
  { service: 's3', params: { storage_gb: 500, put_requests: 0, get_requests: 0 }, label: 'S3 Standard' },
  {
    service: 'lambda',
    params: { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
    label: 'API functions',
  },
  {
    service: 'bedrock',
    params: { model: 'anthropic.claude-3-haiku', input_tokens: 1_600_000_000, output_tokens: 400_000_000 },
    label: '2M Claude Haiku calls of 800 in / 200 out',
  },
]

describe(`scenario costs on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)

  const call = (method: string, url: string, payload?: unknown, who: TestUser = user) =>
    app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: who.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })

  async function scenarioWith(
    items: { service: string; params: object; label?: string }[],
    body: Record<string, unknown> = {},
  ): Promise<string> {
    const res = await call('POST', '/scenarios', { name: 'Costs', region: 'us-east-1', ...body })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    for (const item of items)
      expect((await call('POST', `/scenarios/${id}/items`, item)).statusCode).toBe(201)
    return id
  }

  const costs = async (id: string) => {
    const res = await call('GET', `/scenarios/${id}/costs`)
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  it('answers zero blocks and a null window for an empty scenario', async () => {
    const body = await costs(await scenarioWith([]))
    expect(body).toMatchObject({
      currency: 'USD',
      region: 'us-east-1',
      pricing_as_of: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      free_tier_applied: true,
      modelled_monthly: { total: '0', by_service: [], unpriced: [] },
      observed: { total: '0', by_service: [], window_start: null, window_end: null, window_minutes: 0 },
      projected_monthly: { total: '0', by_service: [], factor: null, reliability: 'none' },
      total_monthly: { total: '0', by_service: [] },
      reconciliation: null,
      unpriced: [],
    })
  })

  it('prices the documented example workload to the figures computed by hand, with and without the free tier', async () => {
    const id = await scenarioWith(EXAMPLE_ITEMS)
    const body = await costs(id)
    // EC2: 3 × 730 h × $0.0816 = 178.704
    // S3: 500 GB × $0.023 (first 50 TB band) = 11.5
    // Lambda requests: (10M − 1M free) × $0.20 / 1M = 1.8
    // Lambda arm64: 10M × 0.2 s × 1 GB = 2,000,000 GB-s; − 400,000 free = 1,600,000 × $0.0000133334 = 21.33344
    // Bedrock Claude 3 Haiku: 1.6B input × $0.00025 / 1K = 400; 400M output × $0.00125 / 1K = 500
    expect(costsByUsageType(body.modelled_monthly)).toEqual({
      'ec2.instance_hours.m7g.large': '178.704',
      's3.storage_gb_month': '11.5',
      'lambda.requests': '1.8',
      'lambda.gb_seconds.arm64': '21.33344',
      'bedrock.input_tokens.anthropic.claude-3-haiku': '400',
      'bedrock.output_tokens.anthropic.claude-3-haiku': '500',
    })
    expect(body.modelled_monthly.total).toBe('1113.33744')
    expect(
      body.modelled_monthly.by_service.map((s: { service: string; cost: string }) => [s.service, s.cost]),
    ).toEqual([
      ['lambda', '23.13344'],
      ['s3', '11.5'],
      ['bedrock', '900'],
      ['ec2', '178.704'],
    ])
    const arm = body.modelled_monthly.by_service[0].by_usage_type.find(
      (u: { usage_type: string }) => u.usage_type === 'lambda.gb_seconds.arm64',
    )
    expect(arm).toEqual({
      usage_type: 'lambda.gb_seconds.arm64',
      quantity: '2000000',
      free_quantity: '400000',
      billable_quantity: '1600000',
      unit: 'GB-seconds',
      unit_price: '0.0000133334',
      cost: '21.33344',
    })
    // Nothing ingested: total is the modelled month.
    expect(body.total_monthly.total).toBe('1113.33744')

    await call('PATCH', `/scenarios/${id}`, { include_free_tier: false })
    const noFreeTier = await costs(id)
    // Lambda without the free tier: 10M × $0.20 / 1M = 2; 2,000,000 GB-s × $0.0000133334 = 26.6668
    expect(noFreeTier.free_tier_applied).toBe(false)
    expect(noFreeTier.modelled_monthly.total).toBe('1118.8708')
  })

  it('prices observed usage from the usage totals, projects it to 30 days and prices the month once', async () => {
    const id = await scenarioWith([
      // 1M × 0.2 s × 1 GB = 200,000 GB-s and 1M requests: inside the free tier on its own.
      {
        service: 'lambda',
        params: { invocations: 1_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
      },
    ])
    // Ingest writes these rows (base units, docs/usage-types.md) and the event window; the test writes them directly.
    await app.database.db.execute(sql`
      update scenarios set status = 'running', events_total = 10000,
        first_event_at = '2026-01-01T00:00:30Z', last_event_at = '2026-01-01T00:59:10Z'
      where id = ${id}`)
    await app.database.db.execute(sql`
      insert into usage_totals (scenario_id, usage_type, quantity) values
        (${id}, 'lambda.requests', 10000),
        (${id}, 'lambda.gb_seconds.arm64', 2048000000),
        (${id}, 'sqs.requests.standard', 50000),
        (${id}, 'data_transfer.out_gb', 1073741824),
        (${id}, 's3.storage_gb_month', 2147483648)`)
    // A rollup that disagrees with the totals: costs must read the totals only, never scan rollups.
    await app.database.db.execute(sql`
      insert into usage_rollups (scenario_id, minute, usage_type, quantity)
      values (${id}, '2026-01-01T00:00:00Z', 'lambda.requests', 999999999)`)

    const body = await costs(id)
    expect(body.observed).toMatchObject({
      window_start: '2026-01-01T00:00:00.000Z',
      window_end: '2026-01-01T01:00:00.000Z',
      window_minutes: 60,
    })
    // Observed hour, priced as a month's only usage: everything is inside the free tier except S3 storage,
    // 2 GB × $0.023 = 0.046.
    expect(costsByUsageType(body.observed)).toEqual({
      'lambda.requests': '0',
      'lambda.gb_seconds.arm64': '0',
      'sqs.requests.standard': '0',
      's3.storage_gb_month': '0.046',
      'data_transfer.out_gb': '0',
    })
    expect(body.observed.total).toBe('0.046')
    const observedRequests = body.observed.by_service[0].by_usage_type.find(
      (u: { usage_type: string }) => u.usage_type === 'lambda.requests',
    )
    expect(observedRequests).toMatchObject({
      quantity: '10000',
      free_quantity: '10000',
      billable_quantity: '0',
    })

    // Projection: 30 days / 60 minutes = 720; storage is a level and is not scaled.
    // requests 7.2M − 1M free = 6.2M × $0.20 / 1M = 1.24
    // arm64 2,000 GB-s × 720 = 1,440,000 − 400,000 free = 1,040,000 × $0.0000133334 = 13.866736
    // SQS 36M − 1M free = 35M × $0.40 / 1M = 14
    // data transfer 720 GB − 100 free = 620 GB × $0.09 = 55.8
    // S3 2 GB × $0.023 = 0.046
    expect(body.projected_monthly.factor).toBe('720')
    expect(costsByUsageType(body.projected_monthly)).toEqual({
      'lambda.requests': '1.24',
      'lambda.gb_seconds.arm64': '13.866736',
      'sqs.requests.standard': '14',
      's3.storage_gb_month': '0.046',
      'data_transfer.out_gb': '55.8',
    })
    expect(body.projected_monthly.total).toBe('84.952736')

    // Modelled alone is free (the free tier covers it), so modelled + projected = 84.952736; but the month's
    // usage shares one free tier: requests 8.2M − 1M = 7.2M → 1.44; GB-s 1,640,000 − 400,000 = 1,240,000 →
    // 16.533416; so the month costs 1.44 + 16.533416 + 14 + 55.8 + 0.046 = 87.819416.
    expect(body.modelled_monthly.total).toBe('0')
    expect(costsByUsageType(body.total_monthly)).toMatchObject({
      'lambda.requests': '1.44',
      'lambda.gb_seconds.arm64': '16.533416',
    })
    expect(body.total_monthly.total).toBe('87.819416')
    // The difference is said, with its reason, and the hour observed is flagged as a weak basis.
    expect(body.reconciliation).toEqual({
      modelled_plus_projected: '84.952736',
      difference: '2.86668',
      explanation: expect.stringContaining('free tier counts once'),
    })
    expect(body.projected_monthly).toMatchObject({
      reliability: 'low',
      reliability_note: expect.stringContaining('Only 1 hour observed'),
    })
  })

  it('lists usage without a price in the region as unpriced, never as $0', async () => {
    const id = await scenarioWith(
      [
        { service: 'lambda', params: { invocations: 5_000_000, avg_duration_ms: 1000, memory_mb: 1024 } },
        {
          service: 'bedrock',
          params: { model: 'anthropic.claude-3-5-sonnet', input_tokens: 1_000_000, output_tokens: 1_000 },
        },
      ],
      { region: 'eu-west-1' },
    )
    const body = await costs(id)
    // requests 4M × $0.20 / 1M = 0.8; 5,000,000 GB-s − 400,000 free = 4,600,000 × $0.0000166667 = 76.66682
    expect(body.total_monthly.total).toBe('77.46682')
    expect(body.total_monthly.by_service.map((s: { service: string }) => s.service)).toEqual(['lambda'])
    // Claude 3.5 Sonnet has no Ireland price in the catalog (docs/pricing.md, "Still unpriced")
    const expected = [
      {
        service: 'bedrock',
        usage_type: 'bedrock.input_tokens.anthropic.claude-3-5-sonnet',
        quantity: '1000000',
        unit: 'tokens',
        reason: 'the catalog has no price for bedrock.input_tokens.anthropic.claude-3-5-sonnet in eu-west-1',
      },
      {
        service: 'bedrock',
        usage_type: 'bedrock.output_tokens.anthropic.claude-3-5-sonnet',
        quantity: '1000',
        unit: 'tokens',
        reason: 'the catalog has no price for bedrock.output_tokens.anthropic.claude-3-5-sonnet in eu-west-1',
      },
    ]
    expect(body.unpriced).toEqual(expected)
    expect(body.modelled_monthly.unpriced).toEqual(expected)
  })

  it('answers 404 for an unknown scenario and 422 for a malformed id', async () => {
    expect((await call('GET', `/scenarios/${randomUUID()}/costs`)).statusCode).toBe(404)
    expect((await call('GET', '/scenarios/123/costs')).statusCode).toBe(422)
  })

  describe('compare', () => {
    it('answers each scenario with its costs and the deltas against the first, by absolute impact', async () => {
      const base = await scenarioWith(EXAMPLE_ITEMS, { name: 'Base' })
      const fewer = (await call('POST', `/scenarios/${base}/clone`)).json().id as string
      const ec2 = (await call('GET', `/scenarios/${fewer}/items`)).json().items[0]
      await call('PATCH', `/scenarios/${fewer}/items/${ec2.id}`, {
        params: { instance_type: 'm7g.large', count: 1 },
      })
      const noAi = (await call('POST', `/scenarios/${base}/clone`)).json().id as string
      const bedrock = (await call('GET', `/scenarios/${noAi}/items`)).json().items[3]
      expect(bedrock.service).toBe('bedrock')
      await call('DELETE', `/scenarios/${noAi}/items/${bedrock.id}`)

      const res = await call('POST', '/scenarios/compare', { scenario_ids: [base, fewer, noAi] })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(
        body.scenarios.map((s: { id: string; name: string; total_monthly: Block }) => [
          s.id,
          s.name,
          s.total_monthly.total,
        ]),
      ).toEqual([
        [base, 'Base', '1113.33744'],
        [fewer, 'Base (copy)', '994.20144'],
        [noAi, 'Base (copy)', '213.33744'],
      ])
      expect(body.scenarios[0]).toMatchObject({
        currency: 'USD',
        region: 'us-east-1',
        free_tier_applied: true,
      })
      // 1 × 730 h × $0.0816 = 59.568, i.e. 119.136 less than 3 instances.
      expect(body.deltas[0]).toEqual({
        scenario_id: fewer,
        total_delta: '-119.136',
        by_service: [
          { service: 'ec2', delta: '-119.136' },
          { service: 'lambda', delta: '0' },
          { service: 's3', delta: '0' },
          { service: 'bedrock', delta: '0' },
        ],
        by_usage_type: [
          { service: 'ec2', usage_type: 'ec2.instance_hours.m7g.large', delta: '-119.136' },
          { service: 'lambda', usage_type: 'lambda.gb_seconds.arm64', delta: '0' },
          { service: 'lambda', usage_type: 'lambda.requests', delta: '0' },
          { service: 's3', usage_type: 's3.storage_gb_month', delta: '0' },
          { service: 'bedrock', usage_type: 'bedrock.input_tokens.anthropic.claude-3-haiku', delta: '0' },
          { service: 'bedrock', usage_type: 'bedrock.output_tokens.anthropic.claude-3-haiku', delta: '0' },
        ],
      })
      expect(body.deltas[1].total_delta).toBe('-900')
      expect(body.deltas[1].by_service[0]).toEqual({ service: 'bedrock', delta: '-900' })
      expect(body.deltas[1].by_usage_type.slice(0, 2)).toEqual([
        { service: 'bedrock', usage_type: 'bedrock.output_tokens.anthropic.claude-3-haiku', delta: '-500' },
        { service: 'bedrock', usage_type: 'bedrock.input_tokens.anthropic.claude-3-haiku', delta: '-400' },
      ])
    })

    it.each([
      [{ scenario_ids: [randomUUID()] }],
      [{ scenario_ids: Array.from({ length: 5 }, () => randomUUID()) }],
      [{ scenario_ids: ['not-a-uuid', randomUUID()] }],
      [{}],
    ])('answers 422 for %j', async (payload) => {
      const res = await call('POST', '/scenarios/compare', payload)
      expect(res.statusCode).toBe(422)
      expect(res.json().error).toBe('validation_error')
    })

    it('answers 422 for a repeated id', async () => {
      const id = await scenarioWith([])
      const res = await call('POST', '/scenarios/compare', { scenario_ids: [id, id] })
      expect(res.statusCode).toBe(422)
    })

    it("answers 404 when any scenario is another user's or unknown", async () => {
      const mine = await scenarioWith([])
      const other = await createUser(app)
      const theirs = (await call('POST', '/scenarios', { name: 'Theirs', region: 'us-east-1' }, other)).json()
        .id
      for (const ids of [
        [mine, theirs],
        [theirs, mine],
        [mine, randomUUID()],
      ]) {
        const res = await call('POST', '/scenarios/compare', { scenario_ids: ids })
        expect(res.statusCode).toBe(404)
        expect(res.json()).toEqual({ error: 'not_found', message: 'Scenario not found.' })
      }
    })
  })
})

describe('observationWindow', () => {
  it('runs from the first event minute to the end of the last one', () => {
    expect(observationWindow(null, null)).toBeNull()
    const one = observationWindow(new Date('2026-01-01T10:05:59Z'), new Date('2026-01-01T10:05:01Z'))
    expect(one).toEqual({
      start: new Date('2026-01-01T10:05:00Z'),
      end: new Date('2026-01-01T10:06:00Z'),
      minutes: 1,
    })
    expect(
      observationWindow(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-02T23:59:59Z'))?.minutes,
    ).toBe(2880)
  })
})

describe('projectionReliability', () => {
  it('grows with the window: low under a day, fair under a week, good from a week', () => {
    expect(projectionReliability(null).reliability).toBe('none')
    expect(projectionReliability({ minutes: 4 })).toEqual({
      reliability: 'low',
      reliability_note: expect.stringContaining('Only 4 minutes observed'),
    })
    expect(projectionReliability({ minutes: 24 * 60 - 1 }).reliability).toBe('low')
    expect(projectionReliability({ minutes: 24 * 60 })).toEqual({
      reliability: 'fair',
      reliability_note: expect.stringContaining('1 day observed'),
    })
    expect(projectionReliability({ minutes: 7 * 24 * 60 - 1 }).reliability).toBe('fair')
    expect(projectionReliability({ minutes: 7 * 24 * 60 }).reliability).toBe('good')
  })
})
