import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/bedrock/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  const result = lineItemsToUsage([{ service: 'bedrock', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ region, usage: result.usage, includeFreeTier: false, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const million = { input_tokens: 1_000_000, output_tokens: 1_000_000 }

describe(`Bedrock Provisioned Throughput at the per model unit-hour rates of ${PAGE}`, () => {
  const provisioned = { input_tokens: 5_000_000, output_tokens: 1_000_000, inference: 'provisioned' }

  it('bills model units × hours at the rate of each commitment term, and no tokens', () => {
    // Claude Instant in us-east-1: $44.00 hourly without commitment, $39.60 for 1 month, $22.00 for 6 months
    const term = (commitment: string) =>
      rows(
        cost({
          model: 'anthropic.claude-instant',
          ...provisioned,
          model_units: 2,
          commitment,
          provisioned_hours: 100,
        }),
      )
    expect(term('no_commitment')).toEqual({
      'bedrock.provisioned_mu_hours_no_commitment.anthropic.claude-instant': '8800',
    })
    expect(term('1_month')).toEqual({
      'bedrock.provisioned_mu_hours_1_month.anthropic.claude-instant': '7920',
    })
    expect(term('6_months')).toEqual({
      'bedrock.provisioned_mu_hours_6_months.anthropic.claude-instant': '4400',
    })
  })

  it('holds 1 model unit for 730 hours without commitment when those params are left out', () => {
    // Titan Text Express: $20.50 per model unit-hour without commitment × 730 h
    expect(rows(cost({ model: 'amazon.titan-text-express', ...provisioned }))).toEqual({
      'bedrock.provisioned_mu_hours_no_commitment.amazon.titan-text-express': '14965',
    })
  })

  it('prices each Region at its own rate where the page lists one', () => {
    // Claude 2.0/2.1, 1-month commitment: $63.00 in US West (Oregon), $86.00 in Tokyo, $79.00 in Frankfurt
    const claude2 = {
      model: 'anthropic.claude-v2',
      ...provisioned,
      commitment: '1_month',
      provisioned_hours: 1,
    }
    expect(cost(claude2, 'us-west-2').total).toBe('63')
    expect(cost(claude2, 'ap-northeast-1').total).toBe('86')
    expect(cost(claude2, 'eu-central-1').total).toBe('79')
  })

  it('reports a term, Region or model without a listed rate as unpriced, never $0', () => {
    // Llama 2 lists no no-commitment rate for base models; Tokyo lists no hourly Claude rate; Nova has no
    // sourced Provisioned Throughput rate at all
    const unpriced = (params: Record<string, unknown>, region?: string) =>
      cost({ ...provisioned, ...params }, region).unpriced.map((row) => row.usage_type)
    expect(unpriced({ model: 'meta.llama2-13b' })).toEqual([
      'bedrock.provisioned_mu_hours_no_commitment.meta.llama2-13b',
    ])
    expect(unpriced({ model: 'anthropic.claude-instant' }, 'ap-northeast-1')).toEqual([
      'bedrock.provisioned_mu_hours_no_commitment.anthropic.claude-instant',
    ])
    expect(unpriced({ model: 'amazon.nova-pro', commitment: '6_months' })).toEqual([
      'bedrock.provisioned_mu_hours_6_months.amazon.nova-pro',
    ])
    expect(cost({ model: 'amazon.nova-pro', ...provisioned, commitment: '6_months' }).total).toBe('0')
  })

  it('refuses Provisioned Throughput params on other inference, and prompt caching on provisioned', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('bedrock', { ...million, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({ model: 'cohere.command', model_units: 2, commitment: '1_month' })).toEqual([
      'params.model_units',
      'params.commitment',
    ])
    expect(refused({ model: 'cohere.command', inference: 'batch', provisioned_hours: 10 })).toEqual([
      'params.provisioned_hours',
    ])
    expect(refused({ model: 'cohere.command', inference: 'provisioned', cache_write_tokens: 1 })).toEqual([
      'params.inference',
    ])
    expect(refused({ model: 'cohere.command', inference: 'provisioned', model_units: 0 })).toEqual([
      'params.model_units',
    ])
    expect(refused({ model: 'cohere.command', inference: 'provisioned', commitment: '3_months' })).toEqual([
      'params.commitment',
    ])
    expect(refused({ model: 'cohere.command', inference: 'provisioned', provisioned_hours: 745 })).toEqual([
      'params.provisioned_hours',
    ])
  })

  it('imports aws_bedrock_provisioned_model_throughput with its model units and commitment', () => {
    const arn = (id: string) => `arn:aws:bedrock:us-east-1::foundation-model/${id}`
    const plan = terraformPlan([
      planResource('instant', 'aws_bedrock_provisioned_model_throughput', {
        provisioned_model_name: 'instant',
        model_arn: arn('anthropic.claude-instant-v1:2:100k'),
        model_units: 2,
        commitment_duration: 'SixMonths',
      }),
      planResource('claude2', 'aws_bedrock_provisioned_model_throughput', {
        model_arn: arn('anthropic.claude-v2:1:18k'),
        model_units: 1,
        commitment_duration: 'OneMonth',
      }),
      planResource('express', 'aws_bedrock_provisioned_model_throughput', {
        model_arn: arn('amazon.titan-text-express-v1:0:8k'),
        model_units: 1,
      }),
      planResource('tuned', 'aws_bedrock_provisioned_model_throughput', {
        model_arn:
          'arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abc',
        model_units: 1,
        commitment_duration: 'OneMonth',
      }),
      planResource('later', 'aws_bedrock_provisioned_model_throughput', { model_units: 1 }),
    ])
    const mapped = planToLineItems(plan)
    const zero = { input_tokens: 0, output_tokens: 0, inference: 'provisioned' }
    expect(mapped.items.map((item) => item.params)).toEqual([
      { model: 'anthropic.claude-instant', ...zero, model_units: 2, commitment: '6_months' },
      { model: 'anthropic.claude-v2', ...zero, model_units: 1, commitment: '1_month' },
      { model: 'amazon.titan-text-express', ...zero, model_units: 1, commitment: 'no_commitment' },
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual([
      'a custom model: price its base model as a provisioned item',
      'model_arn is not known until apply',
    ])
    for (const item of mapped.items)
      expect(validateLineItem('bedrock', item.params, bundledCatalog).ok).toBe(true)
  })
})
