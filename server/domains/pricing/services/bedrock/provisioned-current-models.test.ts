import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { validateLineItem } from '../../line-items.js'

// Provisioned Throughput of current models from AmazonBedrock Price List rows quoted in public repositories:
// Nova 2 Lite in us-east-1 (USE1-Nova2.0Lite-ProvisionedThroughput-NoCommit / -1month-ModelUnits, $60.50 and
// $55.00) and Llama 3.1 70B in us-west-2 (USW2-Llama3-1-70B-ProvisionedThroughput-NoCommit-ModelUnits, $24.00).
const provisioned = { input_tokens: 0, output_tokens: 0, inference: 'provisioned' }
const price = (params: Record<string, unknown>, region: string) =>
  priceItems('bedrock', [{ ...provisioned, ...params }], { region, includeFreeTier: false })

describe('Bedrock Provisioned Throughput of current models', () => {
  it('bills Nova 2 Lite model units in us-east-1 at $60.50 without commitment and $55.00 for 1 month', () => {
    // 1 model unit for 730 hours: 730 × $60.50 = $44,165.00; 2 units for a 31-day month: 1,488 × $55.00
    expect(cents(price({ model: 'amazon.nova-2-lite' }, 'us-east-1').total)).toBe('44165.00')
    const month = price(
      { model: 'amazon.nova-2-lite', model_units: 2, commitment: '1_month', provisioned_hours: 744 },
      'us-east-1',
    )
    expect(cents(month.total)).toBe('81840.00')
    expect(month.unpriced).toEqual([])
  })

  it('bills Llama 3.1 70B without commitment in us-west-2 at $24.00 per model unit-hour', () => {
    expect(
      cents(price({ model: 'meta.llama3-1-70b-instruct', provisioned_hours: 100 }, 'us-west-2').total),
    ).toBe('2400.00')
  })

  it('reports the terms and Regions without a sourced rate as unpriced, never $0', () => {
    const unpriced = (params: Record<string, unknown>, region: string) =>
      price(params, region).unpriced.map((row) => row.usage_type)
    expect(unpriced({ model: 'amazon.nova-2-lite', commitment: '6_months' }, 'us-east-1')).toEqual([
      'bedrock.provisioned_mu_hours_6_months.amazon.nova-2-lite',
    ])
    expect(unpriced({ model: 'amazon.nova-2-lite' }, 'us-west-2')).toEqual([
      'bedrock.provisioned_mu_hours_no_commitment.amazon.nova-2-lite',
    ])
    expect(unpriced({ model: 'meta.llama3-1-70b-instruct', commitment: '1_month' }, 'us-west-2')).toEqual([
      'bedrock.provisioned_mu_hours_1_month.meta.llama3-1-70b-instruct',
    ])
    expect(unpriced({ model: 'meta.llama3-1-70b-instruct' }, 'us-east-1')).toEqual([
      'bedrock.provisioned_mu_hours_no_commitment.meta.llama3-1-70b-instruct',
    ])
    // Nova 2 Lite's on-demand tokens are priced since December 2026 (bedrock-price-list-2026-10, current-models.test.ts):
    // 1,000 in-Region input and output tokens in us-east-1 at $0.00033 + $0.00275 per 1,000, nothing unpriced.
    const tokens = priceItems(
      'bedrock',
      [{ model: 'amazon.nova-2-lite', input_tokens: 1000, output_tokens: 1000 }],
      {
        region: 'us-east-1',
        includeFreeTier: false,
      },
    )
    expect(tokens.total).toBe('0.00308')
    expect(tokens.unpriced).toEqual([])
  })

  it('imports a Provisioned Throughput of Nova 2 Lite from Terraform as a valid item', () => {
    const plan = terraformPlan([
      planResource('nova2', 'aws_bedrock_provisioned_model_throughput', {
        model_arn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-2-lite-v1:0:256k',
        model_units: 1,
        commitment_duration: 'OneMonth',
      }),
    ])
    const [item] = planToLineItems(plan).items
    expect(item?.params).toEqual({
      model: 'amazon.nova-2-lite',
      ...provisioned,
      model_units: 1,
      commitment: '1_month',
    })
    expect(validateLineItem('bedrock', item?.params, bundledCatalog).ok).toBe(true)
  })
})
