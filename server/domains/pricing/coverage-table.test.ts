import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundledCatalog } from './catalog.js'
import { MAIN_REGIONS, type RegionCoverage, type ServiceCoverage } from './coverage.js'
import {
  coverageMarkdown,
  coverageOf,
  docsTables,
  type GeneratedTable,
  generatedOf,
  markersOf,
  replaceGenerated,
  serviceGapsMarkdown,
  serviceMatrixMarkdown,
} from './coverage-table.js'

/** A Markdown table's cells, without the padding a formatter adds. */
const cells = (table: string) =>
  table
    .trim()
    .split('\n')
    .map((row) =>
      row
        .split('|')
        .slice(1, -1)
        .map((cell) => (/^\s*-+\s*$/.test(cell) ? '---' : cell.trim())),
    )

const service = (id: string, status: ServiceCoverage['status'], priced: number, total: number) =>
  ({
    service: id,
    name: id,
    status,
    usage_types_priced: priced,
    usage_types_total: total,
    usage_types_not_offered: status === 'not_offered' ? 2 : 0,
    unpriced_usage_types: [],
    not_offered_usage_types: [],
    incomplete_tier_usage_types: [],
  }) satisfies ServiceCoverage

describe('the coverage tables (mockupaws pricing coverage, docs/pricing.md)', () => {
  const tables = docsTables(bundledCatalog)

  const region = (code: string, services: ServiceCoverage[]): RegionCoverage => ({
    code,
    name: code,
    status: 'partial',
    services_complete: services.filter((s) => s.status === 'complete').length,
    services_total: services.filter((s) => s.status !== 'not_offered').length,
    services_not_offered: services.filter((s) => s.status === 'not_offered').length,
    usage_types_priced: services.reduce((n, s) => n + s.usage_types_priced, 0),
    usage_types_total: services.reduce((n, s) => n + s.usage_types_total, 0),
    usage_types_not_offered: services.reduce((n, s) => n + s.usage_types_not_offered, 0),
    services,
  })
  const regions = [
    region('sa-east-1', [
      service('lambda', 'complete', 4, 4),
      service('apprunner', 'not_offered', 0, 0),
      service('bedrock', 'partial', 3, 41),
      service('glue', 'none', 0, 2),
    ]),
    region('us-east-1', [
      service('lambda', 'complete', 4, 4),
      service('apprunner', 'complete', 3, 3),
      service('bedrock', 'complete', 41, 41),
      service('glue', 'partial', 1, 2),
    ]),
  ]

  it('names each region’s services with gaps and counts what AWS does not offer apart', () => {
    expect(cells(coverageMarkdown(regions)).slice(2)).toEqual([
      ['sa-east-1', '1 of 3', '1', '7 of 47', '2', 'bedrock 3/41, glue 0/2'],
      ['us-east-1', '3 of 4', '0', '49 of 50', '0', 'glue 1/2'],
    ])
  })

  it('shows each service per region: complete, n of m offered usage types, or not offered', () => {
    expect(cells(serviceMatrixMarkdown(regions))).toEqual([
      ['service', 'sa-east-1', 'us-east-1'],
      ['---', '---', '---'],
      ['lambda (`lambda`)', '✓', '✓'],
      ['apprunner (`apprunner`)', 'not offered', '✓'],
      ['bedrock (`bedrock`)', '3/41', '✓'],
      ['glue (`glue`)', '0/2', '1/2'],
    ])
  })

  it('lists one service’s usage types without a price per region, for whoever sources them next', () => {
    const bedrock = (status: ServiceCoverage['status'], unpriced: string[], notOffered = 0) => ({
      ...service('bedrock', status, 3, 3 + unpriced.length),
      usage_types_not_offered: notOffered,
      unpriced_usage_types: unpriced,
    })
    const table = serviceGapsMarkdown(
      [
        region('sa-east-1', [bedrock('partial', ['bedrock.input_tokens.x', 'bedrock.output_tokens.x'], 5)]),
        region('us-east-1', [bedrock('complete', [])]),
        region('eu-west-1', [service('lambda', 'complete', 4, 4)]),
      ],
      'bedrock',
    )
    expect(cells(table)).toEqual([
      ['region', 'usage types priced', 'not offered', 'without a price'],
      ['---', '---', '---', '---'],
      ['sa-east-1', '3 of 5', '5', 'bedrock.input_tokens.x, bedrock.output_tokens.x'],
      ['us-east-1', '3 of 3', '0', '—'],
    ])
  })

  it('keeps the regions in the order asked for', () => {
    expect(coverageOf(bundledCatalog, ['us-west-2', 'eu-west-1']).map((r) => r.code)).toEqual([
      'us-west-2',
      'eu-west-1',
    ])
    expect(coverageOf(bundledCatalog).map((r) => r.code)).toEqual([...MAIN_REGIONS])
  })

  it.each(['coverage-table', 'service-matrix', 'other-regions'] as const)(
    'docs/pricing.md’s %s is current (regenerate it with `npm run docs:coverage`)',
    (name) => {
      const docs = readFileSync(new URL('../../../docs/pricing.md', import.meta.url), 'utf8')
      expect(cells(generatedOf(docs, name))).toEqual(cells(tables[name]))
    },
  )

  it('generates the other Regions apart from the ten main ones', () => {
    const codes = (table: string) =>
      cells(table)
        .slice(2)
        .map((row) => row[0])
    expect(codes(tables['coverage-table'])).toEqual([...MAIN_REGIONS])
    const others = codes(tables['other-regions'])
    expect(others).toHaveLength(Object.keys(bundledCatalog.regions).length - MAIN_REGIONS.length)
    expect(others).not.toContain('us-east-1')
    expect(others).toContain('eu-south-1')
  })

  it('replaces only the text between its markers, and refuses a document without them', () => {
    const { begin, end } = markersOf('service-matrix')
    const document = `# Pricing\n\nbefore\n${begin}\n\n| old |\n\n${end}\nafter\n`
    expect(replaceGenerated(document, 'service-matrix', '| new |\n')).toBe(
      `# Pricing\n\nbefore\n${begin}\n\n| new |\n\n${end}\nafter\n`,
    )
    const name: GeneratedTable = 'coverage-table'
    expect(() => replaceGenerated(document, name, '| new |\n')).toThrow(/coverage-table markers/)
  })
})
