import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/efs/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('efs', [params], { region, includeFreeTier: true })
}

describe(`EFS at the rates of ${PAGE}`, () => {
  it('bills each storage class per GB-month', () => {
    // 100 × $0.30 + 1,000 × $0.008 + 200 × $0.16 + 500 × $0.0133
    const priced = cost({
      throughput_mode: 'bursting',
      standard_gb: 100,
      archive_gb: 1000,
      one_zone_gb: 200,
      one_zone_ia_gb: 500,
    })
    expect(cents(priced.total)).toBe('76.65')
  })

  it('stores Infrequent Access at $0.016 with Elastic throughput and $0.025 otherwise', () => {
    expect(cents(cost({ standard_gb: 0, infrequent_access_gb: 1000 }).total)).toBe('16.00')
    expect(
      cents(cost({ throughput_mode: 'bursting', standard_gb: 0, infrequent_access_gb: 1000 }).total),
    ).toBe('25.00')
  })

  it('bills Elastic reads at $0.03 and writes at $0.06 per GB, and cold-class access per GB', () => {
    // 1,000 × $0.03 + 500 × $0.06 + 100 × $0.01 + 100 × $0.03
    const priced = cost({
      standard_gb: 0,
      elastic_read_gb: 1000,
      elastic_write_gb: 500,
      infrequent_access_access_gb: 100,
      archive_access_gb: 100,
    })
    expect(cents(priced.total)).toBe('64.00')
  })

  it('bills provisioned throughput per MB/s-month and prices each region at its own rates', () => {
    expect(cents(cost({ throughput_mode: 'provisioned', standard_gb: 0, provisioned_mbps: 10 }).total)).toBe(
      '60.00',
    )
    // Frankfurt: 100 × $0.36
    expect(cents(cost({ standard_gb: 100 }, 'eu-central-1').total)).toBe('36.00')
  })

  it('refuses Elastic reads on a Bursting file system and provisioned MB/s without Provisioned throughput', () => {
    const result = lineItemsToUsage(
      [
        {
          service: 'efs',
          params: { throughput_mode: 'bursting', standard_gb: 1, elastic_read_gb: 5, provisioned_mbps: 1 },
        },
      ],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false })
    const fields = result.ok ? [] : result.details.map((detail) => detail.field)
    expect(fields).toEqual(['params.elastic_read_gb', 'params.provisioned_mbps'])
  })

  it('prices Seoul, Canada (Central) and UAE from the same rate map', () => {
    // page-rates-efs (github.com/lamngockhuong/aws-price lib/data/pricing/efs.json at 508fb45):
    // Seoul 'General Purpose Storage GB Mo' $0.33: 100 × $0.33
    expect(cents(cost({ throughput_mode: 'bursting', standard_gb: 100 }, 'ap-northeast-2').total)).toBe(
      '33.00',
    )
    // Canada (Central) 'Throughput Provisioned' $6.60: 10 MB/s × $6.60
    expect(
      cents(
        cost({ throughput_mode: 'provisioned', standard_gb: 0, provisioned_mbps: 10 }, 'ca-central-1').total,
      ),
    ).toBe('66.00')
    // UAE 'EFS Storage Requests Read per GB' $0.04 and 'Write per GB' $0.07: 1,000 × $0.04 + 500 × $0.07
    const uae = cost({ standard_gb: 0, elastic_read_gb: 1000, elastic_write_gb: 500 }, 'me-central-1')
    expect(uae.unpriced).toEqual([])
    expect(cents(uae.total)).toBe('75.00')
  })

  it('reports a storage class the region lacks as unpriced, never $0', () => {
    // The EFS rate map lists no One Zone rate in Middle East (UAE).
    const priced = cost({ standard_gb: 0, one_zone_gb: 10 }, 'me-central-1')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['efs.storage_gb_month.one_zone'])
  })

  it('imports a file system with its throughput mode, and skips mount targets', () => {
    const plan = terraformPlan([
      planResource('shared', 'aws_efs_file_system', { throughput_mode: 'bursting' }),
      planResource('a', 'aws_efs_mount_target', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['efs', { throughput_mode: 'bursting', standard_gb: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual(['no charge of its own'])
  })
})
