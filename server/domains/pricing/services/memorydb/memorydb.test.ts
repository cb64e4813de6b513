import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { MAIN_REGIONS } from '../../coverage.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/memorydb/pricing/'

function usageOf(params: Record<string, unknown>) {
  const result = lineItemsToUsage([{ service: 'memorydb', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return result.usage
}
const cost = (params: Record<string, unknown>, region = 'us-east-1') =>
  priceUsage({ region, usage: usageOf(params), includeFreeTier: true, catalog: bundledCatalog })

describe(`MemoryDB at the rules of ${PAGE}`, () => {
  it('counts every primary and replica of every shard as node-hours of its type and engine', () => {
    const redis = usageOf({ node_type: 'db.r7g.large', shards: 2, replicas_per_shard: 2 })
    expect([...redis.keys()]).toEqual(['memorydb.node_hours.db.r7g.large'])
    const valkey = usageOf({ engine: 'valkey', node_type: 'db.r7g.large', shards: 2, replicas_per_shard: 2 })
    expect([...valkey.keys()]).toEqual(['memorydb.valkey_node_hours.db.r7g.large'])
    // 2 shards × (1 primary + 2 replicas) × 730 hours
    expect(String(valkey.get('memorydb.valkey_node_hours.db.r7g.large'))).toBe(String(2 * 3 * 730))
  })

  it('reports node-hours of a type without a sourced rate as unpriced, never $0', () => {
    const priced = cost({ node_type: 'db.r6g.large', shards: 1 })
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['memorydb.node_hours.db.r6g.large'])
  })

  it('prices N. Virginia and Mumbai nodes and snapshots from the offers of 2026-08-31', () => {
    // 1 shard × 2 nodes × 730 h × $0.309 + 50 GB-months of snapshots × $0.021
    const virginia = cost({ node_type: 'db.r7g.large', shards: 1, snapshot_storage_gb: 50 })
    expect(virginia.unpriced).toEqual([])
    expect(virginia.total).toBe('452.19')
    // The decision record's Mumbai figures: Valkey db.t4g.medium alone, 1,609.8 GB written inside the free 10 TB,
    // $0.0847 × 730 = $61.83; at ten times, db.r7g.xlarge with 16,098 GB written, $323.46 + 5,858 GB × $0.04
    // (the record counts 10 TB as 10,000 GB and prints $567.38; the catalog's band ends at 10,240 GB)
    const mumbai = (params: Record<string, unknown>) => cost(params, 'ap-south-1')
    const small = mumbai({
      engine: 'valkey',
      node_type: 'db.t4g.medium',
      shards: 1,
      replicas_per_shard: 0,
      data_written_gb: 1609.8,
    })
    expect(small.total).toBe('61.831')
    const large = mumbai({
      engine: 'valkey',
      node_type: 'db.r7g.xlarge',
      shards: 1,
      replicas_per_shard: 0,
      data_written_gb: 16_098,
    })
    expect(large.unpriced).toEqual([])
    expect(large.total).toBe('557.783')
    // Redis OSS there: $0.121 × 730 + 1,609.8 GB × $0.20
    const redis = mumbai({
      node_type: 'db.t4g.medium',
      shards: 1,
      replicas_per_shard: 0,
      data_written_gb: 1609.8,
    })
    expect(redis.total).toBe('410.29')
  })

  it('prices Seoul db.t4g.small nodes, data written and snapshots from the Price List figures of 2026-10-01', () => {
    const seoul = (params: Record<string, unknown>) => cost(params, 'ap-northeast-2')
    // 1 shard × (1 primary + 1 replica) × 730 h × $0.049 = $71.54, the Multi-AZ figure the source rounds to $71.5
    const valkey = seoul({ engine: 'valkey', node_type: 'db.t4g.small', shards: 1, data_written_gb: 500 })
    expect(valkey.unpriced).toEqual([])
    expect(valkey.total).toBe('71.54')
    // 730 h × $0.070 + 100 GB written × $0.20 + 10 GB-months of snapshots × $0.023
    const redis = seoul({
      node_type: 'db.t4g.small',
      shards: 1,
      replicas_per_shard: 0,
      data_written_gb: 100,
      snapshot_storage_gb: 10,
    })
    expect(redis.unpriced).toEqual([])
    expect(redis.total).toBe('71.33')
    // Valkey writes above the free 10 TB: $0.04 per GB from AWS's rate map of 2025-03-26 (page-rates-memorydb),
    // 730 h × 2 × $0.049 + (20,000 − 10,240) GB × $0.04
    const heavy = seoul({ engine: 'valkey', node_type: 'db.t4g.small', shards: 1, data_written_gb: 20_000 })
    expect(heavy.unpriced).toEqual([])
    expect(heavy.total).toBe('461.94')
    // db.r7g.large from the same map: 730 h × $0.369
    const r7g = seoul({ node_type: 'db.r7g.large', shards: 1, replicas_per_shard: 0 })
    expect(r7g.unpriced).toEqual([])
    expect(r7g.total).toBe('269.37')
  })

  it("prices the main Regions from AWS's rate map of 2025-03-26 (aws-price-watcher raw/memorydb.json)", () => {
    // Frankfurt: 1 shard × 2 nodes × 730 h × $0.371 (db r7g.large Redis) + 100 GB-months × $0.023
    const frankfurt = cost({ node_type: 'db.r7g.large', shards: 1, snapshot_storage_gb: 100 }, 'eu-central-1')
    expect(frankfurt.unpriced).toEqual([])
    expect(frankfurt.total).toBe('543.96')
    // São Paulo: Valkey db.t4g.small 730 h × $0.0637 + 10 GB-months × $0.037 + 12,240 GB written
    // ((12,240 − 10,240) × $0.04)
    const saoPaulo = cost(
      {
        engine: 'valkey',
        node_type: 'db.t4g.small',
        shards: 1,
        replicas_per_shard: 0,
        snapshot_storage_gb: 10,
        data_written_gb: 12_240,
      },
      'sa-east-1',
    )
    expect(saoPaulo.unpriced).toEqual([])
    expect(saoPaulo.total).toBe('126.871')
    // AWS sells no db.r7g node in São Paulo: the rate maps of 2025-03-26 and 2026-07-17 (page-rates-memorydb-2026-07,
    // aws-price-watcher processed/memorydb.json at c244a19) list db.r7g in 13 commercial Regions, not São Paulo,
    // whose section lists db.t4g, db.r6g and db.r6gd; reported as not offered, never $0. Nor in the five other
    // Regions whose sections of both maps list no db.r7g row.
    for (const region of [
      'sa-east-1',
      'ap-east-1',
      'ca-central-1',
      'eu-north-1',
      'eu-south-1',
      'eu-west-3',
    ]) {
      for (const engine of ['redis', 'valkey']) {
        for (const size of ['large', 'xlarge']) {
          const priced = cost({ engine, node_type: `db.r7g.${size}`, shards: 1 }, region)
          expect(priced.total).toBe('0')
          const usageType = `memorydb.${engine === 'valkey' ? 'valkey_' : ''}node_hours.db.r7g.${size}`
          expect(priced.unpriced.map((row) => row.reason)).toEqual([
            `AWS does not offer ${usageType} in ${region} (https://github.com/iann0036/aws-price-watcher/blob/c244a19501ec8ed1f8833c9eb49cf13325d6e0e9/processed/memorydb.json, as of 2026-07-17)`,
          ])
        }
      }
    }
    // db.t4g.small in N. Virginia and Mumbai: 730 h × $0.048 and × $0.0427 (Valkey)
    expect(cost({ node_type: 'db.t4g.small', shards: 1, replicas_per_shard: 0 }).total).toBe('35.04')
    expect(
      cost({ engine: 'valkey', node_type: 'db.t4g.small', shards: 1, replicas_per_shard: 0 }, 'ap-south-1')
        .total,
    ).toBe('31.171')
    // every main Region but São Paulo prices all 11 usage types
    for (const region of MAIN_REGIONS.filter((r) => r !== 'sa-east-1')) {
      const all = cost(
        { node_type: 'db.r7g.xlarge', shards: 1, data_written_gb: 1, snapshot_storage_gb: 1 },
        region,
      )
      expect(all.unpriced, region).toEqual([])
    }
  })

  it('prices Regions outside the main ten from the same rate map (page-rates-memorydb)', () => {
    // aws-price-watcher raw/memorydb.json, 'US West (N. California)': 'db r7g.large Redis Memory optimized' $0.309
    // and 'Amazon S3 per GB-Mo Redis 0 to Inf' $0.024: 1 shard × 2 nodes × 730 h × $0.309 + 50 GB-months × $0.024
    const california = cost({ node_type: 'db.r7g.large', shards: 1, snapshot_storage_gb: 50 }, 'us-west-1')
    expect(california.unpriced).toEqual([])
    expect(california.total).toBe('452.34')
    // 'EU (Stockholm)': 'db t4g.small Valkey General purpose' $0.0406, and the Valkey data-written SKU's second price
    // dimension $0.04 beyond the free 10 TB: 730 h × $0.0406 + (12,240 − 10,240) GB × $0.04 = $29.638 + $80
    const stockholm = cost(
      {
        engine: 'valkey',
        node_type: 'db.t4g.small',
        shards: 1,
        replicas_per_shard: 0,
        data_written_gb: 12_240,
      },
      'eu-north-1',
    )
    expect(stockholm.unpriced).toEqual([])
    expect(stockholm.total).toBe('109.638')
    // 'Asia Pacific (Sydney)': 'db t4g.small Redis General purpose' $0.071 and 'Data Written per GB Redis 0 to Inf'
    // $0.20: 730 h × $0.071 + 100 GB × $0.20 = $51.83 + $20
    const sydney = cost(
      { node_type: 'db.t4g.small', shards: 1, replicas_per_shard: 0, data_written_gb: 100 },
      'ap-southeast-2',
    )
    expect(sydney.total).toBe('71.83')
    // the map lists no db.r7g node in Stockholm (db.t4g only): unpriced, not $0
    expect(
      cost({ node_type: 'db.r7g.large', shards: 1 }, 'eu-north-1').unpriced.map((row) => row.usage_type),
    ).toEqual(['memorydb.node_hours.db.r7g.large'])
  })

  it('bills Redis OSS data written at $0.20 per GB and Valkey beyond 10 TB at $0.04', () => {
    // (a node type without a sourced rate, so only the data written is charged)
    expect(cost({ node_type: 'db.r6g.large', shards: 1, data_written_gb: 100 }).by_service[0]?.cost).toBe(
      '20',
    )
    const valkey = (gb: number) =>
      cost({ engine: 'valkey', node_type: 'db.r6g.large', shards: 1, data_written_gb: gb }).by_service[0]
        ?.cost
    expect(valkey(10_240)).toBe('0')
    // (12,240 − 10,240) × $0.04 = $80
    expect(valkey(12_240)).toBe('80')
  })

  it('refuses a node type that is not a MemoryDB one and more than 5 replicas', () => {
    const cache = lineItemsToUsage(
      [{ service: 'memorydb', params: { node_type: 'cache.r7g.large', shards: 1 } }],
      bundledCatalog,
    )
    expect(cache).toMatchObject({ ok: false, details: [{ field: 'params.node_type' }] })
    const replicas = lineItemsToUsage(
      [{ service: 'memorydb', params: { node_type: 'db.r7g.large', shards: 1, replicas_per_shard: 6 } }],
      bundledCatalog,
    )
    expect(replicas.ok).toBe(false)
  })

  it('imports a cluster with its shards and replicas, and skips ACLs and users', () => {
    const plan = terraformPlan([
      planResource('main', 'aws_memorydb_cluster', {
        node_type: 'db.t4g.small',
        num_shards: 2,
        engine: 'valkey',
      }),
      planResource('main', 'aws_memorydb_acl', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => item.params)).toEqual([
      {
        engine: 'valkey',
        node_type: 'db.t4g.small',
        shards: 2,
        replicas_per_shard: 1,
        hours: 730,
        data_written_gb: 0,
      },
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['no charge of its own'])
  })
})
