import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/waf/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('waf', [params], { region, includeFreeTier: true })
}

describe(`WAF at the rates of ${PAGE}`, () => {
  it('bills $5 per web ACL, $1 per rule and $0.60 per million requests', () => {
    // 2 × $5 + 15 × $1 + 50M × $0.60/M
    expect(cents(cost({ web_acls: 2, rules: 15, requests: 50_000_000 }).total)).toBe('55.00')
    expect(cents(cost({ web_acls: 2, rules: 15, requests: 50_000_000 }, 'ap-northeast-1').total)).toBe(
      '55.00',
    )
  })

  it('prices the other Regions from the same rate map, requests at their own rate', () => {
    // github.com/lamngockhuong/aws-price lib/data/pricing/waf.json at 508fb45: 'WebACL per month' 5.00 and 'Rules added per WebACL per month' 1.00
    // in all three; 'Web Requests received per Request' 0.0000006 in Seoul, 0.00000065 in Zurich, 0.0000007 in Spain.
    const item = { web_acls: 2, rules: 15, requests: 50_000_000 }
    expect(cents(cost(item, 'ap-northeast-2').total)).toBe('55.00') // $10 + $15 + $30
    expect(cents(cost(item, 'eu-central-2').total)).toBe('57.50') // $10 + $15 + $32.50
    expect(cents(cost(item, 'eu-south-2').total)).toBe('60.00') // $10 + $15 + $35
  })

  it('prices Taipei and New Zealand from the rate map of 2025-12-30 (page-rates-waf-2025-12)', () => {
    // aws-price-watcher processed/waf.json at 9c1ab41: 'WebACL per month' 5.0000000000, 'Rules added per WebACL per
    // month' 1.0000000000 and 'Web Requests received per Request' 0.0000006000 under 'Asia Pacific (Taipei)' and
    // 'Asia Pacific (New Zealand)'; the same map still gives 'EU (Zurich)' 0.0000006500.
    const item = { web_acls: 2, rules: 15, requests: 50_000_000 }
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost(item, region)
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe('55.00') // $10 + $15 + 50M × $0.60/M
    }
    expect(cents(cost(item, 'eu-central-2').total)).toBe('57.50')
  })

  it('refuses a negative rule count', () => {
    const result = lineItemsToUsage(
      [{ service: 'waf', params: { web_acls: 1, rules: -1, requests: 0 } }],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.rules' }] })
  })

  it('imports a web ACL with its rules, and skips associations', () => {
    const plan = terraformPlan([
      planResource('main', 'aws_wafv2_web_acl', {
        scope: 'REGIONAL',
        rule: [{ name: 'common' }, { name: 'rate-limit' }],
      }),
      planResource('alb', 'aws_wafv2_web_acl_association', {}),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['waf', { web_acls: 1, rules: 2, requests: 0 }],
    ])
    expect(mapped.skipped.map((skip) => skip.address)).toEqual(['aws_wafv2_web_acl_association.alb'])
  })
})
