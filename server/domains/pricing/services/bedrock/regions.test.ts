import { describe, expect, it } from 'vitest'
import { cents, priceItems } from '../../../../test/priced-items.js'

function cost(params: Record<string, unknown>, region: string) {
  return priceItems('bedrock', [params], { region, includeFreeTier: false })
}
const million = { input_tokens: 1_000_000, output_tokens: 1_000_000 }
const total = (model: string, region: string, inference?: 'batch') =>
  cents(cost({ model, ...million, ...(inference ? { inference } : {}) }, region).total)

// The Amazon Bedrock rate map of 2025-05-21 (page-rates-bedrock-2025-05-ties): Titan Text Express and Llama 3 8B
// each tied to one code of the map, whose values in London, São Paulo, Frankfurt, Mumbai and Tokyo equal a
// Region-by-Region transcription of the pricing page; Llama 3.1 and Nova batch where every candidate code agrees.
describe('Bedrock rates of the main Regions from the 2025-05 rate map', () => {
  it.each([
    // 1M input + 1M output tokens of Titan Text Express, per 1,000 tokens
    ['ap-northeast-1', '1.10'], // $0.000275 + $0.000825
    ['ap-south-1', '2.90'], // $0.001 + $0.0019
    ['eu-central-1', '1.16'], // $0.0003 + $0.000863
    ['eu-west-1', '2.70'], // $0.001 + $0.0017
    ['eu-west-2', '1.20'], // $0.0003 + $0.0009
    ['sa-east-1', '1.50'], // $0.0004 + $0.0011
    ['us-west-2', '0.80'], // $0.0002 + $0.0006, the us-east-1 rates
  ])('prices Titan Text Express in %s at %s', (region, expected) => {
    expect(total('amazon.titan-text-express', region)).toBe(expected)
  })

  it('prices Llama 3 8B in Mumbai, London and Oregon, Titan Text Lite in Mumbai', () => {
    expect(total('meta.llama3-8b-instruct', 'ap-south-1')).toBe('1.08') // $0.00036 + $0.00072
    expect(total('meta.llama3-8b-instruct', 'eu-west-2')).toBe('1.17') // $0.00039 + $0.00078
    expect(total('meta.llama3-8b-instruct', 'us-west-2')).toBe('0.90') // $0.0003 + $0.0006
    expect(total('amazon.titan-text-lite', 'ap-south-1')).toBe('0.90') // $0.0004 + $0.0005
  })

  it('prices Llama 3.1 on demand and in batch in Ohio and Oregon at the us-east-1 rates', () => {
    for (const region of ['us-east-2', 'us-west-2']) {
      expect(total('meta.llama3-1-70b-instruct', region)).toBe('1.44') // $0.00072 + $0.00072
      expect(total('meta.llama3-1-8b-instruct', region)).toBe('0.44') // $0.00022 + $0.00022
      expect(total('meta.llama3-1-8b-instruct', region, 'batch')).toBe('0.22') // half
      expect(total('meta.llama3-3-70b-instruct', region, 'batch')).toBe('0.72') // $0.00036 + $0.00036
    }
    // Nova Lite batch in Oregon: $0.00003 + $0.00012; Nova Pro prompt-cache reads $0.0002 per 1,000 there
    expect(total('amazon.nova-lite', 'us-west-2', 'batch')).toBe('0.15')
    const reads = cost(
      { model: 'amazon.nova-pro', input_tokens: 0, output_tokens: 0, cache_read_tokens: 10_000_000 },
      'us-west-2',
    )
    expect(reads.total).toBe('2')
  })

  it('prices Titan Embeddings G1 Text Provisioned Throughput in Oregon, 730 hours a month', () => {
    const provisioned = (commitment: string) =>
      cost(
        {
          model: 'amazon.titan-embed-text',
          input_tokens: 0,
          output_tokens: 0,
          inference: 'provisioned',
          commitment,
        },
        'us-west-2',
      ).total
    expect(provisioned('1_month')).toBe('4672') // $6.40 × 730
    expect(provisioned('6_months')).toBe('3723') // $5.10 × 730
  })
})

