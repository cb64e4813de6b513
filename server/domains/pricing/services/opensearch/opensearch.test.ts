import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('opensearch', [params], { region, includeFreeTier: true })
}
const fieldsOf = (params: Record<string, unknown>) => {
  const result = lineItemsToUsage([{ service: 'opensearch', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}
const gp2Domain = {
  instance_type: 'c4.2xlarge.search',
  instance_count: 3,
  dedicated_master_type: 'c4.8xlarge.search',
  dedicated_master_count: 1,
  ultrawarm_type: 'ultrawarm1.medium.search',
  ultrawarm_count: 2,
  storage_type: 'gp2',
  storage_gb_per_node: 100,
}

describe('OpenSearch Service at the Price List rates Infracost prints', () => {
  it('bills data, master and UltraWarm nodes per instance-hour and EBS per data node', () => {
    // Infracost's gp2 domain's nodes ($1,285.53 + $1,713.31 + $347.48) and 3 × 100 GB × $0.135
    expect(cents(cost(gp2Domain).total)).toBe('3386.82')
    // io1: one c4.2xlarge node ($428.51) + 1,000 GB × $0.169 + 10 IOPS × $0.088
    const io1 = {
      instance_type: 'c4.2xlarge.search',
      instance_count: 1,
      hours: 730,
      storage_type: 'io1',
      storage_gb_per_node: 1000,
      provisioned_iops_per_node: 10,
    }
    expect(cents(cost(io1).total)).toBe('598.39')
  })

  it('bills Serverless OCUs per hour and managed storage per GB-month', () => {
    // (2 + 2) OCUs × 730 h × $0.24 + 100 GB × $0.024
    const priced = cost({
      deployment: 'serverless',
      indexing_ocus: 2,
      search_ocus: 2,
      managed_storage_gb: 100,
    })
    expect(cents(priced.total)).toBe('703.20')
    // Half OCUs for a small collection: 0.5 + 0.5 OCUs × 730 h
    expect(cents(cost({ deployment: 'serverless', indexing_ocus: 0.5, search_ocus: 0.5 }).total)).toBe(
      '175.20',
    )
  })

  it('reports a region without sourced prices as unpriced, never $0', () => {
    const priced = cost(
      { instance_type: 'c4.2xlarge.search', instance_count: 1, storage_gb_per_node: 10 },
      'mx-central-1',
    )
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual([
      'opensearch.instance_hours.c4.2xlarge.search',
      'opensearch.storage_gb_month.gp3',
    ])
  })

  it('prices gp3 storage in us-west-2, eu-central-1 and ap-northeast-1 (AmazonES offers of 2026-09-03)', () => {
    // Frankfurt: 2 nodes × 730 h × $0.67 + 2 × 100 GB × $0.1452 = $978.20 + $29.04
    const frankfurt = cost(
      { instance_type: 'c4.2xlarge.search', instance_count: 2, storage_gb_per_node: 100 },
      'eu-central-1',
    )
    expect(frankfurt.unpriced).toEqual([])
    expect(cents(frankfurt.total)).toBe('1007.24')
    // Tokyo 100 GB × $0.1464, Oregon 100 GB × $0.122 beside one c4.2xlarge.search node
    const tokyo = cost(
      { instance_type: 'c4.2xlarge.search', instance_count: 1, storage_gb_per_node: 100 },
      'ap-northeast-1',
    )
    expect(cents(tokyo.total)).toBe('557.03')
    const oregon = cost(
      { instance_type: 'c4.2xlarge.search', instance_count: 1, storage_gb_per_node: 100 },
      'us-west-2',
    )
    expect(cents(oregon.total)).toBe('440.71')
  })

  it('prices EBS in the other main Regions at the On-Demand rate map (page-rates-opensearch-ebs, 2024-08-28)', () => {
    // London, 2 data nodes × 100 GB: gp2 $0.157, io1 $0.196 + 1,000 IOPS × $0.103, standard $0.078;
    // nodes at the reserved-instance rows' On-Demand rate, so compare the storage lines alone
    const storage = (params: Record<string, unknown>, region: string) =>
      cost({ instance_type: 'c4.2xlarge.search', instance_count: 2, ...params }, region)
        .by_service[0]?.by_usage_type.filter((row) => !row.usage_type.startsWith('opensearch.instance_hours'))
        .map((row) => [row.usage_type, row.cost])
    expect(storage({ storage_type: 'gp2', storage_gb_per_node: 100 }, 'eu-west-2')).toEqual([
      ['opensearch.storage_gb_month.gp2', '31.4'],
    ])
    expect(
      storage(
        { storage_type: 'io1', storage_gb_per_node: 100, provisioned_iops_per_node: 1000 },
        'eu-west-2',
      ),
    ).toEqual([
      ['opensearch.piops_month', '206'],
      ['opensearch.storage_gb_month.io1', '39.2'],
    ])
    expect(storage({ storage_type: 'standard', storage_gb_per_node: 100 }, 'eu-west-2')).toEqual([
      ['opensearch.storage_gb_month.standard', '15.6'],
    ])
    // São Paulo gp3 $0.2318, Mumbai $0.1391, Ohio $0.122, Singapore $0.1464 per GB-month
    expect(storage({ storage_gb_per_node: 100 }, 'sa-east-1')).toEqual([
      ['opensearch.storage_gb_month.gp3', '46.36'],
    ])
    expect(storage({ storage_gb_per_node: 100 }, 'ap-south-1')).toEqual([
      ['opensearch.storage_gb_month.gp3', '27.82'],
    ])
    expect(storage({ storage_gb_per_node: 100 }, 'us-east-2')).toEqual([
      ['opensearch.storage_gb_month.gp3', '24.4'],
    ])
    expect(storage({ storage_gb_per_node: 100 }, 'ap-southeast-1')).toEqual([
      ['opensearch.storage_gb_month.gp3', '29.28'],
    ])
  })

  it('prices c4 nodes in the other main Regions at the rate maps (opensearch-ri-rows, 2025-04-04)', () => {
    // Ireland: the reserved-instance rows give c4.2xlarge.search On-Demand $0.668 an hour, 730 h = $487.64,
    // plus 10 GB of gp3 × $0.1342 (the On-Demand rate map of 2024-08-28) = $1.342
    const ireland = cost(
      { instance_type: 'c4.2xlarge.search', instance_count: 1, storage_gb_per_node: 10 },
      'eu-west-1',
    )
    expect(ireland.unpriced).toEqual([])
    expect(cents(ireland.total)).toBe('488.98')
    // São Paulo: 3 data nodes × $0.912 + 1 master × $3.643, 730 h = $1,997.28 + $2,659.39
    const saoPaulo = cost(
      {
        instance_type: 'c4.2xlarge.search',
        instance_count: 3,
        dedicated_master_type: 'c4.8xlarge.search',
        dedicated_master_count: 1,
        storage_gb_per_node: 0,
      },
      'sa-east-1',
    )
    expect(cents(saoPaulo.total)).toBe('4656.67')
  })

  it('prices Regions outside the main ten at the rate maps (page-rates-opensearch-ebs, opensearch-ri-rows)', () => {
    // 'Canada (Central)': the reserved-instance rows' OnDemand:PricePerUnit for c4.2xlarge.search $0.646 (also the
    // On-Demand map's 'c4 2xlarge.search - OnDemand - Compute optimized - Current Generation') and the On-Demand
    // map's 'EBS Volume General Purpose' $0.148: 2 × 730 h × $0.646 + 2 × 100 GB × $0.148 = $943.16 + $29.60
    const canada = cost(
      {
        instance_type: 'c4.2xlarge.search',
        instance_count: 2,
        storage_type: 'gp2',
        storage_gb_per_node: 100,
      },
      'ca-central-1',
    )
    expect(canada.unpriced).toEqual([])
    expect(cents(canada.total)).toBe('972.76')
    // 'EU (Stockholm)': 'EBS Volume Provisioned Storage' $0.1767 and 'EBS Volume Provisioned IOPS' $0.09215:
    // 100 GB × $0.1767 + 1,000 IOPS × $0.09215 (no c4 row there, so the node stays unpriced)
    const stockholm = cost(
      {
        instance_type: 'c4.2xlarge.search',
        instance_count: 1,
        storage_type: 'io1',
        storage_gb_per_node: 100,
        provisioned_iops_per_node: 1000,
      },
      'eu-north-1',
    )
    expect(
      stockholm.by_service[0]?.by_usage_type
        .filter((row) => !row.usage_type.startsWith('opensearch.instance_hours'))
        .map((row) => [row.usage_type, row.cost]),
    ).toEqual([
      ['opensearch.piops_month', '92.15'],
      ['opensearch.storage_gb_month.io1', '17.67'],
    ])
    // The rate map's c4 rows name no Stockholm (opensearch-c4-regions): the node is not offered there, still not $0
    expect(stockholm.unpriced.map((row) => row.usage_type)).toEqual([
      'opensearch.instance_hours.c4.2xlarge.search',
    ])
    expect(stockholm.unpriced[0]?.reason).toMatch(
      /^AWS does not offer opensearch\.instance_hours\.c4\.2xlarge\.search in eu-north-1/,
    )
  })

  it('prices Serverless OCUs in Seoul at the billed rate (opensearch-serverless-apn2-bill)', () => {
    // APN2-IndexingOCU and APN2-SearchOCU at $0.293 an OCU-hour: (1 + 1) OCUs × 730 h × $0.293; managed storage
    // has no sourced Seoul rate and stays unpriced
    const seoul = cost(
      { deployment: 'serverless', indexing_ocus: 1, search_ocus: 1, managed_storage_gb: 10 },
      'ap-northeast-2',
    )
    expect(cents(seoul.total)).toBe('427.78')
    expect(seoul.unpriced.map((row) => row.usage_type)).toEqual(['opensearch.managed_storage_gb_month'])
  })

  it('refuses an unknown instance type, quarter OCUs and params of the other deployment', () => {
    expect(fieldsOf({ instance_type: 'x9.huge.search', instance_count: 1 })).toEqual(['params.instance_type'])
    expect(fieldsOf({ deployment: 'serverless', indexing_ocus: 0.25 })).toEqual(['params.indexing_ocus'])
    expect(fieldsOf({ deployment: 'serverless', instance_type: 'c4.2xlarge.search' })).toEqual([
      'params.instance_type',
    ])
    expect(
      fieldsOf({ instance_type: 'c4.2xlarge.search', instance_count: 1, provisioned_iops_per_node: 5 }),
    ).toEqual(['params.provisioned_iops_per_node'])
  })

  it('imports a domain with its nodes and volumes, and a Serverless collection', () => {
    const plan = terraformPlan([
      planResource('logs', 'aws_opensearch_domain', {
        cluster_config: [
          {
            instance_type: 'c4.2xlarge.search',
            instance_count: 3,
            dedicated_master_enabled: true,
            dedicated_master_type: 'c4.8xlarge.search',
            dedicated_master_count: 3,
            warm_enabled: false,
          },
        ],
        ebs_options: [{ ebs_enabled: true, volume_size: 100, volume_type: 'gp3' }],
      }),
      planResource('vectors', 'aws_opensearchserverless_collection', { type: 'VECTORSEARCH' }),
    ])
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      {
        deployment: 'managed',
        instance_type: 'c4.2xlarge.search',
        instance_count: 3,
        hours: 730,
        dedicated_master_type: 'c4.8xlarge.search',
        dedicated_master_count: 3,
        storage_type: 'gp3',
        storage_gb_per_node: 100,
      },
      { deployment: 'serverless', hours: 730, indexing_ocus: 0, search_ocus: 0, managed_storage_gb: 0 },
    ])
  })
})
