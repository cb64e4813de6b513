import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/elasticloadbalancing/pricing/'

function usage(params: Record<string, unknown>) {
  const result = lineItemsToUsage([{ service: 'elb', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return result.usage
}
const quantities = (params: Record<string, unknown>) =>
  Object.fromEntries([...usage(params)].map(([usageType, quantity]) => [usageType, quantity.toString()]))
function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceUsage({ region, usage: usage(params), includeFreeTier: true, catalog: bundledCatalog })
}

describe(`Elastic Load Balancing at the rates of ${PAGE}`, () => {
  it('bills an ALB per hour and its LCUs by the largest dimension', () => {
    // dimensions: 50/25 = 2 new, 6,000/3,000 = 2 active, 3 GB/1 = 3 processed, 1,000/1,000 = 1 rules → 3 LCUs
    const params = {
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 50,
      active_connections_per_minute: 6000,
      processed_gb_per_hour: 3,
      rule_evaluations_per_second: 1000,
    }
    expect(quantities(params)).toEqual({ 'elb.alb_hours': '730', 'elb.alb_lcu_hours': '2190' })
    // 730 × $0.0225 + 2,190 × $0.008
    expect(cents(cost(params).total)).toBe('33.95')
  })

  it('counts 0.4 GB per LCU-hour for an ALB with Lambda targets', () => {
    expect(
      quantities({ load_balancers: 2, hours: 100, processed_gb_per_hour: 1, lambda_targets: true }),
    ).toEqual({
      'elb.alb_hours': '200',
      'elb.alb_lcu_hours': '500',
    })
  })

  it('bills an NLB per hour and its NLCUs by protocol', () => {
    // TCP: 1,600/800 = 2 new; TLS: 1,600/50 = 32 new
    const tcp = {
      load_balancer_type: 'network',
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 1600,
    }
    expect(quantities(tcp)).toEqual({ 'elb.nlb_hours': '730', 'elb.nlb_lcu_hours': '1460' })
    expect(quantities({ ...tcp, protocol: 'tls' })['elb.nlb_lcu_hours']).toBe('23360')
    // 730 × $0.0225 + 1,460 × $0.006
    expect(cents(cost(tcp).total)).toBe('25.19')
  })

  it('prices a London NLB from the eu-west-2 AWSELB offer slice of 2026-08-31', () => {
    const tcp = {
      load_balancer_type: 'network',
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 1600,
    }
    // 730 × $0.02646 + 1,460 NLCU-hours × $0.006
    expect(cents(cost(tcp, 'eu-west-2').total)).toBe('28.08')
    expect(cost(tcp, 'eu-west-2').unpriced).toEqual([])
  })

  it('prices Ohio from its offer (ALB) and the elb rate map (NLB)', () => {
    // us-east-2: the ALB from its AWSELB offer of 2026-09-11 as quoted, the NLB from AWS's elb rate map of
    // 2025-05-20 (page-rates-elb)
    const alb = cost({ load_balancers: 1, processed_gb_per_hour: 1 }, 'us-east-2')
    expect(alb.unpriced).toEqual([])
    expect(cents(alb.total)).toBe('22.27') // 730 × $0.0225 + 730 LCU-hours × $0.008
    const nlb = {
      load_balancer_type: 'network',
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 1600,
    }
    const ohio = cost(nlb, 'us-east-2')
    expect(ohio.unpriced).toEqual([])
    expect(cents(ohio.total)).toBe('25.19') // 730 × $0.0225 + 1,460 NLCU-hours × $0.006
  })

  it('prices Taipei and New Zealand from the elb rate map of 2026-07-20 (page-rates-elb-2026-07)', () => {
    // aws-price-watcher processed/elb.json at 35e238c, 'Asia Pacific (Taipei)' (the Region, not the Local Zone
    // 'Taiwan (Taipei)'): 'Application Load Balancer Hours' $0.0219, 'Application Load Balancer LCU Hours' $0.008:
    // 730 × $0.0219 + 730 LCU-hours × $0.008 = $15.987 + $5.84
    const alb = { load_balancers: 1, processed_gb_per_hour: 1 }
    const taipei = cost(alb, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(taipei.total).toBe('21.827')
    // 'Asia Pacific (New Zealand)': 'Network Load Balancer Hours' $0.02646 and 'Network Load Balancer LCU Hours'
    // $0.0063: 730 × $0.02646 + 1,460 NLCU-hours × $0.0063 = $19.3158 + $9.198
    const nlb = {
      load_balancer_type: 'network',
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 1600,
    }
    const auckland = cost(nlb, 'ap-southeast-6')
    expect(auckland.unpriced).toEqual([])
    expect(auckland.total).toBe('28.5138')
  })

  it('prices load balancers outside the main Regions from the elb rate map of 2025-05-20 (page-rates-elb)', () => {
    // aws-price-watcher raw/elb.json, 'US West (N. California)': 'Application Load Balancer Hours' $0.0252 and
    // 'Application Load Balancer LCU Hours' $0.008: 730 × $0.0252 + 730 LCU-hours × $0.008 = $18.396 + $5.84
    const alb = { load_balancers: 1, processed_gb_per_hour: 1 }
    const california = cost(alb, 'us-west-1')
    expect(california.unpriced).toEqual([])
    expect(california.total).toBe('24.236')
    // 'Africa (Cape Town)': $0.03 and $0.0095: 730 × $0.03 + 730 × $0.0095 = $21.90 + $6.935
    expect(cost(alb, 'af-south-1').total).toBe('28.835')
    // 'Middle East (Bahrain)': 'Network Load Balancer Hours' $0.02772 and 'Network Load Balancer LCU Hours' $0.0066:
    // 730 × $0.02772 + 1,460 NLCU-hours × $0.0066 = $20.2356 + $9.636
    const nlb = {
      load_balancer_type: 'network',
      load_balancers: 1,
      hours: 730,
      new_connections_per_second: 1600,
    }
    const bahrain = cost(nlb, 'me-south-1')
    expect(bahrain.unpriced).toEqual([])
    expect(bahrain.total).toBe('29.8716')
  })

  it('refuses ALB-only params on an NLB', () => {
    const result = lineItemsToUsage(
      [
        {
          service: 'elb',
          params: { load_balancer_type: 'network', load_balancers: 1, rule_evaluations_per_second: 5 },
        },
      ],
      bundledCatalog,
    )
    expect(result).toMatchObject({ ok: false, details: [{ field: 'params.rule_evaluations_per_second' }] })
  })

  it('imports application and network load balancers, and reports gateway ones unpriced', () => {
    const plan = terraformPlan([
      planResource('web', 'aws_lb', { load_balancer_type: 'application' }),
      planResource('tcp', 'aws_lb', { load_balancer_type: 'network' }),
      planResource('fw', 'aws_lb', { load_balancer_type: 'gateway' }),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['elb', { load_balancer_type: 'application', load_balancers: 1, hours: 730 }],
      ['elb', { load_balancer_type: 'network', load_balancers: 1, hours: 730 }],
    ])
    expect(mapped.skipped.map((skip) => skip.reason)).toEqual([
      'gateway load balancers are not in the pricing catalog (unpriced)',
    ])
  })
})