// A Region-by-Region transcription of the pricing page, Feb 2026 (bedrock-page-regions-2026-02): Anthropic
// on-demand rates equal to us-east-1's in Mumbai, Singapore, Frankfurt, São Paulo and Oregon.
describe('Bedrock Anthropic rates of the pricing page in more Regions', () => {
  it.each([
    ['anthropic.claude-3-haiku', 'ap-south-1', '1.50'], // $0.00025 + $0.00125
    ['anthropic.claude-3-5-sonnet-v2', 'ap-south-1', '18.00'], // $0.003 + $0.015
    ['anthropic.claude-3-7-sonnet', 'ap-south-1', '18.00'],
    ['anthropic.claude-3-haiku', 'ap-southeast-1', '1.50'],
    ['anthropic.claude-3-5-sonnet', 'ap-southeast-1', '18.00'],
    ['anthropic.claude-3-5-sonnet', 'eu-central-1', '18.00'],
    ['anthropic.claude-3-haiku', 'sa-east-1', '1.50'],
    ['anthropic.claude-3-7-sonnet', 'us-west-2', '18.00'],
  ])('prices %s in %s at %s', (model, region, expected) => {
    expect(total(model, region)).toBe(expected)
  })

  it('leaves prompt caching and batch of Claude 3.5 Sonnet v2 unpriced: no source gives them per Region', () => {
    // (Claude 3.7 Sonnet's caching and batch are priced since December 2026 from bedrock-price-list-2026-10.)
    const priced = cost(
      { model: 'anthropic.claude-3-5-sonnet-v2', input_tokens: 0, output_tokens: 0, cache_read_tokens: 1 },
      'ap-south-1',
    )
    expect(priced.unpriced.map((row) => [row.usage_type, row.reason])).toEqual([
      [
        'bedrock.cache_read_tokens.anthropic.claude-3-5-sonnet-v2',
        'the catalog has no price for bedrock.cache_read_tokens.anthropic.claude-3-5-sonnet-v2 in ap-south-1',
      ],
    ])
  })

  it('prices Claude 3.5 Sonnet batch in Frankfurt from the page crawl, not in Singapore where it lists N/A', () => {
    // bedrock-pt-page-crawl (2025-02-28), Europe (Frankfurt): 2M × $0.0015 + 400K × $0.0075 per 1,000 = $3 + $3
    const batch = cost(
      {
        model: 'anthropic.claude-3-5-sonnet',
        input_tokens: 2_000_000,
        output_tokens: 400_000,
        inference: 'batch',
      },
      'eu-central-1',
    )
    expect(batch.total).toBe('6')
    expect(batch.unpriced).toEqual([])
    const singapore = cost(
      { model: 'anthropic.claude-3-5-sonnet', ...million, inference: 'batch' },
      'ap-southeast-1',
    )
    expect(singapore.unpriced.map((row) => row.usage_type)).toEqual([
      'bedrock.batch_input_tokens.anthropic.claude-3-5-sonnet',
      'bedrock.batch_output_tokens.anthropic.claude-3-5-sonnet',
    ])
  })
})

// AWS's model lifecycle page (bedrock-model-lifecycle-2026): a model past its EOL date in a Region is reported
// as not offered there, never priced at $0.
describe('Bedrock models past their end-of-life date', () => {
  const LIFECYCLE = 'https://docs.aws.amazon.com/bedrock/latest/userguide/model-lifecycle.html'

  it.each([
    ['anthropic.claude-3-haiku', 'eu-central-1'], // EOL September 10, 2026
    ['anthropic.claude-sonnet-4', 'ap-northeast-1'], // EOL October 14, 2026
    ['anthropic.claude-opus-4', 'us-west-2'], // EOL May 31, 2026
    ['meta.llama3-2-1b-instruct', 'eu-west-1'], // EOL July 7, 2026
  ])('reports %s in %s as not offered', (model, region) => {
    const priced = cost({ model, ...million }, region)
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.reason)).toEqual([
      `AWS does not offer bedrock.input_tokens.${model} in ${region} (${LIFECYCLE}, as of 2026-12-07)`,
      `AWS does not offer bedrock.output_tokens.${model} in ${region} (${LIFECYCLE}, as of 2026-12-07)`,
    ])
  })

  it('keeps the dated prices of a model it prices in part and leaves its other usage types unpriced', () => {
    // Claude 3 Haiku on demand in Oregon (bedrock-llmfy-usw2) stays priced; its batch rates stay missing
    expect(total('anthropic.claude-3-haiku', 'us-west-2')).toBe('1.50')
    const batch = cost({ model: 'anthropic.claude-3-haiku', ...million, inference: 'batch' }, 'us-west-2')
    expect(batch.unpriced.map((row) => row.reason)).toEqual([
      'the catalog has no price for bedrock.batch_input_tokens.anthropic.claude-3-haiku in us-west-2',
      'the catalog has no price for bedrock.batch_output_tokens.anthropic.claude-3-haiku in us-west-2',
    ])
  })
})

