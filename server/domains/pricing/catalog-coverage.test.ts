import { describe, expect, it } from 'vitest'
import { bundledCatalog as catalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'

function cost(result: ReturnType<typeof priceUsage>, usageType: string): string | undefined {
  return result.by_service.flatMap((s) => s.by_usage_type).find((r) => r.usage_type === usageType)?.cost
}

describe('catalog entries', () => {
  const entries = Object.entries(catalog.prices).flatMap(([region, prices]) =>
    Object.entries(prices).map(([usageType, entry]) => ({ region, usageType, entry })),
  )

  it('cite a known source, a confidence and a dated as_of', () => {
    for (const { region, usageType, entry } of entries) {
      const where = `${region} ${usageType}`
      expect(catalog.meta.sources[entry.source], where).toBeDefined()
      expect(['official', 'price-list', 'secondary', 'inferred'], where).toContain(entry.confidence)
      expect(entry.as_of, where).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
  })

  it('use plain decimal strings and ascending bands, unbounded only at the end of a complete list', () => {
    const decimal = /^\d+(\.\d+)?$/
    for (const { region, usageType, entry } of entries) {
      const where = `${region} ${usageType}`
      expect(entry.per, where).toMatch(decimal)
      entry.tiers.forEach((tier, i) => {
        expect(tier.price, where).toMatch(decimal)
        const last = i === entry.tiers.length - 1
        if (tier.upto === null) expect(last && !entry.tiers_incomplete, where).toBe(true)
        else expect(tier.upto, where).toMatch(decimal)
        const previous = entry.tiers[i - 1]?.upto
        if (previous && tier.upto) expect(Number(tier.upto), where).toBeGreaterThan(Number(previous))
      })
      if (entry.tiers_incomplete) expect(entry.tiers.at(-1)?.upto, where).not.toBeNull()
    }
  })
})

describe('regional coverage: representative usage is priced, not unpriced', () => {
  it('us-west-2: S3 storage and GETs, Fargate x86', () => {
    const result = priceUsage({
      region: 'us-west-2',
      usage: {
        's3.storage_gb_month': '1000',
        's3.requests.get': '1000000',
        'fargate.vcpu_hours.x86_64': '730',
        'fargate.gb_hours.x86_64': '1460',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 1000 × 0.023 + 1000 × 0.0004 + 730 × 0.04048 + 1460 × 0.004445
    expect(result.total).toBe('59.4401')
  })

  it('eu-west-1: Lambda Arm across the first duration band, REST and HTTP APIs, m5.large, Fargate Arm', () => {
    const result = priceUsage({
      region: 'eu-west-1',
      usage: {
        'lambda.requests': '3000000',
        'lambda.gb_seconds.arm64': '8000000000',
        'apigw.requests.rest': '5000000',
        'apigw.requests.http': '5000000',
        'ec2.instance_hours.m5.large': '730',
        'fargate.vcpu_hours.arm64': '730',
        'fargate.gb_hours.arm64': '1460',
        'cloudwatch_logs.stored_gb_month': '10',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 7.5B × 0.0000133334 + 0.5B × 0.0000120001
    expect(cost(result, 'lambda.gb_seconds.arm64')).toBe('106000.55')
    expect(cost(result, 'lambda.requests')).toBe('0.6')
    expect(cost(result, 'apigw.requests.rest')).toBe('17.5')
    expect(cost(result, 'apigw.requests.http')).toBe('5.55')
    expect(cost(result, 'ec2.instance_hours.m5.large')).toBe('78.11')
    expect(cost(result, 'fargate.vcpu_hours.arm64')).toBe('23.6374')
    expect(cost(result, 'cloudwatch_logs.stored_gb_month')).toBe('0.3')
  })

  it('eu-central-1: Lambda x86, S3 storage and requests, RDS PostgreSQL db.t3.micro', () => {
    const result = priceUsage({
      region: 'eu-central-1',
      usage: {
        'lambda.requests': '2000000',
        'lambda.gb_seconds.x86_64': '1000000',
        's3.storage_gb_month': '500',
        's3.requests.put': '100000',
        's3.requests.get': '1000000',
        'rds.instance_hours.db.t3.micro': '730',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    expect(cost(result, 's3.storage_gb_month')).toBe('12.25')
    expect(cost(result, 's3.requests.put')).toBe('0.54')
    expect(cost(result, 's3.requests.get')).toBe('0.43')
    expect(cost(result, 'rds.instance_hours.db.t3.micro')).toBe('15.33')
  })

  it('ap-southeast-1: S3 storage across two bands, requests, Lambda Arm', () => {
    const result = priceUsage({
      region: 'ap-southeast-1',
      usage: {
        's3.storage_gb_month': '52200',
        's3.requests.put': '200000',
        's3.requests.get': '2000000',
        'lambda.requests': '1000000',
        'lambda.gb_seconds.arm64': '100000',
      },
      includeFreeTier: false,
      catalog,
    })
    expect(result.unpriced).toEqual([])
    // 51,200 × 0.025 + 1,000 × 0.024
    expect(cost(result, 's3.storage_gb_month')).toBe('1304')
    expect(cost(result, 's3.requests.put')).toBe('1')
    expect(cost(result, 's3.requests.get')).toBe('0.8')
  })
})
