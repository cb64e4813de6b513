import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('elasticache', [params], { region, includeFreeTier: true })
}
const refused = (params: Record<string, unknown>) => {
  const result = lineItemsToUsage([{ service: 'elasticache', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => `${detail.field}: ${detail.reason}`)
}

describe('ElastiCache', () => {
  it('bills node-based clusters per node-hour at the node type rate of the Region', () => {
    // 3 × cache.r6g.large × 730 h × $0.206 in us-east-1; eu-central-1 cache.m5.large $0.186
    expect(cents(cost({ node_type: 'cache.r6g.large', nodes: 3 }).total)).toBe('451.14')
    expect(cents(cost({ engine: 'memcached', node_type: 'cache.m5.large' }, 'eu-central-1').total)).toBe(
      '135.78',
    )
  })

  it('bills serverless data at the engine minimum, and ECPUs per million', () => {
    // Redis OSS: 0.2 GB stored is metered as 1 GB: 730 GB-hours × $0.125; 500M ECPUs × $0.0034 per million
    expect(cents(cost({ deployment: 'serverless', data_stored_gb: 0.2, ecpus: 500_000_000 }).total)).toBe(
      '92.95',
    )
    // 10 GB × 730 h × $0.125
    expect(cents(cost({ deployment: 'serverless', data_stored_gb: 10 }).total)).toBe('912.50')
  })

  it('prices Serverless Valkey below Redis OSS where both are sourced, with its 100 MB minimum', () => {
    // Seoul: 0.1 GB × 730 × $0.101 = $7.373 against 1 GB × 730 × $0.151 = $110.23
    const valkey = cost({ deployment: 'serverless', engine: 'valkey', data_stored_gb: 0 }, 'ap-northeast-2')
    const redis = cost({ deployment: 'serverless', engine: 'redis', data_stored_gb: 0 }, 'ap-northeast-2')
    expect(cents(valkey.total)).toBe('7.37')
    expect(cents(redis.total)).toBe('110.23')
  })

  it('prices Valkey nodes at their own rate, and Serverless in every Region of the rate map', () => {
    // 2 × cache.t4g.micro Valkey × 730 h × $0.0128 in us-east-1 (Redis OSS: $0.016)
    expect(cents(cost({ engine: 'valkey', node_type: 'cache.t4g.micro', nodes: 2 }).total)).toBe('18.69')
    // Mumbai Serverless Valkey: 10 GB × 730 h × $0.054 + 1,000M ECPUs × $0.0015 per million
    expect(
      cents(
        cost(
          { deployment: 'serverless', engine: 'valkey', data_stored_gb: 10, ecpus: 1_000_000_000 },
          'ap-south-1',
        ).total,
      ),
    ).toBe('395.70')
    // Bahrain cache.t3.micro Redis OSS × 730 h × $0.024
    expect(cents(cost({ node_type: 'cache.t3.micro' }, 'me-south-1').total)).toBe('17.52')
  })

  it('reports r6gd outside its 14 Regions, and m5/r5 in the newest Regions, as not offered', () => {
    const reasonOf = (nodeType: string, region: string) =>
      cost({ node_type: nodeType }, region).unpriced.map((row) => row.reason)
    // elasticache-r6gd-regions: every r6gd row of the 2026-03-18 rate map lists the same 14 Regions (and London for
    // 8xlarge), the guide's data tiering list; Seoul, Hong Kong or Tel Aviv are not among them.
    for (const region of ['ap-northeast-2', 'ap-east-1', 'il-central-1']) {
      expect(reasonOf('cache.r6gd.xlarge', region)).toEqual([
        `AWS does not offer elasticache.node_hours.cache.r6gd.xlarge in ${region} (https://github.com/iann0036/aws-price-watcher/blob/96c0db8785e55f516d8e454b13914d94d3ab6096/processed/elasticache.json, as of 2026-03-18)`,
      ])
    }
    // The ElastiCache guide names m7g/r7g and t3/t4g for Thailand and Mexico (Central); the map lists no m5 or r5 there
    expect(reasonOf('cache.m5.large', 'ap-southeast-7')).toEqual([
      'AWS does not offer elasticache.node_hours.cache.m5.large in ap-southeast-7 (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html, as of 2026-12-07)',
    ])
    // nor in Taipei, whose section lists t3, t4g, m6g, m7g, r6g and r7g (priced: 730 h × $0.2367 for r7g.large)
    expect(reasonOf('cache.r5.large', 'ap-east-2')).toEqual([
      'AWS does not offer elasticache.node_hours.cache.r5.large in ap-east-2 (https://github.com/iann0036/aws-price-watcher/blob/96c0db8785e55f516d8e454b13914d94d3ab6096/processed/elasticache.json, as of 2026-03-18)',
    ])
    expect(cents(cost({ node_type: 'cache.r7g.large' }, 'ap-east-2').total)).toBe('172.79')
  })

  it('prices London’s one r6gd size from the rate map and reports the other five as not offered there', () => {
    // page-rates-elasticache (2025-03-14): 'OnDemand Cache Instance Memory optimized cache r6gd.8xlarge Redis
    // datatiering Current Generation' $7.306 in EU (London); 2 nodes × 730 h = $10,666.76
    expect(cents(cost({ node_type: 'cache.r6gd.8xlarge', nodes: 2 }, 'eu-west-2').total)).toBe('10666.76')
    // elasticache-r6gd-regions: AWS's rate map of 2026-03-18 (aws-price-watcher processed/elasticache.json at
    // 96c0db8) lists the r6gd.xlarge, 2xlarge, 4xlarge, 12xlarge and 16xlarge rows in 14 Regions, not EU (London),
    // the Regions of the ElastiCache guide's r6gd list; the guide names the pricing page for per-Region node types.
    for (const size of ['xlarge', '2xlarge', '4xlarge', '12xlarge', '16xlarge']) {
      for (const engine of ['redis', 'valkey']) {
        const priced = cost({ engine, node_type: `cache.r6gd.${size}` }, 'eu-west-2')
        expect(priced.total, `${engine} ${size}`).toBe('0')
        const usageType = `elasticache.${engine === 'valkey' ? 'valkey_' : ''}node_hours.cache.r6gd.${size}`
        expect(priced.unpriced.map((row) => row.reason)).toEqual([
          `AWS does not offer ${usageType} in eu-west-2 (https://github.com/iann0036/aws-price-watcher/blob/96c0db8785e55f516d8e454b13914d94d3ab6096/processed/elasticache.json, as of 2026-03-18)`,
        ])
      }
    }
  })

  it('prices r6gd outside the main ten Regions from the rate map; types it does not list there stay unpriced', () => {
    // page-rates-elasticache (2025-03-14), 'OnDemand Cache Instance Memory optimized cache r6gd.<size> Redis
    // datatiering Current Generation'. 'Asia Pacific (Sydney)' r6gd.xlarge $0.937: 2 × 730 h = $1,368.02
    expect(cents(cost({ node_type: 'cache.r6gd.xlarge', nodes: 2 }, 'ap-southeast-2').total)).toBe('1368.02')
    // 'EU (Stockholm)' r6gd.4xlarge $3.300: 730 h = $2,409.00
    expect(cents(cost({ node_type: 'cache.r6gd.4xlarge' }, 'eu-north-1').total)).toBe('2409.00')
    // 'Canada (Central)' r6gd.16xlarge $13.631: 100 h = $1,363.10
    expect(cents(cost({ node_type: 'cache.r6gd.16xlarge', hours: 100 }, 'ca-central-1').total)).toBe(
      '1363.10',
    )
    // 'Africa (Cape Town)' lists no r6g (t3, m5 and r5 only in 2025; m7g and r7g too in the map of 2026-03-18):
    // cache.r6g.large has no rate there
    expect(
      cost({ node_type: 'cache.r6g.large' }, 'af-south-1').unpriced.map((row) => row.usage_type),
    ).toEqual(['elasticache.node_hours.cache.r6g.large'])
  })

  it('prices Regions outside the main ten from the rate map of 2026-03-18 (page-rates-elasticache-2026-03)', () => {
    // aws-price-watcher 96c0db8 processed/elasticache.json. 'OnDemand Cache Instance Memory optimized cache r7g.large
    // Redis Current Generation', 'Asia Pacific (Taipei)' $0.2367: 3 nodes × 730 h = $518.373
    expect(cents(cost({ node_type: 'cache.r7g.large', nodes: 3 }, 'ap-east-2').total)).toBe('518.37')
    // 'OnDemand ElastiCache Serverless Valkey per GB-Hours' $0.10605 and '... per ElastiCacheProcessingUnit'
    // $0.0000000028 in 'Asia Pacific (New Zealand)': 20 GB × 730 h × $0.10605 + 1,000M ECPUs × $0.0028 per million
    expect(
      cents(
        cost(
          { deployment: 'serverless', engine: 'valkey', data_stored_gb: 20, ecpus: 1_000_000_000 },
          'ap-southeast-6',
        ).total,
      ),
    ).toBe('1551.13')
    // '... cache m7g.large Valkey Current Generation', 'Africa (Cape Town)' $0.1660: 730 h = $121.18
    expect(cents(cost({ engine: 'valkey', node_type: 'cache.m7g.large' }, 'af-south-1').total)).toBe('121.18')
    // '... cache m5.large Redis Current Generation', 'Canada West (Calgary)' $0.1720: 730 h = $125.56
    expect(cents(cost({ node_type: 'cache.m5.large' }, 'ca-west-1').total)).toBe('125.56')
  })

  it('reports what has no sourced rate as unpriced, never $0: node types the rate map does not list there', () => {
    // The map of 2026-03-18 lists no m5 or r5 in Asia Pacific (Taipei) and no m6g, r6g or t4g in Zurich
    const taipei = cost({ engine: 'valkey', node_type: 'cache.m5.large' }, 'ap-east-2')
    expect(taipei.total).toBe('0')
    expect(taipei.unpriced.map((row) => row.usage_type)).toEqual([
      'elasticache.valkey_node_hours.cache.m5.large',
    ])
    expect(cost({ node_type: 'cache.t4g.micro' }, 'eu-central-2').unpriced).toHaveLength(1)
  })

  it('refuses an unknown node type and params of the other deployment', () => {
    expect(refused({ node_type: 'cache.x9.huge' })).toEqual([
      "params.node_type: unknown ElastiCache node type 'cache.x9.huge'",
    ])
    expect(refused({ deployment: 'node_based', ecpus: 5 })).toEqual([
      'params.ecpus: does not apply to node_based caches',
      'params.node_type: is required for node-based',
    ])
    expect(refused({ deployment: 'serverless', node_type: 'cache.t3.micro' })).toEqual([
      'params.node_type: does not apply to serverless caches',
    ])
  })

  it('imports clusters, replication groups (shards × nodes) and serverless caches', () => {
    const mapped = planToLineItems(
      terraformPlan([
        planResource('a', 'aws_elasticache_cluster', {
          engine: 'memcached',
          node_type: 'cache.t3.small',
          num_cache_nodes: 2,
        }),
        planResource('b', 'aws_elasticache_replication_group', {
          engine: 'valkey',
          node_type: 'cache.r7g.large',
          num_node_groups: 3,
          replicas_per_node_group: 1,
        }),
        planResource('c', 'aws_elasticache_serverless_cache', {
          engine: 'redis',
        }),
        planResource('replica', 'aws_elasticache_cluster', {
          replication_group_id: 'b',
        }),
      ]),
    )
    expect(mapped.items.map((item) => item.params)).toEqual([
      { deployment: 'node_based', engine: 'memcached', node_type: 'cache.t3.small', nodes: 2, hours: 730 },
      { deployment: 'node_based', engine: 'valkey', node_type: 'cache.r7g.large', nodes: 6, hours: 730 },
      { deployment: 'serverless', engine: 'redis', data_stored_gb: 0, ecpus: 0 },
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual(['priced with its replication group'])
  })
})
