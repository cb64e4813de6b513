import type { Catalog } from './catalog.js'
import { catalogCoverage, type RegionCoverage } from './coverage.js'

/**
 * The ten Regions the catalog promises complete (docs/pricing.md#coverage): the ones `mockupaws pricing
 * coverage` shows by default and docs/pricing.md's table is generated for.
 */
export const MAIN_REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-2',
  'eu-west-1',
  'eu-west-2',
  'eu-central-1',
  'ap-southeast-1',
  'ap-northeast-1',
  'ap-south-1',
  'sa-east-1',
] as const

/** The coverage of `regions` (the ten main ones unless given) in the order given, not by code. */
export function coverageOf(catalog: Catalog, regions: readonly string[] = MAIN_REGIONS): RegionCoverage[] {
  const byCode = new Map(catalogCoverage(catalog, [...regions]).map((r) => [r.code, r]))
  return regions.flatMap((code) => byCode.get(code) ?? [])
}

/** Where docs/pricing.md's generated coverage table starts and ends (`npm run docs:coverage` rewrites it). */
export const COVERAGE_TABLE_MARKERS = {
  begin: '<!-- coverage-table:begin (npm run docs:coverage) -->',
  end: '<!-- coverage-table:end -->',
} as const

function servicesWithGaps(region: RegionCoverage): string {
  const gaps = region.services
    .filter((s) => s.status === 'partial' || s.status === 'none')
    .map((s) => `${s.service} ${s.usage_types_priced}/${s.usage_types_total}`)
  return gaps.length > 0 ? gaps.join(', ') : '—'
}

/**
 * Coverage as a Markdown table, one row per region: services fully priced of those AWS offers there, services
 * and usage types AWS does not offer there (sourced claims, not gaps), and the services with gaps.
 */
export function coverageMarkdown(regions: readonly RegionCoverage[]): string {
  const rows = [
    [
      'region',
      'services fully priced',
      'services not offered',
      'usage types priced',
      'usage types not offered',
      'services with gaps (priced/offered usage types)',
    ],
    ['---', '---', '---', '---', '---', '---'],
    ...regions.map((r) => [
      r.code,
      `${r.services_complete} of ${r.services_total}`,
      String(r.services_not_offered),
      `${r.usage_types_priced} of ${r.usage_types_total}`,
      String(r.usage_types_not_offered),
      servicesWithGaps(r),
    ]),
  ]
  return `${rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}\n`
}

/** `document` with the text between the coverage-table markers replaced by `table` (both markers must exist). */
export function replaceCoverageTable(document: string, table: string): string {
  const begin = document.indexOf(COVERAGE_TABLE_MARKERS.begin)
  const end = document.indexOf(COVERAGE_TABLE_MARKERS.end)
  if (begin < 0 || end < begin) throw new Error('the coverage-table markers are missing or out of order')
  const head = document.slice(0, begin + COVERAGE_TABLE_MARKERS.begin.length)
  return `${head}\n\n${table}\n${document.slice(end)}`
}

/** The generated table of `document` (between the markers), as written there. */
export function coverageTableOf(document: string): string {
  const begin = document.indexOf(COVERAGE_TABLE_MARKERS.begin)
  const end = document.indexOf(COVERAGE_TABLE_MARKERS.end)
  if (begin < 0 || end < begin) throw new Error('the coverage-table markers are missing or out of order')
  return document.slice(begin + COVERAGE_TABLE_MARKERS.begin.length, end).trim()
}
