import { describe, expect, it } from 'vitest'
import { priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'
import { validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/bedrock/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('bedrock', [params], { region, includeFreeTier: false })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const million = { input_tokens: 1_000_000, output_tokens: 1_000_000 }

describe(`Bedrock models, batch and prompt caching at the rates of ${PAGE} (us-east-1, 2025-07-20 snapshot)`, () => {
  it('prices an item saved before these params existed exactly as before', () => {
    expect(rows(cost({ model: 'anthropic.claude-3-haiku', ...million }))).toEqual({
      'bedrock.input_tokens.anthropic.claude-3-haiku': '0.25',
      'bedrock.output_tokens.anthropic.claude-3-haiku': '1.25',
    })
  })

  it('prices the added models: Claude Opus 4, Nova Premier, Llama 4 Maverick, Pixtral Large', () => {
    expect(rows(cost({ model: 'anthropic.claude-opus-4', ...million }))).toEqual({
      'bedrock.input_tokens.anthropic.claude-opus-4': '15',
      'bedrock.output_tokens.anthropic.claude-opus-4': '75',
    })
    expect(cost({ model: 'amazon.nova-premier', ...million }).total).toBe('15')
    expect(cost({ model: 'meta.llama4-maverick-17b-instruct', ...million }).total).toBe('1.21')
    expect(cost({ model: 'mistral.pixtral-large-2502', ...million }).total).toBe('8')
  })

  it('bills batch inference at the batch rates, half of on demand', () => {
    const onDemand = cost({ model: 'amazon.nova-pro', ...million })
    const batch = cost({ model: 'amazon.nova-pro', ...million, inference: 'batch' })
    expect(rows(batch)).toEqual({
      'bedrock.batch_input_tokens.amazon.nova-pro': '0.4',
      'bedrock.batch_output_tokens.amazon.nova-pro': '1.6',
    })
    expect(Number(batch.total) * 2).toBe(Number(onDemand.total))
  })

  it('bills prompt-cache writes and reads at their own rates', () => {
    // 1M written at $0.00375 and 10M read at $0.0003 per 1,000 (Claude Sonnet 4)
    const priced = cost({
      model: 'anthropic.claude-sonnet-4',
      input_tokens: 0,
      output_tokens: 0,
      cache_write_tokens: 1_000_000,
      cache_read_tokens: 10_000_000,
    })
    expect(rows(priced)).toEqual({
      'bedrock.cache_write_tokens.anthropic.claude-sonnet-4': '3.75',
      'bedrock.cache_read_tokens.anthropic.claude-sonnet-4': '3',
    })
  })

  it('reports a rate AWS does not list for the model as unpriced, never $0', () => {
    // Claude Opus 4 lists no batch rate; Nova lists no cache write rate; no Region but us-east-1 is sourced
    const batch = cost({ model: 'anthropic.claude-opus-4', ...million, inference: 'batch' })
    expect(batch.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'bedrock.batch_input_tokens.anthropic.claude-opus-4',
      'bedrock.batch_output_tokens.anthropic.claude-opus-4',
    ])
    const write = cost({
      model: 'amazon.nova-lite',
      input_tokens: 0,
      output_tokens: 0,
      cache_write_tokens: 5,
    })
    expect(write.unpriced.map((row) => row.usage_type)).toEqual([
      'bedrock.cache_write_tokens.amazon.nova-lite',
    ])
    expect(cost({ model: 'deepseek.r1', ...million }, 'eu-west-1').unpriced).toHaveLength(2)
  })

  it('prices the Oregon on-demand rates of seven more models and Nova Lite in Mumbai; batch there stays unpriced', () => {
    // 1M tokens in and out in us-west-2, the US East rates (bedrock-llmfy-usw2)
    const oregon = (model: string) => cost({ model, ...million }, 'us-west-2').total
    expect(oregon('anthropic.claude-3-5-sonnet')).toBe('18')
    expect(oregon('anthropic.claude-3-5-sonnet-v2')).toBe('18')
    expect(oregon('anthropic.claude-3-5-haiku')).toBe('4.8')
    expect(oregon('anthropic.claude-3-haiku')).toBe('1.5')
    expect(oregon('deepseek.r1')).toBe('6.75')
    expect(oregon('meta.llama3-3-70b-instruct')).toBe('1.44')
    expect(oregon('meta.llama4-maverick-17b-instruct')).toBe('1.21')
    const batch = cost({ model: 'anthropic.claude-3-haiku', ...million, inference: 'batch' }, 'us-west-2')
    expect(batch.unpriced).toHaveLength(2)
    // ap-south-1 Nova Lite: 1M × $0.071 + 1M × $0.284 per million (APS3- offer rows)
    expect(cost({ model: 'amazon.nova-lite', ...million }, 'ap-south-1').total).toBe('0.355')
    // Nova Pro there: $0.94 + $3.76 (a second Mumbai quote, whose Nova Lite rates agree); Nova Micro $0.041 + $0.164
    // from the Bedrock rate map of 2025-05-21 (page-rates-bedrock-2025-05)
    expect(cost({ model: 'amazon.nova-pro', ...million }, 'ap-south-1').total).toBe('4.7')
    expect(cost({ model: 'amazon.nova-micro', ...million }, 'ap-south-1').total).toBe('0.205')
  })

  it('refuses prompt caching on a batch item and an unknown model', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('bedrock', { ...million, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(
      refused({ model: 'anthropic.claude-3-5-sonnet-v2', inference: 'batch', cache_read_tokens: 1 }),
    ).toEqual(['params.inference'])
    expect(refused({ model: 'openai.gpt-9' })).toEqual(['params.model'])
  })
})
