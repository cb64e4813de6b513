import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { callerAs, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'

type Row = { usage_type: string; cost: string; free_quantity: string }

/*
 * Lambda: 2M requests at $0.20 per million, the always-free 1M requests and 400,000 GB-seconds. RDS: PostgreSQL
 * db.t3.micro $0.018 an hour and gp2 $0.115 per GB-month in us-east-1; the legacy 12-month free tier gives 750
 * hours and 20 GB a month (aws-free-tier-legacy-rds).
 */
describe(`free tier per scenario on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = callerAs(app, user)
  const rowsOf = async (id: string) => {
    const res = await call('GET', `/scenarios/${id}/costs`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    return Object.fromEntries(
      body.modelled_monthly.by_service.flatMap((s: { by_usage_type: Row[] }) =>
        s.by_usage_type.map((r) => [r.usage_type, `${r.cost} (free ${r.free_quantity})`]),
      ),
    )
  }
  async function scenario(body: Record<string, unknown> = {}) {
    const res = await call('POST', '/scenarios', { name: 'Free tier', region: 'us-east-1', ...body })
    expect(res.statusCode).toBe(201)
    const id = res.json().id as string
    for (const item of [
      { service: 'lambda', params: { invocations: 2_000_000, avg_duration_ms: 100, memory_mb: 128 } },
      {
        service: 'rds',
        params: { instance_class: 'db.t3.micro', count: 1, storage_gb: 20, storage_type: 'gp2' },
      },
    ])
      expect((await call('POST', `/scenarios/${id}/items`, item)).statusCode).toBe(201)
    return { id, body: res.json() }
  }

  it('publishes each offer with its id and whether it is a legacy 12-month offer', async () => {
    const services = (await call('GET', '/pricing/services')).json().services
    const offers = services.flatMap((s: { free_tier: Record<string, unknown>[] }) => s.free_tier)
    expect(offers).toContainEqual(
      expect.objectContaining({ id: 'lambda:lambda.requests', quantity: '1000000', legacy_12_month: false }),
    )
    expect(offers).toContainEqual(
      expect.objectContaining({
        id: 'rds:rds.instance_hours.db.t3.micro',
        quantity: '750',
        legacy_12_month: true,
      }),
    )
  })

  it('applies the always-free offers by default, and no legacy offer', async () => {
    const { id, body } = await scenario()
    expect(body).toMatchObject({
      include_free_tier: true,
      free_tier_disabled_offers: [],
      legacy_free_tier: false,
    })
    expect(await rowsOf(id)).toEqual({
      'lambda.requests': '0.2 (free 1000000)',
      'lambda.gb_seconds.x86_64': '0 (free 25000)',
      'rds.instance_hours.db.t3.micro': '13.14 (free 0)',
      'rds.storage_gb_month.gp2': '2.3 (free 0)',
    })
  })

  it('switches single offers off, keeping the others', async () => {
    const { id } = await scenario({ free_tier_disabled_offers: ['lambda:lambda.requests'] })
    expect(await rowsOf(id)).toMatchObject({
      'lambda.requests': '0.4 (free 0)',
      'lambda.gb_seconds.x86_64': '0 (free 25000)',
    })
    const patched = await call('PATCH', `/scenarios/${id}`, {
      free_tier_disabled_offers: ['lambda:lambda.gb_seconds.x86_64'],
    })
    expect(patched.json().free_tier_disabled_offers).toEqual(['lambda:lambda.gb_seconds.x86_64'])
    expect((await call('GET', `/scenarios/${id}/costs`)).json().assumptions).toContain(
      'Free tier offers switched off: lambda:lambda.gb_seconds.x86_64',
    )
    expect(await rowsOf(id)).toMatchObject({
      'lambda.requests': '0.2 (free 1000000)',
      'lambda.gb_seconds.x86_64': '0.416668 (free 0)',
    })
    const refused = await call('PATCH', `/scenarios/${id}`, { free_tier_disabled_offers: ['lambda:nope'] })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().details).toEqual([
      {
        field: 'free_tier_disabled_offers',
        reason: "unknown free tier offer 'lambda:nope'; GET /api/v1/pricing/services lists each offer's id",
      },
    ])
  })

  it('adds the legacy 12-month offers on request, and include_free_tier false still switches all off', async () => {
    const { id, body } = await scenario({ legacy_free_tier: true })
    expect(body.legacy_free_tier).toBe(true)
    expect(await rowsOf(id)).toMatchObject({
      'rds.instance_hours.db.t3.micro': '0 (free 730)',
      'rds.storage_gb_month.gp2': '0 (free 20)',
      'lambda.requests': '0.2 (free 1000000)',
    })
    const assumptions = (await call('GET', `/scenarios/${id}/costs`)).json().assumptions
    expect(assumptions).toContain('Legacy 12-month free tier applied (accounts created before 15 July 2025)')
    const clone = (await call('POST', `/scenarios/${id}/clone`)).json()
    expect(clone.legacy_free_tier).toBe(true)
    await call('PATCH', `/scenarios/${id}`, { include_free_tier: false })
    expect(await rowsOf(id)).toMatchObject({
      'rds.instance_hours.db.t3.micro': '13.14 (free 0)',
      'lambda.requests': '0.4 (free 0)',
    })
  })
})
