import { describe, expect, it } from 'vitest'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'

// The models added in December 2026, priced by hand from the AWS Price List as extracted on 2026-10-08 by a public
// Bedrock model explorer (bedrock-price-list-2026-10: USD per 1M tokens, here divided by 1,000), and the
// not-offered claims of AWS's "Model support by AWS Region" page of 2026-02-15 (bedrock-models-regions).
const SOURCE =
  'https://github.com/inferplane/model-comparision/blob/3ab305627a0143f18953576fd5ffff6e2913fd72/public/data/models.json'
const REGIONS_PAGE = 'https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html'

function cost(params: Record<string, unknown>, region: string) {
  return priceItems('bedrock', [params], { region, includeFreeTier: false })
}
const million = { input_tokens: 1_000_000, output_tokens: 1_000_000 }
const total = (model: string, region: string, inference?: 'batch') =>
  cents(cost({ model, ...million, ...(inference ? { inference } : {}) }, region).total)
const unpricedReasons = (priced: ReturnType<typeof cost>) => priced.unpriced.map((row) => row.reason)

describe(`Bedrock models added in December 2026 (${SOURCE})`, () => {
  it('lists them in the model list with their names and providers', () => {
    const models = bundledCatalog.services.bedrock?.models ?? {}
    expect(models['anthropic.claude-sonnet-4-5']).toEqual({
      name: 'Claude Sonnet 4.5',
      provider: 'anthropic',
    })
    expect(models['openai.gpt-oss-120b']).toEqual({ name: 'gpt-oss-120b', provider: 'openai' })
    expect(models['qwen.qwen3-coder-480b-a35b']).toEqual({ name: 'Qwen3 Coder 480B A35B', provider: 'qwen' })
    expect(models['amazon.nova-2-pro']).toEqual({ name: 'Nova 2 Pro', provider: 'amazon' })
  })
})

describe('Anthropic Claude 4.5 and later: in-Region / geographic rates, global where a Region has only global', () => {
  it('prices Claude Sonnet 4.5 in us-east-1 at the in-Region rate, 10% above global', () => {
    // 1M × $0.0033 + 1M × $0.0165 per 1,000 (global cross-Region inference would be $0.003 + $0.015)
    expect(total('anthropic.claude-sonnet-4-5', 'us-east-1')).toBe('19.80')
    // batch: $0.00165 + $0.00825
    expect(total('anthropic.claude-sonnet-4-5', 'us-east-1', 'batch')).toBe('9.90')
    // 1M written to the 5-minute cache at $0.004125 and 10M read at $0.00033 per 1,000
    const caching = cost(
      {
        model: 'anthropic.claude-sonnet-4-5',
        input_tokens: 0,
        output_tokens: 0,
        cache_write_tokens: 1_000_000,
        cache_read_tokens: 10_000_000,
      },
      'us-east-1',
    )
    expect(caching.total).toBe('7.425')
  })

  it('prices Claude Sonnet 4.5 in São Paulo at the global rate, its only SKU there', () => {
    expect(total('anthropic.claude-sonnet-4-5', 'sa-east-1')).toBe('18.00') // $0.003 + $0.015
  })

  it('prices Claude Haiku 4.5, Sonnet 4.6, Opus 4.5, 4.6 and 4.1 by Region', () => {
    expect(total('anthropic.claude-haiku-4-5', 'eu-west-1')).toBe('6.60') // $0.0011 + $0.0055
    expect(total('anthropic.claude-haiku-4-5', 'ap-southeast-1')).toBe('6.00') // global $0.001 + $0.005
    expect(total('anthropic.claude-sonnet-4-6', 'eu-west-2')).toBe('19.80') // $0.0033 + $0.0165
    expect(total('anthropic.claude-opus-4-5', 'eu-central-1')).toBe('33.00') // $0.0055 + $0.0275
    expect(total('anthropic.claude-opus-4-6', 'ap-northeast-1')).toBe('30.00') // global $0.005 + $0.025
    expect(total('anthropic.claude-opus-4-1', 'us-east-2')).toBe('90.00') // $0.015 + $0.075
  })

  it('leaves Claude Opus 4.1 batch unpriced (no batch SKU) and Opus 4.5 in Tokyo unpriced (no figure, no claim)', () => {
    expect(
      unpricedReasons(
        cost({ model: 'anthropic.claude-opus-4-1', ...million, inference: 'batch' }, 'us-east-1'),
      ),
    ).toEqual([
      'the catalog has no price for bedrock.batch_input_tokens.anthropic.claude-opus-4-1 in us-east-1',
      'the catalog has no price for bedrock.batch_output_tokens.anthropic.claude-opus-4-1 in us-east-1',
    ])
    expect(cost({ model: 'anthropic.claude-opus-4-5', ...million }, 'ap-northeast-1').unpriced).toHaveLength(
      2,
    )
  })

  it('prices Claude 3.7 Sonnet in Frankfurt, with caching', () => {
    expect(total('anthropic.claude-3-7-sonnet', 'eu-central-1')).toBe('18.00') // $0.003 + $0.015
    const reads = cost(
      {
        model: 'anthropic.claude-3-7-sonnet',
        input_tokens: 0,
        output_tokens: 0,
        cache_read_tokens: 10_000_000,
      },
      'eu-central-1',
    )
    expect(reads.total).toBe('3') // 10M × $0.0003 per 1,000
  })
})

