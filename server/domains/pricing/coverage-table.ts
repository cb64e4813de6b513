import type { Catalog } from './catalog.js'
import { catalogCoverage, MAIN_REGIONS, type RegionCoverage, type ServiceCoverage } from './coverage.js'

/** The coverage of `regions` (the ten main ones unless given) in the order given, not by code. */
export function coverageOf(catalog: Catalog, regions: readonly string[] = MAIN_REGIONS): RegionCoverage[] {
  const byCode = new Map(catalogCoverage(catalog, [...regions]).map((r) => [r.code, r]))
  return regions.flatMap((code) => byCode.get(code) ?? [])
}

/** The tables docs/pricing.md generates, each between its two markers (`npm run docs:coverage` rewrites them). */
export type GeneratedTable = 'coverage-table' | 'service-matrix' | 'other-regions'

export function markersOf(name: GeneratedTable): { begin: string; end: string } {
  return { begin: `<!-- ${name}:begin (npm run docs:coverage) -->`, end: `<!-- ${name}:end -->` }
}

function servicesWithGaps(region: RegionCoverage): string {
  const gaps = region.services
    .filter((s) => s.status === 'partial' || s.status === 'none')
    .map((s) => `${s.service} ${s.usage_types_priced}/${s.usage_types_total}`)
  return gaps.length > 0 ? gaps.join(', ') : '—'
}

const markdownTable = (rows: string[][]) => `${rows.map((cells) => `| ${cells.join(' | ')} |`).join('\n')}\n`

/**
 * Coverage as a Markdown table, one row per region: services fully priced of those AWS offers there, services
 * and usage types AWS does not offer there (sourced claims, not gaps), and the services with gaps.
 */
export function coverageMarkdown(regions: readonly RegionCoverage[]): string {
  return markdownTable([
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
  ])
}

function matrixCell(service: ServiceCoverage): string {
  if (service.status === 'complete') return '✓'
  if (service.status === 'not_offered') return 'not offered'
  return `${service.usage_types_priced}/${service.usage_types_total}`
}

/**
 * One row per service (registry order), one column per region: ✓ when every usage type AWS offers there is
 * priced in every band, `n/m` when n of the m it offers are (an incomplete band counts as unpriced), `not
 * offered` when AWS sells none of them there.
 */
export function serviceMatrixMarkdown(regions: readonly RegionCoverage[]): string {
  const services = regions[0]?.services ?? []
  return markdownTable([
    ['service', ...regions.map((r) => r.code)],
    ['---', ...regions.map(() => '---')],
    ...services.map((service, index) => [
      `${service.name} (\`${service.service}\`)`,
      ...regions.map((r) => {
        const cell = r.services[index]
        return cell ? matrixCell(cell) : '—'
      }),
    ]),
  ])
}

/**
 * One service's gaps per region: usage types priced of those AWS offers there, and those without a price (the
 * ones a contributor would source next), with the count AWS does not offer.
 */
export function serviceGapsMarkdown(regions: readonly RegionCoverage[], service: string): string {
  const rows = regions.flatMap((r) => {
    const entry = r.services.find((s) => s.service === service)
    if (!entry) return []
    const unpriced = [
      ...entry.unpriced_usage_types,
      ...entry.incomplete_tier_usage_types.map((u) => `${u} (bands)`),
    ]
    return [
      [
        r.code,
        entry.status === 'not_offered'
          ? 'not offered'
          : `${entry.usage_types_priced} of ${entry.usage_types_total}`,
        String(entry.usage_types_not_offered),
        unpriced.length > 0 ? unpriced.join(', ') : '—',
      ],
    ]
  })
  return markdownTable([
    ['region', 'usage types priced', 'not offered', 'without a price'],
    ['---', '---', '---', '---'],
    ...rows,
  ])
}

/** Every generated table of docs/pricing.md: the ten main Regions, by region and by service, then the others. */
export function docsTables(catalog: Catalog): Record<GeneratedTable, string> {
  const main = coverageOf(catalog)
  const others = Object.keys(catalog.regions)
    .filter((code) => !(MAIN_REGIONS as readonly string[]).includes(code))
    .sort()
  return {
    'coverage-table': coverageMarkdown(main),
    'service-matrix': serviceMatrixMarkdown(main),
    'other-regions': coverageMarkdown(coverageOf(catalog, others)),
  }
}

function bounds(document: string, name: GeneratedTable): { inner: number; end: number } {
  const { begin, end } = markersOf(name)
  const at = document.indexOf(begin)
  const stop = document.indexOf(end)
  if (at < 0 || stop < at) throw new Error(`the ${name} markers are missing or out of order`)
  return { inner: at + begin.length, end: stop }
}

/** `document` with the text between the markers of `name` replaced by `table` (both markers must exist). */
export function replaceGenerated(document: string, name: GeneratedTable, table: string): string {
  const { inner, end } = bounds(document, name)
  return `${document.slice(0, inner)}\n\n${table}\n${document.slice(end)}`
}

/** The generated table `name` of `document` (between its markers), as written there. */
export function generatedOf(document: string, name: GeneratedTable): string {
  const { inner, end } = bounds(document, name)
  return document.slice(inner, end).trim()
}
