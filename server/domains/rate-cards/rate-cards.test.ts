import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import type { OfferFile } from '../pricing/offer-import.js'

type Costs = {
  total_monthly: {
    total: string
    by_service: { service: string; cost: string; by_usage_type: Record<string, string>[] }[]
  }
  pricing_snapshot: { id: string; as_of: string }
  rate_card_applied: boolean
  assumptions: string[]
}

/** 150 billion SQS standard requests a month: past the 100B boundary ($0.40/M, then $0.30/M). */
const SQS_150B = { service: 'sqs', params: { requests: 150_000_000_000, queue_type: 'standard' } }
/** 10M Lambda requests of 100 ms at 128 MB on x86: 125,000 GB-seconds. */
const LAMBDA_10M = {
  service: 'lambda',
  params: { invocations: 10_000_000, avg_duration_ms: 100, memory_mb: 128, architecture: 'x86_64' },
}

const rowOf = (costs: Costs, usageType: string) =>
  costs.total_monthly.by_service.flatMap((s) => s.by_usage_type).find((u) => u.usage_type === usageType)

/** An AWS offer file (bulk JSON format) raising SQS standard in us-east-1 to $0.0000005 per request. */
const SQS_PRICE_RISE: OfferFile = {
  offerCode: 'AWSQueueService',
  publicationDate: '2026-11-01T00:00:00Z',
  products: {
    SQSUSE1: {
      attributes: { regionCode: 'us-east-1', usagetype: 'USE1-Requests-Tier1', queueType: 'Standard' },
    },
  },
  terms: {
    OnDemand: {
      SQSUSE1: {
        'SQSUSE1.T': {
          priceDimensions: {
            'SQSUSE1.T.A': {
              beginRange: '0',
              endRange: 'Inf',
              unit: 'Requests',
              pricePerUnit: { USD: '0.0000005000' },
            },
          },
        },
      },
    },
  },
} as unknown as OfferFile

function client(app: TestApp) {
  return (method: string, url: string, who: TestUser, payload?: unknown, headers?: Record<string, string>) =>
    app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: headers ?? who.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
}

