import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { type Catalog, bundledCatalog as catalog } from './catalog.js'
import { mergeUsage, priceUsage, scaleUsage } from './cost-engine.js'

const region = 'us-east-1'
const copyCatalog = (): Catalog => JSON.parse(JSON.stringify(catalog)) as Catalog

function row(result: ReturnType<typeof priceUsage>, usageType: string) {
  return result.by_service.flatMap((s) => s.by_usage_type).find((r) => r.usage_type === usageType)
}

describe('priceUsage tiers', () => {
  it('charges the first band only when usage ends exactly at its bound', () => {
    const result = priceUsage({
      region,
      usage: { 's3.storage_gb_month': '51200' },
      includeFreeTier: false,
      catalog,
    })
    expect(result.total).toBe('1177.6')
    expect(row(result, 's3.storage_gb_month')?.unit_price).toBe('0.023')
  })

  it('charges the next band for usage just over a bound', () => {
    const result = priceUsage({
      region,
      usage: { 's3.storage_gb_month': '51201' },
      includeFreeTier: false,
      catalog,
    })
    expect(result.total).toBe('1177.622')
    expect(row(result, 's3.storage_gb_month')?.unit_price).toBeUndefined()
  })

  it('graduates Lambda x86 duration across all three bands', () => {
    const usage = { 'lambda.gb_seconds.x86_64': '16000000000' }
    const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
    // 6e9 × 0.0000166667 + 9e9 × 0.000015 + 1e9 × 0.0000133334
    expect(result.total).toBe('248333.6')
  })

  it('counts Lambda tiers per architecture, as AWS does', () => {
    const usage = { 'lambda.gb_seconds.x86_64': '6000000000', 'lambda.gb_seconds.arm64': '7500000000' }
    const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
    expect(row(result, 'lambda.gb_seconds.x86_64')?.unit_price).toBe('0.0000166667')
    expect(row(result, 'lambda.gb_seconds.arm64')?.unit_price).toBe('0.0000133334')
  })
})

describe('priceUsage free tier', () => {
  it('reduces billable quantity when on and ignores it when off', () => {
    const usage = { 'lambda.requests': '3000000' }
    const on = priceUsage({ region, usage, includeFreeTier: true, catalog })
    const off = priceUsage({ region, usage, includeFreeTier: false, catalog })
    expect(row(on, 'lambda.requests')).toMatchObject({
      free_quantity: '1000000',
      billable_quantity: '2000000',
    })
    expect(on.total).toBe('0.4')
    expect(row(off, 'lambda.requests')).toMatchObject({ free_quantity: '0', billable_quantity: '3000000' })
    expect(off.total).toBe('0.6')
  })

  it('never produces negative rows when usage is below the allowance', () => {
    const result = priceUsage({
      region,
      usage: { 'sqs.requests.standard': '10' },
      includeFreeTier: true,
      catalog,
    })
    expect(row(result, 'sqs.requests.standard')).toMatchObject({
      quantity: '10',
      free_quantity: '10',
      billable_quantity: '0',
      cost: '0',
    })
    expect(result.total).toBe('0')
  })

  it('gives a shared allowance to the dearer usage type first (Lambda x86 before Arm)', () => {
    const usage = { 'lambda.gb_seconds.x86_64': '300000', 'lambda.gb_seconds.arm64': '300000' }
    const result = priceUsage({ region, usage, includeFreeTier: true, catalog })
    expect(row(result, 'lambda.gb_seconds.x86_64')).toMatchObject({
      free_quantity: '300000',
      billable_quantity: '0',
    })
    expect(row(result, 'lambda.gb_seconds.arm64')).toMatchObject({
      free_quantity: '100000',
      billable_quantity: '200000',
    })
  })

  it('shares the SQS million between FIFO and Standard, FIFO first', () => {
    const usage = { 'sqs.requests.standard': '800000', 'sqs.requests.fifo': '600000' }
    const result = priceUsage({ region, usage, includeFreeTier: true, catalog })
    expect(row(result, 'sqs.requests.fifo')?.free_quantity).toBe('600000')
    expect(row(result, 'sqs.requests.standard')?.free_quantity).toBe('400000')
    expect(result.total).toBe('0.16')
  })

  it('spends no allowance on a usage type that is unpriced in the region', () => {
    // A catalog where us-west-2 lacks its FIFO price (AWS's SQS rate map prices both queue types there)
    const gap = copyCatalog()
    delete gap.prices['us-west-2']?.['sqs.requests.fifo']
    const usage = { 'sqs.requests.fifo': '600000', 'sqs.requests.standard': '800000' }
    const result = priceUsage({ region: 'us-west-2', usage, includeFreeTier: true, catalog: gap })
    expect(row(result, 'sqs.requests.standard')?.free_quantity).toBe('800000')
    expect(result.unpriced.map((u) => u.usage_type)).toEqual(['sqs.requests.fifo'])
  })
})

