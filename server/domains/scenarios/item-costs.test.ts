import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { ExactDecimal } from '../pricing/cost-engine.js'

type ItemCost = {
  item_id: string
  service: string
  cost: string
  unpriced: boolean
  by_usage_type: {
    usage_type: string
    quantity: string
    free_quantity: string
    billable_quantity: string
    cost: string | null
  }[]
}

const sum = (values: (string | null)[]) => values.reduce((acc, v) => acc.plus(v ?? 0), new ExactDecimal(0))

describe(`each line item's cost in the costs answer on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({ method, url: `/api/v1${url}`, headers: user.headers, ...(payload ? { payload } : {}) })

  async function scenarioWith(region: string, items: { service: string; params: object }[]) {
    const res = await call('POST', '/scenarios', { name: 'Per item', region })
    const id = res.json().id as string
    const ids: string[] = []
    for (const item of items) {
      const created = await call('POST', `/scenarios/${id}/items`, item)
      expect(created.statusCode).toBe(201)
      ids.push(created.json().id)
    }
    return { id, ids }
  }

  it("shares each usage type by quantity, and the items' costs add up exactly to the modelled total", async () => {
    // Three equal Lambda items: a third of a cost rarely ends in 6 decimals, so the split has a remainder.
    const lambda = { invocations: 3_000_001, avg_duration_ms: 333, memory_mb: 1024, architecture: 'arm64' }
    const { id, ids } = await scenarioWith('us-east-1', [
      { service: 'lambda', params: lambda },
      { service: 'lambda', params: lambda },
      { service: 'lambda', params: { ...lambda, invocations: 1_000_000 } },
      { service: 's3', params: { storage_gb: 123.457, put_requests: 7, get_requests: 0 } },
    ])
    const res = await call('GET', `/scenarios/${id}/costs`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const items = body.line_items as ItemCost[]
    expect(items.map((i) => i.item_id)).toEqual(ids)
    expect(sum(items.map((i) => i.cost)).toFixed()).toBe(
      new ExactDecimal(body.modelled_monthly.total).toFixed(),
    )
    for (const item of items) {
      expect(item.cost).toMatch(/^\d+(\.\d{1,6})?$/)
      expect(sum(item.by_usage_type.map((u) => u.cost)).toFixed()).toBe(new ExactDecimal(item.cost).toFixed())
      expect(item.unpriced).toBe(false)
    }
    // Per usage type, the items' costs, free and billable quantities add up to the scenario's row.
    for (const service of body.modelled_monthly.by_service) {
      for (const row of service.by_usage_type) {
        const parts = items.flatMap((i) => i.by_usage_type.filter((u) => u.usage_type === row.usage_type))
        expect(sum(parts.map((p) => p.cost)).toFixed(), row.usage_type).toBe(
          new ExactDecimal(row.cost).toFixed(),
        )
        expect(sum(parts.map((p) => p.free_quantity)).eq(row.free_quantity)).toBe(true)
        expect(sum(parts.map((p) => p.billable_quantity)).eq(row.billable_quantity)).toBe(true)
        expect(sum(parts.map((p) => p.quantity)).eq(row.quantity)).toBe(true)
      }
    }
    // The free 1 M requests are shared by quantity: the small item gets 1/7.000002 of them, rounded.
    const requests = (item: ItemCost) => item.by_usage_type.find((u) => u.usage_type === 'lambda.requests')
    expect(Number(requests(items[2] as ItemCost)?.free_quantity)).toBeCloseTo(1_000_000 / 7.000002, 5)
    expect(items[3]?.service).toBe('s3')
  })

  it('gives usage with no price in the region a null cost, never $0, and flags the item', async () => {
    const { id } = await scenarioWith('eu-west-1', [
      {
        service: 'bedrock',
        params: { model: 'anthropic.claude-3-haiku', input_tokens: 1_000_000, output_tokens: 1_000 },
      },
    ])
    const [item] = (await call('GET', `/scenarios/${id}/costs`)).json().line_items as ItemCost[]
    expect(item).toMatchObject({ service: 'bedrock', cost: '0', unpriced: true })
    expect(item?.by_usage_type.map((u) => u.cost)).toEqual([null, null])
  })

  it('is not on a share link or in a comparison', async () => {
    const { id } = await scenarioWith('us-east-1', [
      { service: 'ec2', params: { instance_type: 'm7g.large', count: 1 } },
    ])
    const link = await call('POST', `/scenarios/${id}/share-links`, { expires_days: 7 })
    expect(link.statusCode).toBe(201)
    const shared = await app.inject({ method: 'GET', url: `/api/v1/shared/${link.json().token}` })
    expect(shared.statusCode).toBe(200)
    expect(shared.json().costs.modelled_monthly.total).not.toBe('0')
    expect(shared.json().costs).not.toHaveProperty('line_items')
    const other = await scenarioWith('us-east-1', [])
    const compared = await call('POST', '/scenarios/compare', { scenario_ids: [id, other.id] })
    expect(compared.statusCode).toBe(200)
    expect(compared.json().scenarios[0]).not.toHaveProperty('line_items')
  })
})