describe(`rate cards on ${testEngine}`, async () => {
  const app = await buildTestApp({ jobs: 'work' })
  const call = client(app)
  const alice = await createUser(app)
  const bob = await createUser(app)

  async function scenarioWith(
    who: TestUser,
    items: { service: string; params: object }[],
    body: Record<string, unknown> = {},
  ): Promise<string> {
    const res = await call('POST', '/scenarios', who, {
      name: 'Rated',
      region: 'us-east-1',
      include_free_tier: false,
      ...body,
    })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    for (const item of items)
      expect((await call('POST', `/scenarios/${id}/items`, who, item)).statusCode).toBe(201)
    return id
  }

  const costsOf = async (id: string, who: TestUser = alice, query = ''): Promise<Costs> => {
    const res = await call('GET', `/scenarios/${id}/costs${query}`, who)
    expect(res.statusCode).toBe(200)
    return res.json()
  }

  const putCard = async (rules: object[], who: TestUser = alice) => {
    const res = await call('PUT', '/rate-card', who, { rules })
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }

  it('starts empty: catalog prices, and the answer names its snapshot and says so', async () => {
    expect((await call('GET', '/rate-card', alice)).json()).toEqual({ rules: [], updated_at: null })
    const costs = await costsOf(await scenarioWith(alice, [SQS_150B]))
    // 100,000 M × $0.40 + 50,000 M × $0.30.
    expect(costs.total_monthly.total).toBe('55000')
    expect(costs.rate_card_applied).toBe(false)
    expect(costs.pricing_snapshot.id).toMatch(/^bundled-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/)
    expect(costs.assumptions[0]).toContain(`Prices from snapshot ${costs.pricing_snapshot.id}`)
    expect(costs.assumptions).toContain('No rate card rule for us-east-1: catalog prices')
  })

  it('applies the most specific discount, then a markup, to every band of a tiered price', async () => {
    const card = await putCard([
      { kind: 'discount', percent: '10' },
      { kind: 'discount', percent: '12', service: 'sqs' },
      { kind: 'markup', percent: '10', service: 'sqs' },
      { kind: 'discount', percent: '30', service: 'sqs', region: 'eu-west-1' },
    ])
    expect(card.rules).toHaveLength(4)
    expect(card.updated_at).toEqual(expect.any(String))
    const costs = await costsOf(await scenarioWith(alice, [SQS_150B, LAMBDA_10M]))
    // SQS: the sqs discount (12%) beats the all-services one, the eu-west-1 one does not apply here:
    // (40,000 + 15,000) × 0.88 × 1.10 = 53,240.
    expect(rowOf(costs, 'sqs.requests.standard')?.cost).toBe('53240')
    // Lambda gets the 10% of all services: 10M × $0.0000002 × 0.9 = $1.80;
    // 125,000 GB-s × $0.0000166667 × 0.9 = 1.87500375, rounded per row to 1.875004.
    expect(rowOf(costs, 'lambda.requests')?.cost).toBe('1.8')
    expect(rowOf(costs, 'lambda.requests')?.unit_price).toBe('0.00000018')
    expect(rowOf(costs, 'lambda.gb_seconds.x86_64')?.cost).toBe('1.875004')
    expect(costs.total_monthly.total).toBe('53243.675004')
    expect(costs.rate_card_applied).toBe(true)
    expect(costs.assumptions).toEqual(
      expect.arrayContaining([
        'Rate card: 10% discount on all services',
        'Rate card: 12% discount on sqs',
        'Rate card: 10% markup on sqs',
      ]),
    )
    expect(costs.assumptions.join('\n')).not.toContain('eu-west-1')
  })

  it('replaces a tiered price with a flat override (region-specific first), then discounts it', async () => {
    const id = await scenarioWith(alice, [SQS_150B])
    await putCard([
      { kind: 'override', usage_type: 'sqs.requests.standard', price_per_unit: '0.0000002' },
      { kind: 'discount', percent: '50', service: 'sqs' },
    ])
    // 150,000,000,000 × $0.0000002 (one band, no 100B boundary) × 0.5.
    let costs = await costsOf(id)
    expect(costs.total_monthly.total).toBe('15000')
    expect(rowOf(costs, 'sqs.requests.standard')?.unit_price).toBe('0.0000001')
    await putCard([
      { kind: 'override', usage_type: 'sqs.requests.standard', price_per_unit: '0.0000002' },
      {
        kind: 'override',
        usage_type: 'sqs.requests.standard',
        region: 'us-east-1',
        price_per_unit: '0.0000001',
      },
      { kind: 'discount', percent: '50', service: 'sqs' },
    ])
    costs = await costsOf(id)
    expect(costs.total_monthly.total).toBe('7500')
    expect(costs.assumptions).toContain(
      'Rate card: sqs.requests.standard in us-east-1 priced at 0.0000001 USD per unit (catalog price and tiers replaced)',
    )
  })

  it('prices an opted-out scenario at catalog prices, settable on create, update and kept by clone', async () => {
    await putCard([{ kind: 'discount', percent: '50', service: 'sqs' }])
    const id = await scenarioWith(alice, [SQS_150B], { apply_rate_card: false })
    expect((await call('GET', `/scenarios/${id}`, alice)).json().apply_rate_card).toBe(false)
    let costs = await costsOf(id)
    expect(costs.total_monthly.total).toBe('55000')
    expect(costs.rate_card_applied).toBe(false)
    expect(costs.assumptions).toContain('Rate card not applied: this scenario opts out, catalog prices')

    const clone = await call('POST', `/scenarios/${id}/clone`, alice)
    expect(clone.json().apply_rate_card).toBe(false)
    const patched = await call('PATCH', `/scenarios/${id}`, alice, { apply_rate_card: true })
    expect(patched.json().apply_rate_card).toBe(true)
    costs = await costsOf(id)
    expect(costs.total_monthly.total).toBe('27500')
    expect(costs.assumptions).toContain('Rate card: 50% discount on sqs')
  })

  it.each([
    [{ kind: 'discount', percent: '0' }, 'rules.0.percent'],
    [{ kind: 'discount', percent: '100.5' }, 'rules.0.percent'],
    [{ kind: 'markup', percent: '1000.01' }, 'rules.0.percent'],
    [{ kind: 'discount', percent: '-5' }, 'rules.0.percent'],
    [{ kind: 'discount', percent: 'ten' }, 'rules.0.percent'],
    [{ kind: 'discount' }, 'rules.0.percent'],
    [{ kind: 'discount', percent: '5', service: 'ec3' }, 'rules.0.service'],
    [{ kind: 'discount', percent: '5', region: 'mars-1' }, 'rules.0.region'],
    [{ kind: 'discount', percent: '5', usage_type: 'sqs.requests.nope' }, 'rules.0.usage_type'],
    [
      { kind: 'discount', percent: '5', service: 'sqs', usage_type: 'sqs.requests.standard' },
      'rules.0.service',
    ],
    [{ kind: 'discount', percent: '5', price_per_unit: '1' }, 'rules.0.price_per_unit'],
    [{ kind: 'override', usage_type: 'sqs.requests.standard' }, 'rules.0.price_per_unit'],
    [{ kind: 'override', price_per_unit: '1' }, 'rules.0.usage_type'],
    [
      { kind: 'override', usage_type: 'sqs.requests.standard', price_per_unit: '-1' },
      'rules.0.price_per_unit',
    ],
    [
      { kind: 'override', usage_type: 'sqs.requests.standard', price_per_unit: '1', service: 'sqs' },
      'rules.0.service',
    ],
    [{ kind: 'rebate', percent: '5' }, 'rules.0.kind'],
  ])('refuses %j with 422 on %s and keeps the stored card', async (rule, field) => {
    const before = await putCard([{ kind: 'markup', percent: '5' }])
    const res = await call('PUT', '/rate-card', alice, { rules: [rule] })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(
      res
        .json()
        .details.map((d: { field: string }) => d.field)
        .join(' '),
    ).toContain(field)
    expect((await call('GET', '/rate-card', alice)).json()).toEqual(before)
  })

  it('refuses two rules of a kind with one scope, and more than 100 rules', async () => {
    const twice = await call('PUT', '/rate-card', alice, {
      rules: [
        { kind: 'discount', percent: '5', service: 'sqs' },
        { kind: 'discount', percent: '7', service: 'sqs' },
      ],
    })
    expect(twice.statusCode).toBe(422)
    expect(twice.json().details).toEqual([
      { field: 'rules.1', reason: 'repeats the scope of another discount' },
    ])
    const many = Array.from({ length: 101 }, () => ({ kind: 'markup', percent: '1' }))
    expect((await call('PUT', '/rate-card', alice, { rules: many })).statusCode).toBe(422)
    expect((await call('PUT', '/rate-card', alice, {})).statusCode).toBe(422)
  })

  it("keeps each user's card to themselves: reading, writing and pricing", async () => {
    await putCard([{ kind: 'discount', percent: '40' }])
    expect((await call('GET', '/rate-card', bob)).json()).toEqual({ rules: [], updated_at: null })
    const bobScenario = await scenarioWith(bob, [SQS_150B])
    expect((await costsOf(bobScenario, bob)).total_monthly.total).toBe('55000')
    await putCard([{ kind: 'markup', percent: '100' }], bob)
    expect((await call('GET', '/rate-card', alice)).json().rules).toEqual([
      { kind: 'discount', percent: '40' },
    ])
    const aliceScenario = await scenarioWith(alice, [SQS_150B])
    expect((await costsOf(aliceScenario)).total_monthly.total).toBe('33000')
    expect((await costsOf(bobScenario, bob)).total_monthly.total).toBe('110000')
    expect((await call('GET', `/scenarios/${aliceScenario}/costs`, bob)).statusCode).toBe(404)
  })

  it('reads with read:scenarios, writes with write:scenarios, and nothing without a credential', async () => {
    const reader = await createApiKey(app, alice, { scopes: ['read:scenarios'] })
    const writer = await createApiKey(app, alice, { scopes: ['write:scenarios'] })
    const body = { rules: [{ kind: 'discount', percent: '3' }] }
    expect((await call('GET', '/rate-card', alice, undefined, reader.headers)).statusCode).toBe(200)
    const denied = await call('PUT', '/rate-card', alice, body, reader.headers)
    expect(denied.statusCode).toBe(403)
    expect(denied.json().error).toBe('insufficient_scope')
    expect((await call('GET', '/rate-card', alice, undefined, writer.headers)).statusCode).toBe(403)
    expect((await call('PUT', '/rate-card', alice, body, writer.headers)).statusCode).toBe(200)
    expect((await call('GET', '/rate-card', alice, undefined, {})).statusCode).toBe(401)
    expect((await call('PUT', '/rate-card', alice, body, {})).statusCode).toBe(401)
  })

  it('states the snapshot and rules in compare, share links and reports (CSV and PDF)', async () => {
    await putCard([{ kind: 'discount', percent: '25', service: 'sqs' }])
    const a = await scenarioWith(alice, [SQS_150B])
    const b = await scenarioWith(alice, [SQS_150B], { apply_rate_card: false })
    const compare = await call('POST', '/scenarios/compare', alice, { scenario_ids: [a, b] })
    const [first, second] = compare.json().scenarios as Costs[]
    expect(first?.total_monthly.total).toBe('41250')
    expect(first?.assumptions).toContain('Rate card: 25% discount on sqs')
    expect(second?.rate_card_applied).toBe(false)
    expect(compare.json().deltas[0].total_delta).toBe('13750')

    // A link shows the rate card only when its owner chooses so (list prices otherwise: share-links tests).
    const link = await call('POST', `/scenarios/${a}/share-links`, alice, {
      expires_days: 1,
      prices: 'rate_card',
    })
    const shared = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.json().token}` })
    expect(shared.json().costs.pricing_snapshot.id).toBe(first?.pricing_snapshot.id)
    expect(shared.json().costs.assumptions).toContain('Rate card: 25% discount on sqs')

    const download = async (format: 'csv' | 'pdf') => {
      const created = await call('POST', `/scenarios/${a}/reports`, alice, { format })
      for (let i = 0; i < 150; i++) {
        const report = await call('GET', `/reports/${created.json().id}`, alice)
        if (report.json().status === 'ready') break
        await new Promise((r) => setTimeout(r, 200))
      }
      return call('GET', `/reports/${created.json().id}/download`, alice)
    }
    const csv = (await download('csv')).body
    // The tidy CSV states the snapshot and each rule as assumption rows of the scenario.
    expect(csv).toContain(`assumption,,,,,,,,,,,"Prices from snapshot ${first?.pricing_snapshot.id} `)
    expect(csv).toContain('assumption,,,,,,,,,,,Rate card: 25% discount on sqs,Rated,us-east-1')
    const pdf = await download('pdf')
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text
    expect(text).toContain(first?.pricing_snapshot.id)
    expect(text).toContain('Rate card: 25% discount on sqs')
  })
})