// Rate-map codes tied by the Regions they cover (page-rates-bedrock-2025-05-ties, rule 3): Nova Pro batch input and
// cache reads by Tokyo's Price List figures, Pixtral Large by AWS's list of its seven Regions.
describe('Bedrock Nova batch and cache and Pixtral Large in more Regions', () => {
  it('prices Nova Pro batch and cache reads and Nova Lite batch in Frankfurt', () => {
    // Nova Pro batch: 1M × $0.000525 + 1M × $0.0021 per 1,000; Nova Lite batch: $0.000039 + $0.000156
    expect(total('amazon.nova-pro', 'eu-central-1', 'batch')).toBe('2.63')
    expect(total('amazon.nova-lite', 'eu-central-1', 'batch')).toBe('0.20')
    const reads = cost(
      { model: 'amazon.nova-pro', input_tokens: 0, output_tokens: 0, cache_read_tokens: 1_000_000 },
      'eu-central-1',
    )
    expect(reads.total).toBe('0.2625')
  })

  it.each(['us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1'])('prices Pixtral Large in %s', (region) => {
    expect(total('mistral.pixtral-large-2502', region)).toBe('8.00') // $0.002 + $0.006
  })
})

// AWS's list of models and Regions for Provisioned Throughput (bedrock-pt-regions) and its model support by
// Region page (bedrock-models-regions): models or terms AWS does not sell in a Region are reported as such.
describe('Bedrock Provisioned Throughput and models AWS does not sell in a Region', () => {
  const PT_PAGE = 'https://docs.aws.amazon.com/bedrock/latest/userguide/prov-thru-supported.html'
  const provisioned = (model: string, region: string, commitment = '1_month') =>
    cost({ model, input_tokens: 0, output_tokens: 0, inference: 'provisioned', commitment }, region)

  it.each([
    ['cohere.command', 'sa-east-1', '1_month'], // no longer on the list
    ['meta.llama2-70b', 'eu-west-2', '6_months'], // no longer on the list
    ['cohere.embed-english-v3', 'ap-northeast-1', '1_month'], // listed in six Regions, not Tokyo
    ['meta.llama3-1-70b-instruct', 'us-east-1', 'no_commitment'], // listed in us-west-2 only
  ])('reports Provisioned Throughput of %s in %s as not offered', (model, region, commitment) => {
    const priced = provisioned(model, region, commitment)
    expect(priced.unpriced.map((row) => row.reason)).toEqual([
      `AWS does not offer bedrock.provisioned_mu_hours_${commitment}.${model} in ${region} (${PT_PAGE}, as of 2026-12-07)`,
    ])
  })

  it('keeps the dated Provisioned Throughput prices of a model the list no longer names', () => {
    // Claude Instant 1 month in Tokyo, $53.00 an hour (bedrock-pt-page-crawl, 2025-02-28)
    expect(provisioned('anthropic.claude-instant', 'ap-northeast-1').total).toBe('38690')
  })

  it('reports Titan Text Premier outside us-east-1 as not offered', () => {
    const priced = cost({ model: 'amazon.titan-text-premier', ...million }, 'eu-west-1')
    expect(priced.unpriced.map((row) => row.reason)).toEqual([
      'AWS does not offer bedrock.input_tokens.amazon.titan-text-premier in eu-west-1 (https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html, as of 2026-02-15)',
      'AWS does not offer bedrock.output_tokens.amazon.titan-text-premier in eu-west-1 (https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html, as of 2026-02-15)',
    ])
  })
})