describe('Amazon Nova 2 and Cohere Embed v4', () => {
  it('prices Nova 2 Lite on demand and in batch in us-east-1, Nova 2 Pro in Ireland (global only)', () => {
    expect(total('amazon.nova-2-lite', 'us-east-1')).toBe('3.08') // $0.00033 + $0.00275
    expect(total('amazon.nova-2-lite', 'us-east-1', 'batch')).toBe('1.54') // $0.000165 + $0.001375
    expect(total('amazon.nova-2-pro', 'eu-west-1')).toBe('12.90') // $0.00143 + $0.01147
  })

  it('leaves Nova 2 Lite batch in Ohio unpriced: its batch figure differs from its flex figure in the source', () => {
    expect(
      unpricedReasons(cost({ model: 'amazon.nova-2-lite', ...million, inference: 'batch' }, 'us-east-2')),
    ).toEqual([
      'the catalog has no price for bedrock.batch_input_tokens.amazon.nova-2-lite in us-east-2',
      'the catalog has no price for bedrock.batch_output_tokens.amazon.nova-2-lite in us-east-2',
    ])
  })

  it('prices Cohere Embed v4 input tokens in Mumbai', () => {
    const embed = cost({ model: 'cohere.embed-v4', input_tokens: 10_000_000, output_tokens: 0 }, 'ap-south-1')
    expect(embed.total).toBe('1.2') // 10M × $0.00012 per 1,000
  })
})

describe('Open-weight models: DeepSeek, Mistral, OpenAI gpt-oss, Qwen', () => {
  it('prices them on demand and in batch', () => {
    expect(total('deepseek.v3', 'eu-west-1')).toBe('2.71') // $0.000696 + $0.002016
    expect(total('mistral.mistral-large-3', 'us-east-1')).toBe('2.00') // $0.0005 + $0.0015
    expect(total('mistral.mistral-large-3', 'us-east-1', 'batch')).toBe('1.00') // $0.00025 + $0.00075
    expect(total('openai.gpt-oss-120b', 'us-west-2')).toBe('0.75') // $0.00015 + $0.0006
    expect(total('openai.gpt-oss-120b', 'sa-east-1')).toBe('0.91') // $0.00018 + $0.00073
    expect(total('openai.gpt-oss-20b', 'ap-northeast-1', 'batch')).toBe('0.22') // $0.00004 + $0.00018
    expect(total('qwen.qwen3-coder-480b-a35b', 'eu-west-2')).toBe('3.49') // $0.0007 + $0.00279
    expect(total('qwen.qwen3-32b', 'ap-northeast-1')).toBe('0.91') // $0.00018 + $0.00073
  })

  it(`reports them not offered in Singapore, where neither table of ${REGIONS_PAGE} lists them`, () => {
    for (const model of ['openai.gpt-oss-120b', 'qwen.qwen3-32b', 'deepseek.v3', 'mistral.mistral-large-3']) {
      const priced = cost({ model, ...million }, 'ap-southeast-1')
      expect(priced.total).toBe('0')
      expect(unpricedReasons(priced)).toEqual([
        `AWS does not offer bedrock.input_tokens.${model} in ap-southeast-1 (${REGIONS_PAGE}, as of 2026-02-15)`,
        `AWS does not offer bedrock.output_tokens.${model} in ap-southeast-1 (${REGIONS_PAGE}, as of 2026-02-15)`,
      ])
    }
    // Claude Opus 4.1: cross-Region inference only from the three US Regions
    expect(cost({ model: 'anthropic.claude-opus-4-1', ...million }, 'eu-west-1').total).toBe('0')
  })
})

