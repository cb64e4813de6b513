import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('apprunner', [params], { region, includeFreeTier: true })
}
const fieldsOf = (params: Record<string, unknown>) => {
  const result = lineItemsToUsage([{ service: 'apprunner', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}

describe('App Runner at the rates of https://aws.amazon.com/apprunner/pricing/', () => {
  it('bills provisioned memory all month, active vCPU, and the memory of scaled-out instances', () => {
    // 1 instance × 2 GB × 730 h × $0.007 = $10.22
    expect(cents(cost({ provisioned_instances: 1 }).total)).toBe('10.22')
    // + 200 active instance-hours × 1 vCPU × $0.064 + 50 scaled-out hours × 2 GB × $0.007
    expect(
      cents(
        cost({ provisioned_instances: 1, active_instance_hours: 200, scaled_out_instance_hours: 50 }).total,
      ),
    ).toBe('23.72')
  })

  it("prices Tokyo memory at the page's $0.009 and vCPU at the rate map's $0.0809", () => {
    // 730 h × 2 GB × $0.009 + 10 active hours × 1 vCPU × $0.0809 (page-rates-apprunner, map of 2026-08-31)
    const priced = cost({ provisioned_instances: 1, active_instance_hours: 10 }, 'ap-northeast-1')
    expect(priced.unpriced).toEqual([])
    expect(cents(priced.total)).toBe('13.95')
  })

  it('prices Frankfurt and London from the rate map of 2026-08-31 (aws-price-watcher raw/apprunner.json)', () => {
    // 730 h × 2 GB × $0.008176 + 100 active hours × 1 vCPU × $0.074496 = $11.94 + $7.45
    for (const region of ['eu-central-1', 'eu-west-2']) {
      const priced = cost({ provisioned_instances: 1, active_instance_hours: 100 }, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('19.39')
    }
    // Singapore's provisioned memory: 730 h × 2 GB × $0.00885
    expect(cents(cost({ provisioned_instances: 1 }, 'ap-southeast-1').total)).toBe('12.92')
  })

  it('reproduces the Mumbai briefing: $0.007448 per GB-hour, $0.068096 per vCPU-hour (apprunner-offer-aps3-briefing)', () => {
    // one 2 GB instance provisioned 730 hours: $10.87; with 1 vCPU active 100 hours: $17.68; all 730: $60.58
    expect(cents(cost({ provisioned_instances: 1 }, 'ap-south-1').total)).toBe('10.87')
    expect(cents(cost({ provisioned_instances: 1, active_instance_hours: 100 }, 'ap-south-1').total)).toBe(
      '17.68',
    )
    expect(cents(cost({ provisioned_instances: 1, active_instance_hours: 730 }, 'ap-south-1').total)).toBe(
      '60.58',
    )
  })

  it('prices Regions outside the main ten at the rate map of 2026-08-31 (page-rates-apprunner)', () => {
    // aws-price-watcher raw/apprunner.json at 62171df, 'EU (Paris)': 'Compute Provisioned GB-hours' $0.00848 and
    // 'Compute vCPU hours' $0.07776: 730 h × 2 GB × $0.00848 + 100 active hours × 1 vCPU × $0.07776 = $12.38 + $7.78
    const paris = cost({ provisioned_instances: 1, active_instance_hours: 100 }, 'eu-west-3')
    expect(paris.unpriced).toEqual([])
    expect(cents(paris.total)).toBe('20.16')
    // 'Asia Pacific (Sydney)': $0.008512 per GB-hour and $0.077696 per vCPU-hour, plus 50 scaled-out hours × 2 GB
    // ('Compute GB hours' $0.008512): $12.42752 + $7.7696 + $0.8512
    const sydney = cost(
      { provisioned_instances: 1, active_instance_hours: 100, scaled_out_instance_hours: 50 },
      'ap-southeast-2',
    )
    expect(sydney.unpriced).toEqual([])
    expect(sydney.total).toBe('21.04832')
  })

  it('reports the Regions without an App Runner endpoint as not offered, never $0 (apprunner-endpoints)', () => {
    for (const region of ['ca-central-1', 'ap-northeast-2', 'us-west-1']) {
      const priced = cost({ provisioned_instances: 1, active_instance_hours: 10 }, region)
      expect(priced.total, region).toBe('0')
      expect(priced.unpriced.map((row) => row.reason).sort(), region).toEqual([
        expect.stringMatching(new RegExp(`^AWS does not offer apprunner\\.active_vcpu_hours in ${region} `)),
        expect.stringMatching(
          new RegExp(`^AWS does not offer apprunner\\.provisioned_gb_hours in ${region} `),
        ),
      ])
    }
  })

  it('reports a Region App Runner is not offered in (sa-east-1) as unpriced, never $0', () => {
    const priced = cost({ provisioned_instances: 1, active_instance_hours: 10 }, 'sa-east-1')
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'apprunner.active_vcpu_hours',
      'apprunner.provisioned_gb_hours',
    ])
  })

  it('refuses a size App Runner does not offer and more scaled-out than active hours', () => {
    expect(fieldsOf({ provisioned_instances: 1, vcpu: 4, memory_gb: 2 })).toEqual(['params.memory_gb'])
    expect(
      fieldsOf({ provisioned_instances: 1, active_instance_hours: 1, scaled_out_instance_hours: 2 }),
    ).toEqual(['params.scaled_out_instance_hours'])
    expect(fieldsOf({ provisioned_instances: 1, vcpu: 3 })).toEqual(['params.vcpu'])
  })

  it('imports a service with its instance size in either of the forms Terraform takes', () => {
    const plan = terraformPlan([
      planResource('units', 'aws_apprunner_service', {
        instance_configuration: [{ cpu: '2048', memory: '4096' }],
      }),
      planResource('words', 'aws_apprunner_service', {
        instance_configuration: [{ cpu: '0.25 vCPU', memory: '0.5 GB' }],
      }),
      planResource('defaults', 'aws_apprunner_service', { instance_configuration: [] }),
    ])
    expect(planToLineItems(plan).items.map((item) => [item.params.vcpu, item.params.memory_gb])).toEqual([
      [2, 4],
      [0.25, 0.5],
      [1, 2],
    ])
  })
})
