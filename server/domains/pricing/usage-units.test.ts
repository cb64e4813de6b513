import { describe, expect, it } from 'vitest'
import { ExactDecimal } from './cost-engine.js'
import { baseToPriceUnits, baseUnitDivisor, isLevelUsageType, projectUsage } from './usage-units.js'

const plain = (usage: Map<string, { toFixed(): string }>) =>
  Object.fromEntries([...usage].map(([k, v]) => [k, v.toFixed()]))

describe('baseUnitDivisor', () => {
  it.each([
    ['lambda.gb_seconds.x86_64', '1024000'],
    ['lambda.gb_seconds.arm64', '1024000'],
    ['lambda.ephemeral_gb_seconds', '1024000'],
    ['s3.storage_gb_month', '1073741824'],
    ['dynamodb.read_request_units', '2'],
    ['dynamodb.write_request_units', '1'],
    ['cloudwatch_logs.ingested_gb', '1073741824'],
    ['data_transfer.out_gb', '1073741824'],
    ['sqs.requests.standard', '1'],
    ['bedrock.input_tokens.anthropic.claude-3-haiku', '1'],
    ['ec2.instance_hours.t3.micro', '1'],
  ])('%s is divided by %s', (usageType, divisor) => {
    expect(baseUnitDivisor(usageType).toFixed()).toBe(divisor)
  })
})

describe('baseToPriceUnits', () => {
  it('converts exactly, without rounding', () => {
    const usage = baseToPriceUnits([
      // 1,000 invocations × 100 ms at 1,024 MB = 100 GB-seconds
      { usageType: 'lambda.gb_seconds.x86_64', quantity: '102400000' },
      { usageType: 'data_transfer.out_gb', quantity: '1' },
      { usageType: 'dynamodb.read_request_units', quantity: '3' },
      { usageType: 'lambda.requests', quantity: '1000' },
    ])
    expect(plain(usage)).toEqual({
      'lambda.gb_seconds.x86_64': '100',
      'data_transfer.out_gb': '0.000000000931322574615478515625',
      'dynamodb.read_request_units': '1.5',
      'lambda.requests': '1000',
    })
  })

  it('floors a negative net storage change at zero and drops zero totals', () => {
    const usage = baseToPriceUnits([
      { usageType: 's3.storage_gb_month', quantity: '-2048' },
      { usageType: 'sqs.requests.fifo', quantity: '0' },
    ])
    expect(usage.size).toBe(0)
  })
})

describe('projectUsage', () => {
  it('scales rates by month / window and keeps storage levels', () => {
    const usage = new Map([
      ['lambda.requests', new ExactDecimal(10)],
      ['s3.storage_gb_month', new ExactDecimal(2)],
    ])
    expect(plain(projectUsage(usage, 43_200, 60))).toEqual({
      'lambda.requests': '7200',
      's3.storage_gb_month': '2',
    })
    expect(isLevelUsageType('s3.storage_gb_month')).toBe(true)
    expect(isLevelUsageType('s3.requests.put')).toBe(false)
  })
})
