import { describe, expect, it } from 'vitest'
import {
  type Coverage,
  chosenAbout,
  coverageGaps,
  coverageWords,
  type RegionCoverage,
  relevantToItem,
} from './coverage-api'

const region = (overrides: Partial<RegionCoverage>): RegionCoverage => ({
  code: 'sa-east-1',
  name: 'South America (São Paulo)',
  status: 'partial',
  services_complete: 20,
  services_total: 33,
  services_not_offered: 0,
  usage_types_priced: 10,
  usage_types_total: 20,
  usage_types_not_offered: 0,
  services: [],
  ...overrides,
})

describe('coverageWords', () => {
  it('counts the services a region offers and says how many it does not', () => {
    expect(coverageWords(region({}))).toBe('20 of 33 services fully priced')
    expect(coverageWords(region({ services_not_offered: 1 }))).toBe(
      '20 of 33 services fully priced · 1 service not offered here',
    )
    expect(coverageWords(region({ status: 'complete', services_not_offered: 2 }))).toBe(
      'all prices · 2 services not offered here',
    )
    expect(coverageWords(region({ status: 'none' }))).toBe('no prices')
  })
})

describe('coverageGaps', () => {
  const coverage = {
    regions: [
      region({
        services: [
          {
            service: 'bedrock',
            name: 'Amazon Bedrock',
            status: 'partial',
            usage_types_priced: 1,
            usage_types_total: 3,
            usage_types_not_offered: 2,
            unpriced_usage_types: ['bedrock.batch_input_tokens.amazon.nova-lite', 'bedrock.input_tokens.x.y'],
            not_offered_usage_types: [
              'bedrock.input_tokens.deepseek.r1',
              'bedrock.output_tokens.deepseek.r1',
            ],
            incomplete_tier_usage_types: [],
          },
        ],
      }),
    ],
  } as unknown as Coverage

  it('tells not offered from missing, only for the model the item names', () => {
    const choices = { model: ['amazon.nova-lite', 'deepseek.r1'] }
    expect(
      coverageGaps(coverage, 'sa-east-1', 'bedrock', relevantToItem(choices, { model: 'deepseek.r1' })),
    ).toEqual({
      notOffered: ['bedrock.input_tokens.deepseek.r1', 'bedrock.output_tokens.deepseek.r1'],
      missing: ['bedrock.input_tokens.x.y'],
      serviceNotOffered: false,
    })
    expect(
      coverageGaps(coverage, 'sa-east-1', 'bedrock', relevantToItem(choices, { model: 'amazon.nova-lite' })),
    ).toEqual({
      notOffered: [],
      missing: ['bedrock.batch_input_tokens.amazon.nova-lite', 'bedrock.input_tokens.x.y'],
      serviceNotOffered: false,
    })
    expect(coverageGaps(coverage, 'us-east-1', 'bedrock')).toEqual({
      notOffered: [],
      missing: [],
      serviceNotOffered: false,
    })
  })
})

describe('chosenAbout', () => {
  it('names the chosen model when every usage type not offered is about it, else nothing', () => {
    const choices = { model: ['amazon.nova-lite', 'deepseek.r1'] }
    const r1 = ['bedrock.input_tokens.deepseek.r1', 'bedrock.output_tokens.deepseek.r1']
    expect(chosenAbout(r1, choices, { model: 'deepseek.r1' })).toBe('deepseek.r1')
    expect(chosenAbout([...r1, 'bedrock.other'], choices, { model: 'deepseek.r1' })).toBeUndefined()
    expect(chosenAbout(r1, choices, { model: 'not.a.choice' })).toBeUndefined()
    expect(chosenAbout(r1, {}, { model: 'deepseek.r1' })).toBeUndefined()
  })
})