// December 2026 (bedrock2 branch): the same Price List extraction read for the Regions outside the main ten
// (one new Region per model family, priced by hand from the file's USD per 1M tokens divided by 1,000).
describe(`Current models in more Regions (${SOURCE})`, () => {
  it('prices Nova 2 Pro in N. California at its in-Region rate and in Stockholm at the global rate', () => {
    // us-west-1 "regional" standard $1.771 + $14.124 per 1M; batch $0.8855 + $7.062 (equal to flex)
    expect(cost({ model: 'amazon.nova-2-pro', ...million }, 'us-west-1').total).toBe('15.895')
    expect(total('amazon.nova-2-pro', 'us-west-1', 'batch')).toBe('7.95') // $7.9475
    // eu-north-1 has only "global" SKUs: $1.36 + $10.87 per 1M
    expect(total('amazon.nova-2-pro', 'eu-north-1')).toBe('12.23')
  })

  it('prices DeepSeek-V3.1 and Mistral Large 3 in Sydney and Stockholm', () => {
    expect(cost({ model: 'deepseek.v3', ...million }, 'ap-southeast-2').total).toBe('2.3278') // $0.5974 + $1.7304
    expect(cost({ model: 'deepseek.v3', ...million, inference: 'batch' }, 'ap-southeast-2').total).toBe(
      '1.1639',
    )
    expect(total('mistral.mistral-large-3', 'eu-north-1')).toBe('2.40') // $0.6 + $1.8
    expect(total('mistral.mistral-large-3', 'eu-north-1', 'batch')).toBe('1.20') // $0.3 + $0.9
  })

  it('prices gpt-oss in Milan and Jakarta, leaving batch rates that differ from flex unpriced', () => {
    expect(total('openai.gpt-oss-120b', 'eu-south-1')).toBe('0.99') // $0.2 + $0.79
    // batch input $0.1 equals flex; batch output $0.4 differs from flex $0.395
    const batch = cost({ model: 'openai.gpt-oss-120b', ...million, inference: 'batch' }, 'eu-south-1')
    expect(batch.total).toBe('0.1')
    expect(unpricedReasons(batch)).toEqual([
      'the catalog has no price for bedrock.batch_output_tokens.openai.gpt-oss-120b in eu-south-1',
    ])
    expect(total('openai.gpt-oss-20b', 'ap-southeast-3')).toBe('0.38') // $0.07 + $0.31
    expect(
      cost({ model: 'openai.gpt-oss-20b', ...million, inference: 'batch' }, 'ap-southeast-3').unpriced,
    ).toHaveLength(2)
  })

  it('prices Qwen3 in Jakarta and Milan', () => {
    expect(total('qwen.qwen3-32b', 'ap-southeast-3')).toBe('0.78') // $0.16 + $0.62
    expect(total('qwen.qwen3-32b', 'ap-southeast-3', 'batch')).toBe('0.39') // $0.08 + $0.31
    expect(total('qwen.qwen3-coder-480b-a35b', 'eu-south-1')).toBe('2.70') // $0.54 + $2.16
    expect(total('qwen.qwen3-235b-a22b-2507', 'eu-north-1')).toBe('1.10') // $0.22 + $0.88
  })

  it('prices Claude 3 Haiku batch in São Paulo, a Region outside its end-of-life list', () => {
    expect(total('anthropic.claude-3-haiku', 'sa-east-1', 'batch')).toBe('0.75') // $0.125 + $0.625
  })
})

// Titan Text Embeddings V2 (amazon.titan-embed-text-v2; amazon.titan-embed-text is G1): $0.00002 per 1,000 input tokens in
// us-east-1 from the Price List (titanModel TitanEmbeddingsV2-Text-input, 2026-09-02) and the pricing page, the other
// Regions from the rate-map code tied to it (https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/bedrock/USD/current/bedrock.json).
describe('Titan Text Embeddings V2', () => {
  const embed = (model: string, region: string, inference?: 'batch') =>
    cost({ model, input_tokens: 10_000_000, output_tokens: 0, ...(inference ? { inference } : {}) }, region)

  it('prices 10M input tokens in us-east-1, Ireland and, in batch, Oregon', () => {
    expect(embed('amazon.titan-embed-text-v2', 'us-east-1').total).toBe('0.2') // 10M × $0.00002 per 1,000
    expect(embed('amazon.titan-embed-text-v2', 'eu-west-1').total).toBe('0.26004') // × $0.000026004
    expect(embed('amazon.titan-embed-text-v2', 'us-west-2', 'batch').total).toBe('0.1') // × $0.00001
    // Titan Text Embeddings G1 on the same page table: $0.0001
    expect(embed('amazon.titan-embed-text', 'us-east-1').total).toBe('1')
  })

  it('leaves Frankfurt unpriced: the map carries ten times the neighbouring Regions there', () => {
    expect(unpricedReasons(embed('amazon.titan-embed-text-v2', 'eu-central-1'))).toContain(
      'the catalog has no price for bedrock.input_tokens.amazon.titan-embed-text-v2 in eu-central-1',
    )
  })
})