describe('priceUsage unpriced usage', () => {
  it('lists a usage type without a price in the region instead of charging $0', () => {
    const gap = copyCatalog()
    delete gap.prices['ap-southeast-1']?.['sns.publishes']
    const usage = { 'sns.publishes': '5000000', 'lambda.requests': '2000000' }
    const result = priceUsage({ region: 'ap-southeast-1', usage, includeFreeTier: false, catalog: gap })
    expect(result.total).toBe('0.4')
    expect(result.unpriced).toEqual([
      {
        service: 'sns',
        usage_type: 'sns.publishes',
        quantity: '5000000',
        unit: 'requests',
        reason: 'the catalog has no price for sns.publishes in ap-southeast-1',
      },
    ])
  })

  it('says AWS does not offer a usage type where the catalog claims so, still never $0', () => {
    // The bundled claim: AWS's model-by-Region tables list DeepSeek-R1 neither in-Region nor as a cross-Region
    // inference profile in South America (São Paulo).
    const usage = { 'bedrock.input_tokens.deepseek.r1': '1000000', 'lambda.requests': '2000000' }
    const result = priceUsage({ region: 'sa-east-1', usage, includeFreeTier: false, catalog })
    expect(result.total).toBe('0.4')
    expect(result.by_service.map((s) => s.service)).toEqual(['lambda'])
    expect(result.unpriced).toEqual([
      {
        service: 'bedrock',
        usage_type: 'bedrock.input_tokens.deepseek.r1',
        quantity: '1000000',
        unit: 'tokens',
        reason:
          'AWS does not offer bedrock.input_tokens.deepseek.r1 in sa-east-1 ' +
          '(https://docs.aws.amazon.com/bedrock/latest/userguide/models-regions.html, as of 2026-02-15)',
      },
    ])

    // Without the claim the same usage is a missing price; with a rate card override it is priced.
    const unclaimed = copyCatalog()
    delete unclaimed.not_offered?.['sa-east-1']?.['bedrock.*.deepseek.r1']
    expect(
      priceUsage({ region: 'sa-east-1', usage, includeFreeTier: false, catalog: unclaimed }).unpriced[0]
        ?.reason,
    ).toBe('the catalog has no price for bedrock.input_tokens.deepseek.r1 in sa-east-1')
    const overridden = priceUsage({
      region: 'sa-east-1',
      usage,
      includeFreeTier: false,
      catalog,
      rateCard: [
        { kind: 'override', usage_type: 'bedrock.input_tokens.deepseek.r1', price_per_unit: '0.000002' },
      ],
    })
    expect(overridden.unpriced).toEqual([])
    expect(overridden.total).toBe('2.4')
  })

  it('lists usage above the last sourced band of an incomplete tier list', () => {
    const firstBandOnly = copyCatalog()
    const prices = firstBandOnly.prices['eu-central-1'] ?? {}
    const duration = prices['lambda.gb_seconds.x86_64'] as NonNullable<(typeof prices)[string]>
    prices['lambda.gb_seconds.x86_64'] = {
      ...duration,
      tiers: [{ upto: '6000000000', price: '0.0000166667' }],
      tiers_incomplete: true,
    }
    const usage = { 'lambda.gb_seconds.x86_64': '7000000000' }
    const result = priceUsage({
      region: 'eu-central-1',
      usage,
      includeFreeTier: false,
      catalog: firstBandOnly,
    })
    expect(row(result, 'lambda.gb_seconds.x86_64')?.billable_quantity).toBe('6000000000')
    expect(result.unpriced).toMatchObject([
      { usage_type: 'lambda.gb_seconds.x86_64', quantity: '1000000000' },
    ])
  })

  it('reports an unknown usage type with its reason', () => {
    const result = priceUsage({
      region,
      usage: { 'glue.dpu_hours': '5' },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([
      {
        service: 'glue',
        usage_type: 'glue.dpu_hours',
        quantity: '5',
        unit: 'units',
        reason: 'glue.dpu_hours is not a known usage type',
      },
    ])
  })
})

describe('priceUsage decimal exactness', () => {
  it('adds prices that floats cannot represent without drift', () => {
    const usage = new Map([['lambda.requests', new Decimal(3)]])
    const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
    // 3 × 0.0000002 is 6.000000000000001e-7 in floating point
    expect(row(result, 'lambda.requests')?.cost).toBe('0.000001')
  })

  it('keeps large quantities exact and rounds money half-up to 6 decimals', () => {
    const usage = { 'lambda.requests': '123456789012345' }
    const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
    expect(result.total).toBe('24691357.802469')
  })

  it('orders services as SERVICE_IDS and totals the rounded rows', () => {
    const usage = {
      'data_transfer.out_gb': '1',
      'lambda.requests': '1',
      'ec2.instance_hours.t3.micro': '730',
    }
    const result = priceUsage({ region, usage, includeFreeTier: false, catalog })
    expect(result.by_service.map((s) => s.service)).toEqual(['lambda', 'ec2', 'data_transfer'])
    expect(result.total).toBe('7.682')
  })

  it('rejects negative quantities', () => {
    expect(() =>
      priceUsage({ region, usage: { 'lambda.requests': '-1' }, includeFreeTier: false, catalog }),
    ).toThrow(RangeError)
  })
})

describe('usage helpers', () => {
  it('merges usage maps by usage type', () => {
    const merged = mergeUsage(
      { 'lambda.requests': '1.5' },
      new Map([['lambda.requests', new Decimal('2.5')]]),
    )
    expect(merged.get('lambda.requests')?.toFixed()).toBe('4')
  })

  it('scales observed usage to a 30-day month exactly', () => {
    const scaled = scaleUsage({ 'lambda.requests': '1000' }, new Decimal(30).dividedBy(7))
    expect(scaled.get('lambda.requests')?.toDecimalPlaces(6).toFixed()).toBe('4285.714286')
  })
})
