import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/s3/pricing/'

function usageOf(params: Record<string, unknown>) {
  const result = lineItemsToUsage([{ service: 's3', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return result.usage
}
function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceUsage({ region, usage: usageOf(params), includeFreeTier: false, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const base = { storage_gb: 0, put_requests: 0, get_requests: 0 }

describe(`S3 storage classes at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an item saved before storage classes existed exactly as before (Standard)', () => {
    const priced = cost({ storage_gb: 1000, put_requests: 100_000, get_requests: 1_000_000 })
    // 1000 × $0.023 + 100 × $0.005 + 1000 × $0.0004
    expect(rows(priced)).toEqual({
      's3.storage_gb_month': '23',
      's3.requests.put': '0.5',
      's3.requests.get': '0.4',
    })
  })

  it('prices each class’s storage and requests at its own rate', () => {
    const perClass = {
      standard_ia: '12.5 + 1 + 0.1',
      onezone_ia: '10 + 1 + 0.1',
      glacier_ir: '4 + 2 + 1',
      glacier_flexible: '3.6 + 3 + 0.04',
      deep_archive: '0.99 + 5 + 0.04',
    }
    for (const [storageClass, sum] of Object.entries(perClass)) {
      const priced = cost({
        storage_class: storageClass,
        storage_gb: 1000,
        put_requests: 100_000,
        get_requests: 100_000,
      })
      const expected = sum.split(' + ').reduce((a, b) => a.plus(b), new Decimal(0))
      expect(priced.unpriced, storageClass).toEqual([])
      expect(new Decimal(priced.total).toFixed(), storageClass).toBe(expected.toFixed())
    }
  })

  it('bills Intelligent-Tiering per tier plus $0.0025 per 1,000 monitored objects', () => {
    const priced = cost({
      ...base,
      storage_class: 'intelligent_tiering',
      storage_gb: 100,
      it_infrequent_gb: 400,
      it_archive_instant_gb: 500,
      object_count: 2_000_000,
      get_requests: 10_000,
    })
    expect(rows(priced)).toEqual({
      's3.storage_gb_month.intelligent_tiering_frequent': '2.3',
      's3.storage_gb_month.intelligent_tiering_infrequent': '5',
      's3.storage_gb_month.intelligent_tiering_archive_instant': '2',
      's3.monitored_objects.intelligent_tiering': '5',
      's3.requests.get.intelligent_tiering': '0.004',
    })
  })

  it('bills Standard-IA objects smaller than 128 KB as 128 KB, and larger ones as stored', () => {
    // 8,192,000 objects × 128 KB = 1,000 GB billed although only 100 GB are stored.
    const small = usageOf({ ...base, storage_class: 'standard_ia', storage_gb: 100, object_count: 8_192_000 })
    expect(small.get('s3.storage_gb_month.standard_ia')?.toFixed()).toBe('1000')
    const large = usageOf({
      ...base,
      storage_class: 'standard_ia',
      storage_gb: 5000,
      object_count: 8_192_000,
    })
    expect(large.get('s3.storage_gb_month.standard_ia')?.toFixed()).toBe('5000')
  })

  it('adds 32 KB per archived object at the archive rate and 8 KB at the Standard rate', () => {
    const usage = usageOf({
      ...base,
      storage_class: 'deep_archive',
      storage_gb: 1024,
      object_count: 1_048_576,
    })
    expect(usage.get('s3.storage_gb_month.deep_archive')?.toFixed()).toBe('1056')
    expect(usage.get('s3.storage_gb_month')?.toFixed()).toBe('8')
  })

  it('bills retrievals per GB and archive restores per request, by restore speed', () => {
    expect(rows(cost({ ...base, storage_class: 'standard_ia', retrieval_gb: 500 }))).toEqual({
      's3.retrieval_gb.standard_ia': '5',
    })
    const expedited = cost({
      ...base,
      storage_class: 'glacier_flexible',
      retrieval_tier: 'expedited',
      retrieval_gb: 100,
      restore_requests: 1000,
    })
    expect(rows(expedited)).toEqual({
      's3.retrieval_gb.glacier_flexible.expedited': '3',
      's3.restore_requests.glacier_flexible.expedited': '10',
    })
    const bulk = cost({
      ...base,
      storage_class: 'glacier_flexible',
      retrieval_tier: 'bulk',
      retrieval_gb: 100,
    })
    expect(bulk.total).toBe('0')
    expect(bulk.unpriced).toEqual([])
    expect(
      rows(cost({ ...base, storage_class: 'deep_archive', retrieval_tier: 'bulk', retrieval_gb: 1000 })),
    ).toEqual({ 's3.retrieval_gb.deep_archive.bulk': '2.5' })
  })

  it('reports what a region lacks as unpriced, never $0', () => {
    // Deep Archive storage: the 2025-04-08 rate map predates Asia Pacific (Taipei)
    const deepArchive = cost({ ...base, storage_class: 'deep_archive', storage_gb: 1000 }, 'ap-east-2')
    expect(deepArchive.unpriced.map((row) => row.usage_type)).toEqual(['s3.storage_gb_month.deep_archive'])
    const express = cost({ ...base, storage_class: 'express_one_zone', storage_gb: 10 }, 'sa-east-1')
    expect(express.unpriced.map((row) => row.usage_type)).toEqual(['s3.storage_gb_month.express_one_zone'])
    expect(express.total).toBe('0')
  })

  it("prices Deep Archive storage and PUTs outside us-east-1 from AWS's AmazonS3GlacierDeepArchive rate map of 2025-04-08", () => {
    // aws-price-watcher raw/s3glacierdeeparchive.json: 'Glacier Deep Archive GB Mo' and 'PUT to Glacier Deep
    // Archive Requests'. 1,000 GB-months and 1,000 PUTs: eu-west-1 $0.00099 and $0.055 per 1,000,
    // eu-west-2 $0.0018 and $0.06, sa-east-1 $0.0032 and $0.10, ap-south-1 $0.002 and $0.07
    const deep = { ...base, storage_class: 'deep_archive', storage_gb: 1000, put_requests: 1000 }
    for (const [region, total] of [
      ['eu-west-1', '1.045'],
      ['eu-west-2', '1.86'],
      ['sa-east-1', '3.3'],
      ['ap-south-1', '2.07'],
    ]) {
      const priced = cost(deep, region)
      expect(priced.unpriced, region).toEqual([])
      expect(priced.total, region).toBe(total)
    }
  })

  it('prices Deep Archive in Regions outside the main ten from the same map (page-rates-s3-deep-archive)', () => {
    // 1,000 GB-months and 1,000 PUTs: 'Africa (Cape Town)' 'Glacier Deep Archive GB Mo' $0.0018 and 'PUT to Glacier
    // Deep Archive Requests' $0.00006 ($0.06 per 1,000); 'EU (Stockholm)' $0.00099 and $0.000055; 'Mexico
    // (Central)' $0.002 and $0.0000525
    const deep = { ...base, storage_class: 'deep_archive', storage_gb: 1000, put_requests: 1000 }
    for (const [region, total] of [
      ['af-south-1', '1.86'],
      ['eu-north-1', '1.045'],
      ['mx-central-1', '2.0525'],
    ]) {
      const priced = cost(deep, region)
      expect(priced.unpriced, region).toEqual([])
      expect(priced.total, region).toBe(total)
    }
  })

  it('reports Express One Zone as not offered outside its seven Regions (s3-express-regions)', () => {
    for (const region of ['ca-central-1', 'ap-southeast-2', 'us-west-1']) {
      const express = cost(
        { ...base, storage_class: 'express_one_zone', storage_gb: 10, put_requests: 10 },
        region,
      )
      expect(express.total, region).toBe('0')
      expect(express.unpriced.map((row) => row.reason).sort(), region).toEqual([
        `AWS does not offer s3.requests.put.express_one_zone in ${region} (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Endpoints.html, as of 2026-12-07)`,
        `AWS does not offer s3.storage_gb_month.express_one_zone in ${region} (https://docs.aws.amazon.com/AmazonS3/latest/userguide/s3-express-Endpoints.html, as of 2026-12-07)`,
      ])
    }
  })

  it('prices the classes in other regions from their own rates', () => {
    // eu-west-1 Glacier Flexible PUT $0.033 per 1,000; ap-south-1 Standard-IA $0.0138 per GB-month
    expect(
      rows(cost({ ...base, storage_class: 'glacier_flexible', put_requests: 1000 }, 'eu-west-1')),
    ).toEqual({
      's3.requests.put.glacier_flexible': '0.033',
    })
    expect(rows(cost({ ...base, storage_class: 'standard_ia', storage_gb: 1000 }, 'ap-south-1'))).toEqual({
      's3.storage_gb_month.standard_ia': '13.8',
    })
  })

  it('refuses params that do not apply to the storage class', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = lineItemsToUsage([{ service: 's3', params: { ...base, ...params } }], bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({ retrieval_gb: 10 })).toEqual(['params.retrieval_gb'])
    expect(refused({ storage_class: 'standard_ia', it_infrequent_gb: 10 })).toEqual([
      'params.it_infrequent_gb',
    ])
    expect(refused({ storage_class: 'deep_archive', retrieval_tier: 'expedited' })).toEqual([
      'params.retrieval_tier',
    ])
    expect(refused({ storage_class: 'glacier_ir', restore_requests: 1 })).toEqual(['params.restore_requests'])
    expect(refused({ storage_class: 'standard', object_count: 5 })).toEqual(['params.object_count'])
    expect(refused({ storage_class: 'glacier' })).toEqual(['params.storage_class'])
  })
})