// The Regions outside the main ten, by the same code ties: the 2025-05-21 rate map where it lists the Region
// (page-rates-bedrock-2025-05 and -ties, aws-price-watcher raw/bedrock.json at 4ca36fb), else its 2025-11-03
// publication (page-rates-bedrock-2025-11, lamngockhuong/aws-price lib/data/pricing/bedrock.json at 508fb45),
// whose codes carry the same values wherever both maps list a Region. Claims from the same AWS pages as above.
describe('Bedrock in the Regions outside the main ten', () => {
  const MODELS_REGIONS = 'https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html'

  it('prices Regions outside the main ten from the rate map codes tied to each model', () => {
    // 'EU (Paris)': Nova Pro input hOVX6YV0nc7dJsBt_QBM3iHB3scS6hhBba9iJNP2DHY 0.00118 and output
    // kjVw7dlbJL48mU4qYDcahYJBfCnjHLY6HU2KN7fLzj4 0.00472 per 1,000 tokens
    expect(total('amazon.nova-pro', 'eu-west-3')).toBe('5.90')
    // 'Canada (Central)': Titan Text Express input c1jwznCDLfyjezAlAz7jfTaMS-LqQm6FkqLuC-zTZqg 0.0003 and output
    // 71JGZWaMsg3A6psUpwHLdaUb65DdRfd-3cUHfALR-nw 0.0008
    expect(total('amazon.titan-text-express', 'ca-central-1')).toBe('1.10')
    // 'EU (Stockholm)': Pixtral Large cp_UBnGkuVEHgZQStcu4k9Upp_BDkF6sk8f2tMtUQwk 0.002 and
    // 5eMLGwx3t2hwmaLHvvzDUAgPHrjUexgQV_Dazblv2TY 0.006, the us-east-1 rates
    expect(total('mistral.pixtral-large-2502', 'eu-north-1')).toBe('8.00')
    // 2025-11-03 map, 'Middle East (UAE)': Nova Lite jqpXyMWar6dZCgJ4nRTHic6D040daCa-N81Kh52Jlac 0.00006 and
    // urNDBArH5pV5njuTwm41YJmDyeIrg_gD9kCMIHcQdLI 0.00024; 'EU (London)': Nova Pro 0.00113 and 0.00452
    expect(total('amazon.nova-lite', 'me-central-1')).toBe('0.30')
    expect(total('amazon.nova-pro', 'eu-west-2')).toBe('5.65')
    // 'Asia Pacific (Sydney)': Titan Multimodal Embeddings 1-month Provisioned Throughput
    // y3wt-18AAIn7DZZXtniacPtf_5Oj1w1Ivv8Ty4rr24E $10.99 per model unit-hour × 730 h
    const embeddings = cost(
      {
        model: 'amazon.titan-embed-image',
        input_tokens: 0,
        output_tokens: 0,
        inference: 'provisioned',
        commitment: '1_month',
      },
      'ap-southeast-2',
    )
    expect(embeddings.total).toBe('8022.7')
  })

  it('reports models the AWS pages rule out there as not offered', () => {
    // Nova Micro: No in both tables for Canada (Central); Claude Sonnet 4: EOL October 14, 2026 in Seoul
    expect(
      cost({ model: 'amazon.nova-micro', ...million }, 'ca-central-1').unpriced.map((row) => row.reason),
    ).toEqual([
      `AWS does not offer bedrock.input_tokens.amazon.nova-micro in ca-central-1 (${MODELS_REGIONS}, as of 2026-02-15)`,
      `AWS does not offer bedrock.output_tokens.amazon.nova-micro in ca-central-1 (${MODELS_REGIONS}, as of 2026-02-15)`,
    ])
    const sonnet = cost({ model: 'anthropic.claude-sonnet-4', ...million }, 'ap-northeast-2')
    expect(sonnet.total).toBe('0')
    expect(sonnet.unpriced).toHaveLength(2)
    expect(sonnet.unpriced[0]?.reason).toContain('model-lifecycle.html, as of 2026-12-07')
  })
})