describe(`pricing snapshots on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const call = client(app)
  const user = await createUser(app)

  it('lists the bundled snapshot, then an import as current; old snapshots price old prices; the diff lists the change', async () => {
    const created = await call('POST', '/scenarios', user, {
      name: 'Snapshots',
      region: 'us-east-1',
      include_free_tier: false,
    })
    const id = created.json().id as string
    await call('POST', `/scenarios/${id}/items`, user, {
      service: 'sqs',
      params: { requests: 1_000_000_000, queue_type: 'standard' },
    })
    const before = (await call('GET', '/pricing/snapshots', user)).json()
    expect(before.total).toBe(1)
    const [bundled] = before.items
    expect(bundled).toMatchObject({ source: 'bundled', source_file: null, imported_at: null, current: true })
    // 1,000 M × $0.40.
    expect((await call('GET', `/scenarios/${id}/costs`, user)).json().total_monthly.total).toBe('400')

    // What `mockupaws pricing import FILE` does with the file it read.
    const imported = await app.services.pricing.importOffer(SQS_PRICE_RISE, 'sqs-price-rise.json')
    expect(imported.stored).toBe(true)
    const after = (await call('GET', '/pricing/snapshots', user)).json()
    expect(after.total).toBe(2)
    const [latest, oldest] = after.items
    expect(latest).toMatchObject({ source: 'import', source_file: 'sqs-price-rise.json', current: true })
    expect(oldest).toMatchObject({ id: bundled.id, current: false })
    const paged = (await call('GET', '/pricing/snapshots?page=2&page_size=1', user)).json()
    expect(paged.items.map((s: { id: string }) => s.id)).toEqual([bundled.id])

    const now = (await call('GET', `/scenarios/${id}/costs`, user)).json()
    expect(now.total_monthly.total).toBe('500')
    expect(now.pricing_snapshot).toEqual({ id: latest.id, as_of: latest.as_of })
    const then = (await call('GET', `/scenarios/${id}/costs?snapshot=${bundled.id}`, user)).json()
    expect(then.total_monthly.total).toBe('400')
    expect(then.pricing_snapshot.id).toBe(bundled.id)
    expect(then.assumptions[0]).toContain(bundled.id)
    const byId = (await call('GET', `/scenarios/${id}/costs?snapshot=${latest.id}`, user)).json()
    expect(byId.total_monthly.total).toBe('500')

    const diff = await call('GET', `/pricing/snapshots/diff?from=${bundled.id}&to=${latest.id}`, user)
    expect(diff.statusCode).toBe(200)
    expect(diff.json().summary).toEqual({ added: 0, removed: 0, changed: 1 })
    expect(diff.json().items).toEqual([
      expect.objectContaining({
        region: 'us-east-1',
        usage_type: 'sqs.requests.standard',
        change: 'changed',
        old_unit_price: '0.0000004',
        new_unit_price: '0.0000005',
        percent_change: '25',
      }),
    ])
    const back = (
      await call('GET', `/pricing/snapshots/diff?from=${latest.id}&to=${bundled.id}`, user)
    ).json()
    expect(back.items[0].percent_change).toBe('-20')
    const same = (
      await call('GET', `/pricing/snapshots/diff?from=${bundled.id}&to=${bundled.id}`, user)
    ).json()
    expect(same.total).toBe(0)
  }, 120_000)

  it.each([
    ['/scenarios/{id}/costs?snapshot=bundled-1999-01-01-00000000', 'snapshot'],
    ['/scenarios/{id}/costs?snapshot=00000000-0000-4000-8000-000000000000', 'snapshot'],
    ['/pricing/snapshots/diff?from=nope&to=nope', 'from'],
    ['/pricing/snapshots/diff?to=nope', 'from'],
  ])('answers 422 for %s', async (url, field) => {
    const created = await call('POST', '/scenarios', user, { name: 'Bad', region: 'us-east-1' })
    const res = await call('GET', url.replace('{id}', created.json().id), user)
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toBe('validation_error')
    expect(res.json().details.map((d: { field: string }) => d.field)).toContain(field)
  })

  it('needs a credential, any scope', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/pricing/snapshots' })).statusCode).toBe(401)
    const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
    expect((await call('GET', '/pricing/snapshots', user, undefined, key.headers)).statusCode).toBe(200)
  })
})
