import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundledCatalog } from './catalog.js'
import type { RegionCoverage, ServiceCoverage } from './coverage.js'
import {
  COVERAGE_TABLE_MARKERS,
  coverageMarkdown,
  coverageOf,
  coverageTableOf,
  MAIN_REGIONS,
  replaceCoverageTable,
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

describe('the coverage table (mockupaws pricing coverage, docs/pricing.md)', () => {
  it('names each region’s services with gaps and counts what AWS does not offer apart', () => {
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
    const table = coverageMarkdown([
      region('sa-east-1', [
        service('lambda', 'complete', 4, 4),
        service('apprunner', 'not_offered', 0, 0),
        service('bedrock', 'partial', 3, 41),
        service('glue', 'none', 0, 2),
      ]),
      region('us-east-1', [service('lambda', 'complete', 4, 4)]),
    ])
    expect(cells(table).slice(2)).toEqual([
      ['sa-east-1', '1 of 3', '1', '7 of 47', '2', 'bedrock 3/41, glue 0/2'],
      ['us-east-1', '1 of 1', '0', '4 of 4', '0', '—'],
    ])
  })

  it('keeps the regions in the order asked for', () => {
    expect(coverageOf(bundledCatalog, ['us-west-2', 'eu-west-1']).map((r) => r.code)).toEqual([
      'us-west-2',
      'eu-west-1',
    ])
    expect(coverageOf(bundledCatalog).map((r) => r.code)).toEqual([...MAIN_REGIONS])
  })

  it('is current in docs/pricing.md (regenerate it with `npm run docs:coverage`)', () => {
    const docs = readFileSync(new URL('../../../docs/pricing.md', import.meta.url), 'utf8')
    expect(cells(coverageTableOf(docs))).toEqual(cells(coverageMarkdown(coverageOf(bundledCatalog))))
  })

  it('replaces only the text between its markers, and refuses a document without them', () => {
    const { begin, end } = COVERAGE_TABLE_MARKERS
    const document = `# Pricing\n\nbefore\n${begin}\n\n| old |\n\n${end}\nafter\n`
    expect(replaceCoverageTable(document, '| new |\n')).toBe(
      `# Pricing\n\nbefore\n${begin}\n\n| new |\n\n${end}\nafter\n`,
    )
    expect(() => replaceCoverageTable('# Pricing\n', '| new |\n')).toThrow(/markers/)
  })
})
