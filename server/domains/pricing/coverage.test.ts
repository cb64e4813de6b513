import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { bundledCatalog, type Catalog } from './catalog.js'
import { SERVICE_IDS } from './services/registry.js'

type ServiceCoverage = {
  service: string
  status: string
  usage_types_priced: number
  usage_types_total: number
  usage_types_not_offered: number
  unpriced_usage_types: string[]
  not_offered_usage_types: string[]
  incomplete_tier_usage_types: string[]
}
type RegionCoverage = {
  code: string
  name: string
  status: string
  services_complete: number
  services_total: number
  services_not_offered: number
  usage_types_priced: number
  usage_types_total: number
  usage_types_not_offered: number
  services: ServiceCoverage[]
}

describe(`GET /pricing/coverage on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const get = (url: string, headers: Record<string, string> = user.headers) =>
    app.inject({ method: 'GET', url: `/api/v1/pricing${url}`, headers })
  const coverageOf = async (region: string) =>
    ((await get(`/coverage?region=${region}`)).json().regions as RegionCoverage[])[0] as RegionCoverage
  const serviceIn = (region: RegionCoverage, service: string) =>
    region.services.find((s) => s.service === service) as ServiceCoverage

  it('answers every region with its name and every service, agreeing with each service price list', async () => {
    const res = await get('/coverage')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.pricing_snapshot.id).toMatch(/^bundled-/)
    const regions = body.regions as RegionCoverage[]
    expect(regions.map((r) => ({ code: r.code, name: r.name }))).toEqual(
      (await get('/regions')).json().regions,
    )
    for (const region of regions) {
      expect(region.services.map((s) => s.service)).toEqual(SERVICE_IDS)
      expect(region.services_total + region.services_not_offered).toBe(SERVICE_IDS.length)
      expect(region.services_not_offered).toBe(
        region.services.filter((s) => s.status === 'not_offered').length,
      )
      expect(region.usage_types_priced).toBe(region.services.reduce((n, s) => n + s.usage_types_priced, 0))
      expect(region.usage_types_not_offered).toBe(
        region.services.reduce((n, s) => n + s.usage_types_not_offered, 0),
      )
    }
    // The unpriced usage types are exactly those GET /pricing/:region/:service lists, in three regions.
    for (const code of ['us-east-1', 'eu-west-2', 'sa-east-1']) {
      const region = regions.find((r) => r.code === code) as RegionCoverage
      for (const service of region.services) {
        const prices = (await get(`/${code}/${service.service}`)).json()
        expect(service.unpriced_usage_types, `${code} ${service.service}`).toEqual(
          prices.unpriced_usage_types.map((u: { usage_type: string }) => u.usage_type),
        )
        expect(service.not_offered_usage_types, `${code} ${service.service}`).toEqual(
          prices.not_offered_usage_types.map((u: { usage_type: string }) => u.usage_type),
        )
        expect(service.usage_types_not_offered).toBe(prices.not_offered_usage_types.length)
        expect(service.usage_types_priced).toBe(prices.prices.length)
        expect(service.usage_types_total).toBe(prices.prices.length + prices.unpriced_usage_types.length)
      }
    }
  })

  // Each stores the whole catalog (megabytes of JSON) several times: slow on PGlite under load.
  it('says complete, partial or none from what the current catalog prices', async () => {
    // A stored catalog where SQS in eu-west-2 has no price, then one price with an incomplete band, then both.
    const catalog: Catalog = structuredClone(bundledCatalog)
    const euw2 = catalog.prices['eu-west-2'] ?? {}
    const standard = bundledCatalog.prices['us-east-1']?.['sqs.requests.standard']
    const fifo = bundledCatalog.prices['us-east-1']?.['sqs.requests.fifo']
    if (!standard || !fifo) throw new Error('the catalog prices SQS in us-east-1')
    delete euw2['sqs.requests.standard']
    delete euw2['sqs.requests.fifo']
    catalog.prices['eu-west-2'] = euw2
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-none.json')
    const none = await coverageOf('eu-west-2')
    expect(serviceIn(none, 'sqs')).toEqual({
      service: 'sqs',
      name: bundledCatalog.services.sqs?.name,
      status: 'none',
      usage_types_priced: 0,
      usage_types_total: 2,
      usage_types_not_offered: 0,
      unpriced_usage_types: ['sqs.requests.fifo', 'sqs.requests.standard'],
      not_offered_usage_types: [],
      incomplete_tier_usage_types: [],
    })
    expect(none.status).toBe('partial')

    euw2['sqs.requests.standard'] = { ...standard, tiers: standard.tiers.slice(0, 1), tiers_incomplete: true }
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-partial.json')
    expect(serviceIn(await coverageOf('eu-west-2'), 'sqs')).toMatchObject({
      status: 'partial',
      usage_types_priced: 1,
      unpriced_usage_types: ['sqs.requests.fifo'],
      incomplete_tier_usage_types: ['sqs.requests.standard'],
    })

    // Every band published: complete.
    euw2['sqs.requests.standard'] = { ...standard, tiers_incomplete: false }
    euw2['sqs.requests.fifo'] = { ...fifo, tiers_incomplete: false }
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-complete.json')
    const complete = await coverageOf('eu-west-2')
    expect(serviceIn(complete, 'sqs')).toMatchObject({ status: 'complete', usage_types_priced: 2 })
    expect(complete.services_complete).toBe(complete.services.filter((s) => s.status === 'complete').length)
    expect(complete.status).toBe(
      complete.services_complete === complete.services_total ? 'complete' : 'partial',
    )

    // A region with no price at all is `none`, service by service.
    catalog.prices['eu-west-2'] = {}
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-empty.json')
    const empty = await coverageOf('eu-west-2')
    expect(empty).toMatchObject({ status: 'none', services_complete: 0, usage_types_priced: 0 })
    expect(empty.services.every((s) => s.status === 'none')).toBe(true)
  }, 120_000)

  it('counts what AWS does not offer apart: neither missing nor priced, and a service of its own status', async () => {
    // The bundled catalog: MSK Serverless is not offered in sa-east-1, App Runner not at all there.
    const saopaulo = await coverageOf('sa-east-1')
    const msk = serviceIn(saopaulo, 'msk')
    expect(msk.not_offered_usage_types).toEqual([
      'msk.serverless_cluster_hours',
      'msk.serverless_data_in_gb',
      'msk.serverless_data_out_gb',
      'msk.serverless_partition_hours',
      'msk.serverless_storage_gb_months',
    ])
    expect(msk.unpriced_usage_types.filter((u) => u.startsWith('msk.serverless'))).toEqual([])
    expect(msk.usage_types_total + msk.usage_types_not_offered).toBe(
      (await coverageOf('us-east-1')).services.find((s) => s.service === 'msk')?.usage_types_total,
    )
    expect(serviceIn(saopaulo, 'apprunner')).toMatchObject({
      status: 'not_offered',
      usage_types_priced: 0,
      usage_types_total: 0,
      usage_types_not_offered: 3,
      unpriced_usage_types: [],
    })
    expect(saopaulo.services_not_offered).toBeGreaterThanOrEqual(1)

    // A stored catalog: SQS FIFO unpriced in eu-west-2, then claimed not offered (complete), then SQS not
    // offered at all there (its own status, out of the region's service count).
    const catalog: Catalog = structuredClone(bundledCatalog)
    const euw2 = catalog.prices['eu-west-2'] ?? {}
    const standard = bundledCatalog.prices['eu-west-2']?.['sqs.requests.standard']
    if (!standard) throw new Error('the catalog prices SQS in eu-west-2')
    catalog.prices['eu-west-2'] = euw2
    euw2['sqs.requests.standard'] = { ...standard, tiers_incomplete: false }
    delete euw2['sqs.requests.fifo']
    catalog.meta.sources['test-claim'] = { url: 'https://aws.amazon.com/sqs/faqs/', note: 'test' }
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-fifo-unpriced.json')
    const before = await coverageOf('eu-west-2')
    expect(serviceIn(before, 'sqs')).toMatchObject({
      status: 'partial',
      unpriced_usage_types: ['sqs.requests.fifo'],
    })

    catalog.not_offered = {
      ...catalog.not_offered,
      'eu-west-2': {
        ...catalog.not_offered?.['eu-west-2'],
        'sqs.requests.fifo': { source: 'test-claim', as_of: '2026-12-07' },
      },
    }
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-fifo-not-offered.json')
    const claimed = await coverageOf('eu-west-2')
    expect(serviceIn(claimed, 'sqs')).toEqual({
      service: 'sqs',
      name: bundledCatalog.services.sqs?.name,
      status: 'complete',
      usage_types_priced: 1,
      usage_types_total: 1,
      usage_types_not_offered: 1,
      unpriced_usage_types: [],
      not_offered_usage_types: ['sqs.requests.fifo'],
      incomplete_tier_usage_types: [],
    })
    expect(claimed.services_complete).toBe(before.services_complete + 1)
    expect(claimed.usage_types_total).toBe(before.usage_types_total - 1)
    expect(claimed.usage_types_not_offered).toBe(before.usage_types_not_offered + 1)
    const prices = (await get('/eu-west-2/sqs')).json()
    expect(prices.unpriced_usage_types).toEqual([])
    expect(prices.not_offered_usage_types).toEqual([
      {
        usage_type: 'sqs.requests.fifo',
        unit: 'requests',
        source: 'test-claim',
        source_url: 'https://aws.amazon.com/sqs/faqs/',
        as_of: '2026-12-07',
      },
    ])

    delete euw2['sqs.requests.standard']
    const claims = catalog.not_offered['eu-west-2'] ?? {}
    delete claims['sqs.requests.fifo']
    claims['sqs.*'] = { source: 'test-claim', as_of: '2026-12-07', note: 'whole service' }
    await app.services.pricing.storeCatalog(catalog, 'coverage-test-sqs-not-offered.json')
    const gone = await coverageOf('eu-west-2')
    expect(serviceIn(gone, 'sqs')).toMatchObject({
      status: 'not_offered',
      usage_types_total: 0,
      usage_types_not_offered: 2,
    })
    expect(gone.services_total).toBe(before.services_total - 1)
    expect(gone.services_not_offered).toBe(before.services_not_offered + 1)
    expect(gone.services_complete).toBe(before.services_complete)

    // A usage type priced and claimed not offered in one region is refused: nothing stored.
    const current = app.services.pricing.currentSnapshot().id
    const contradiction: Catalog = structuredClone(catalog)
    ;(contradiction.prices['eu-west-2'] ?? {})['sqs.requests.standard'] = standard
    await expect(
      app.services.pricing.storeCatalog(contradiction, 'coverage-test-contradiction.json'),
    ).rejects.toThrow('not_offered.eu-west-2.sqs.*: sqs.requests.standard is priced in eu-west-2')
    expect(app.services.pricing.currentSnapshot().id).toBe(current)
  }, 120_000)

  it('refuses an unknown region with a 422 naming the field, and requires sign-in', async () => {
    const unknown = await get('/coverage?region=xx-north-9')
    expect(unknown.statusCode).toBe(422)
    expect(unknown.json().details).toEqual([
      { field: 'region', reason: 'is not a region of the catalog (GET /pricing/regions)' },
    ])
    expect((await get('/coverage', {})).statusCode).toBe(401)
  })

  it('answers an API key of any scope (the catalog is public data)', async () => {
    const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
    const res = await get('/coverage?region=us-east-1', key.headers)
    expect(res.statusCode).toBe(200)
    expect(res.json().regions.map((r: RegionCoverage) => r.code)).toEqual(['us-east-1'])
  })
})
