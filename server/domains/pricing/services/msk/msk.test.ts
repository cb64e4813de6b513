import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/msk/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('msk', [params], { region, includeFreeTier: true })
}

describe(`MSK at the rates of ${PAGE}`, () => {
  it('bills provisioned broker-hours by type and each broker’s storage per GB-month', () => {
    // 3 × 744 h × $0.21 = $468.72; 3 brokers × 1,000 GB for 744 of 730 hours × $0.10 = $305.75
    const priced = cost({
      broker_type: 'kafka.m5.large',
      brokers: 3,
      hours: 744,
      storage_gb_per_broker: 1000,
    })
    expect(cents(priced.total)).toBe('774.47')
  })

  it('adds tiered storage and its retrieval', () => {
    // 2 × 730 × $0.0456 = $66.58; 500 GB-month × $0.06 = $30; 1,000 GB × $0.0015 = $1.50
    const priced = cost({
      broker_type: 'kafka.t3.small',
      brokers: 2,
      tiered_storage_gb: 500,
      tiered_retrieved_gb: 1000,
    })
    expect(cents(priced.total)).toBe('98.08')
  })

  it('bills Serverless cluster-hours, partition-hours, GB in and out and GB-months stored', () => {
    // 730 × $0.75 = $547.50; 100 × 730 × $0.0015 = $109.50; 1,000 × $0.10 + 2,000 × $0.05 = $200; 50 × $0.10 = $5
    const priced = cost({
      cluster_type: 'serverless',
      partitions: 100,
      data_in_gb: 1000,
      data_out_gb: 2000,
      serverless_storage_gb: 50,
    })
    expect(cents(priced.total)).toBe('862.00')
  })

  it('prices each Region at its own rate and reports Serverless where it is not listed as unpriced', () => {
    expect(cents(cost({ broker_type: 'kafka.m7g.large', brokers: 1 }, 'eu-west-1').total)).toBe('166.08')
    const saoPaulo = cost({ cluster_type: 'serverless' }, 'sa-east-1')
    expect(saoPaulo.total).toBe('0')
    expect(saoPaulo.unpriced.map((row) => row.usage_type)).toEqual(['msk.serverless_cluster_hours'])
  })

  it('reports Serverless outside its 14 Regions as not offered, and broker types the rate map lacks as unpriced', () => {
    // msk-serverless-regions: "MSK Serverless is available in" 14 Regions, not US West (N. California) or Asia
    // Pacific (Hong Kong); the rate map of 2025-10-09 lists its Serverless rates in the same 14
    for (const region of ['us-west-1', 'ap-east-1']) {
      const serverless = cost({ cluster_type: 'serverless', partitions: 10 }, region)
      expect(serverless.total, region).toBe('0')
      expect(serverless.unpriced.map((row) => row.reason).sort(), region).toEqual([
        `AWS does not offer msk.serverless_cluster_hours in ${region} (https://docs.aws.amazon.com/msk/latest/developerguide/serverless.html, as of 2026-12-07)`,
        `AWS does not offer msk.serverless_partition_hours in ${region} (https://docs.aws.amazon.com/msk/latest/developerguide/serverless.html, as of 2026-12-07)`,
      ])
    }
    // 'Africa (Cape Town)' lists 'RunBroker m5.large' ($0.278) but no m7g: a missing price, not a not-offered claim
    expect(cents(cost({ broker_type: 'kafka.m5.large', brokers: 1 }, 'af-south-1').total)).toBe('202.94')
    const m7g = cost({ broker_type: 'kafka.m7g.large', brokers: 1 }, 'af-south-1')
    expect(m7g.unpriced.map((row) => row.reason)).toEqual([expect.not.stringMatching(/^AWS does not offer/)])
  })

  it('prices New Zealand from the rate map of 2025-12-22 (page-rates-msk-2025-12)', () => {
    // aws-price-watcher e1955e7 processed/msk.json, 'Asia Pacific (New Zealand)': 'RunBroker m7g.large'
    // 0.2678000000 and 'RunVolume GP2' 0.1260000000: 3 × 730 h × $0.2678 + 3 × 100 GB × $0.126 = $586.482 + $37.80
    const brokers = cost(
      { broker_type: 'kafka.m7g.large', brokers: 3, storage_gb_per_broker: 100 },
      'ap-southeast-6',
    )
    expect(brokers.unpriced).toEqual([])
    expect(cents(brokers.total)).toBe('624.28')
    // 'RunBroker t3.small' 0.0607255200, 'TieredStorage Tiered storage' 0.0693000000 and '-DataRetrieval'
    // 0.0017325000: 2 × 730 × $0.06072552 + 500 × $0.0693 + 1,000 × $0.0017325 = $88.659 + $34.65 + $1.7325
    const tiered = cost(
      { broker_type: 'kafka.t3.small', brokers: 2, tiered_storage_gb: 500, tiered_retrieved_gb: 1000 },
      'ap-southeast-6',
    )
    expect(tiered.unpriced).toEqual([])
    expect(cents(tiered.total)).toBe('125.04')
    // the map lists no 'RunBroker m5.large' there: unpriced
    const m5 = cost({ broker_type: 'kafka.m5.large', brokers: 1 }, 'ap-southeast-6')
    expect(m5.unpriced.map((row) => row.usage_type)).toEqual(['msk.broker_hours.kafka.m5.large'])
  })

  it('refuses an unknown broker type, a missing one, and params of the other cluster type', () => {
    const unknown = lineItemsToUsage(
      [{ service: 'msk', params: { broker_type: 'kafka.x9.huge', brokers: 3 } }],
      bundledCatalog,
    )
    expect(unknown).toMatchObject({ ok: false, details: [{ field: 'params.broker_type' }] })
    const missing = lineItemsToUsage([{ service: 'msk', params: { brokers: 3 } }], bundledCatalog)
    expect(missing).toMatchObject({ ok: false, details: [{ field: 'params.broker_type' }] })
    const mixed = lineItemsToUsage(
      [{ service: 'msk', params: { cluster_type: 'serverless', brokers: 3 } }],
      bundledCatalog,
    )
    expect(mixed).toMatchObject({ ok: false, details: [{ field: 'params.brokers' }] })
  })

  it('imports provisioned clusters with their volume and Serverless clusters with no usage yet', () => {
    const plan = terraformPlan([
      planResource('events', 'aws_msk_cluster', {
        number_of_broker_nodes: 3,
        broker_node_group_info: [
          {
            instance_type: 'kafka.m7g.large',
            storage_info: [{ ebs_storage_info: [{ volume_size: 500 }] }],
          },
        ],
      }),
      planResource('legacy', 'aws_msk_cluster', {
        number_of_broker_nodes: 2,
        broker_node_group_info: [{ instance_type: 'kafka.m5.large', ebs_volume_size: 100 }],
      }),
      planResource('bursty', 'aws_msk_serverless_cluster', {}),
      planResource('config', 'aws_msk_configuration', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => item.params)).toEqual([
      {
        cluster_type: 'provisioned',
        broker_type: 'kafka.m7g.large',
        brokers: 3,
        hours: 730,
        storage_gb_per_broker: 500,
      },
      {
        cluster_type: 'provisioned',
        broker_type: 'kafka.m5.large',
        brokers: 2,
        hours: 730,
        storage_gb_per_broker: 100,
      },
      { cluster_type: 'serverless', hours: 730, partitions: 0, data_in_gb: 0, data_out_gb: 0 },
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['no charge of its own'])
  })
})
