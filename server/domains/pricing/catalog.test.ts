import { describe, expect, it } from 'vitest'
import {
  bundledCatalog,
  type Catalog,
  dropNotOffered,
  findNotOffered,
  notOfferedPatternMatches,
  notOfferedProblems,
  unitOfUsageType,
} from './catalog.js'
import { knownUsageTypes } from './coverage.js'
import { serviceOfUsageType } from './services/registry.js'

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

describe('not_offered', () => {
  it.each([
    ['apprunner.*', 'apprunner.active_vcpu_hours', true],
    ['apprunner.*', 'apprunner', false],
    ['bedrock.*.meta.llama3-8b-instruct', 'bedrock.input_tokens.meta.llama3-8b-instruct', true],
    [
      'bedrock.*.meta.llama3-8b-instruct',
      'bedrock.provisioned_mu_hours_1_month.meta.llama3-8b-instruct',
      true,
    ],
    ['bedrock.*.meta.llama3-8b-instruct', 'bedrock.input_tokens.meta.llama3-8b-instruct-v2', false],
    ['bedrock.*.meta.llama3-8b-instruct', 'bedrock.input.tokens.meta.llama3-8b-instruct', false],
    ['s3.storage_gb_month.express_one_zone', 's3.storage_gb_month.express_one_zone', true],
    ['s3.storage_gb_month.express_one_zone', 's3.storage_gb_month.standard', false],
    ['msk.serverless_cluster_hours', 'msk.serverless_cluster_hours', true],
    ['lambda.managed_instance_fee_hours.*', 'lambda.managed_instance_fee_hours.m7g.large', true],
  ])('%s covers %s: %s', (pattern, usageType, covers) => {
    expect(notOfferedPatternMatches(pattern, usageType)).toBe(covers)
  })

  it('holds in the bundled catalog: sourced, dated, known, never priced where claimed', () => {
    expect(notOfferedProblems(bundledCatalog)).toEqual([])
    for (const [region, claims] of Object.entries(bundledCatalog.not_offered ?? {})) {
      for (const pattern of Object.keys(claims)) {
        const service = serviceOfUsageType(pattern)
        const covered = knownUsageTypes(bundledCatalog, service).filter((u) =>
          notOfferedPatternMatches(pattern, u),
        )
        expect(
          covered.length,
          `not_offered.${region}.${pattern} covers a usage type the catalog knows`,
        ).toBeGreaterThan(0)
      }
    }
  })

  it('names every broken claim, a priced usage type first of all', () => {
    const catalog: Catalog = structuredClone(bundledCatalog)
    catalog.not_offered = {
      'eu-west-2': {
        'sqs.requests.standard': { source: 'sqs-page', as_of: '2026-12-07' },
        'sqs.*': { source: 'no-such-source', as_of: 'December' },
        'bedrock.*.amazon.titan-text-premier': { source: 'sqs-page', as_of: '2026-12-07' },
        'bedrock.nothing_like_this.x': { source: 'sqs-page', as_of: '2026-12-07' },
        'mainframe.mips': { source: 'sqs-page', as_of: '2026-12-07' },
      },
      'xx-north-9': {},
    }
    catalog.meta.sources['sqs-page'] = { url: 'https://aws.amazon.com/sqs/pricing/', note: 'test' }
    expect(notOfferedProblems(catalog)).toEqual([
      'not_offered.eu-west-2.sqs.requests.standard: sqs.requests.standard is priced in eu-west-2',
      'not_offered.eu-west-2.sqs.*: source no-such-source is not in meta.sources',
      'not_offered.eu-west-2.sqs.*: as_of December is not a date',
      'not_offered.eu-west-2.sqs.*: sqs.requests.fifo is priced in eu-west-2',
      'not_offered.eu-west-2.sqs.*: sqs.requests.standard is priced in eu-west-2',
      'not_offered.eu-west-2.bedrock.nothing_like_this.x: matches no usage type of bedrock',
      'not_offered.eu-west-2.mainframe.mips: mainframe is not a service of the catalog',
      'not_offered.xx-north-9: not a region of the catalog',
    ])
  })

  it('finds the claim covering a usage type and drops it when a price arrives', () => {
    const catalog: Catalog = structuredClone(bundledCatalog)
    delete catalog.prices['eu-west-2']?.['sqs.requests.fifo']
    catalog.not_offered = {
      'eu-west-2': { 'sqs.requests.fifo': { source: 'sqs-page', as_of: '2026-12-07' } },
    }
    expect(findNotOffered(catalog, 'eu-west-2', 'sqs.requests.fifo')).toEqual({
      pattern: 'sqs.requests.fifo',
      source: 'sqs-page',
      as_of: '2026-12-07',
    })
    expect(findNotOffered(catalog, 'eu-west-1', 'sqs.requests.fifo')).toBeUndefined()
    expect(findNotOffered(catalog, 'eu-west-2', 'sqs.requests.standard')).toBeUndefined()
    expect(dropNotOffered(catalog, 'eu-west-2', 'sqs.requests.standard')).toEqual([])
    expect(dropNotOffered(catalog, 'eu-west-2', 'sqs.requests.fifo')).toEqual(['sqs.requests.fifo'])
    expect(catalog.not_offered).toEqual({})
  })
})
