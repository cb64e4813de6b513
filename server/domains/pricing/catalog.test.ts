import { describe, expect, it } from 'vitest'
import { bundledCatalog, unitOfUsageType } from './catalog.js'

describe('unitOfUsageType', () => {
  it.each([
    ['lambda.requests', 'requests'],
    ['lambda.gb_seconds.arm64', 'GB-seconds'],
    ['ec2.instance_hours.m5.large', 'instance-hours'],
    ['rds.instance_hours.db.t3.micro', 'instance-hours'],
    ['bedrock.input_tokens.anthropic.claude-3-haiku', 'tokens'],
    ['apigw.requests.rest', 'requests'],
  ])('%s is counted in %s, dots in the suffix included', (usageType, unit) => {
    expect(unitOfUsageType(bundledCatalog, usageType)).toBe(unit)
  })

  it('knows no unit for an unknown usage type or a bare family prefix', () => {
    expect(unitOfUsageType(bundledCatalog, 'lambda.unknown')).toBeUndefined()
    expect(unitOfUsageType(bundledCatalog, 'ec2.instance_hours.')).toBeUndefined()
    expect(unitOfUsageType(bundledCatalog, 'mainframe.mips')).toBeUndefined()
  })
})
