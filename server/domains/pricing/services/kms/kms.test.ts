import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/kms/pricing/'

function cost(params: Record<string, unknown>, includeFreeTier = true, region = 'us-east-1') {
  return priceItems('kms', [params], { region, includeFreeTier })
}

describe(`KMS at the rates of ${PAGE}`, () => {
  it('bills $1 per key-month, rotated backing keys included', () => {
    expect(cents(cost({ keys: 3 }).total)).toBe('3.00')
    expect(cents(cost({ keys: 3, rotated_key_versions: 2 }).total)).toBe('5.00')
  })

  it('bills symmetric requests at $0.03 per 10,000 beyond 20,000 free a month', () => {
    // (2,000,000 − 20,000) × $0.03 / 10,000 = $5.94
    expect(cents(cost({ keys: 0, symmetric_requests: 2_000_000 }).total)).toBe('5.94')
    expect(cents(cost({ keys: 0, symmetric_requests: 2_000_000 }, false).total)).toBe('6.00')
    expect(cost({ keys: 0, symmetric_requests: 20_000 }).total).toBe('0')
  })

  it('bills asymmetric requests without the free tier: RSA 2048 at $0.03, others at $0.15 per 10,000', () => {
    const priced = cost({ keys: 0, rsa_2048_requests: 10_000, asymmetric_requests: 100_000 })
    expect(cents(priced.total)).toBe('1.53')
  })

  it('prices each of the ten main regions at the same rates', () => {
    for (const region of ['us-east-2', 'eu-west-1', 'ap-south-1', 'sa-east-1']) {
      expect(cents(cost({ keys: 1, symmetric_requests: 30_000 }, true, region).total)).toBe('1.03')
    }
  })

  it('prices the other Regions from the same rate map (Seoul, Canada Central, UAE)', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/kms.json at 508fb45: 'Encryption Key' 1.00, 'API request - Non Free Tier' 0.000003,
    // 'Asymmetric Requests RSA_2048' 0.000003, 'Asymmetric Requests except RSA_2048API' 0.000015 in all three:
    // $1 + (30,000 − 20,000 free) × 0.000003 + 10,000 × 0.000003 + 10,000 × 0.000015 = $1.21
    const item = {
      keys: 1,
      symmetric_requests: 30_000,
      rsa_2048_requests: 10_000,
      asymmetric_requests: 10_000,
    }
    for (const region of ['ap-northeast-2', 'ca-central-1', 'me-central-1']) {
      const priced = cost(item, true, region)
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe('1.21')
    }
  })

  it('refuses a fractional number of keys', () => {
    const result = lineItemsToUsage([{ service: 'kms', params: { keys: 1.5 } }], bundledCatalog)
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.keys' }] })
  })

  it('imports keys and replica keys as one key each, and skips aliases', () => {
    const plan = terraformPlan(
      ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_alias'].map((type) => planResource('main', type, {})),
    )
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['kms', { keys: 1 }],
      ['kms', { keys: 1 }],
    ])
    expect(mapped.skipped).toEqual([
      { address: 'aws_kms_alias.main', type: 'aws_kms_alias', reason: 'no charge of its own' },
    ])
  })
})
