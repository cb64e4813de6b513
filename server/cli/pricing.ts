import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Config } from '../config.js'
import type { Catalog } from '../domains/pricing/catalog.js'
import { MAIN_REGIONS } from '../domains/pricing/coverage.js'
import { coverageMarkdown, coverageOf, serviceGapsMarkdown } from '../domains/pricing/coverage-table.js'
import type { OfferFile, OfferImport, OfferUpdate } from '../domains/pricing/offer-import.js'
import {
  AWS_PRICE_LIST_URL,
  offerCodesFor,
  PriceListSyncError,
  type SyncResult,
  syncPriceList,
} from '../domains/pricing/price-list-sync.js'
import { createPricingService } from '../domains/pricing/pricing.service.js'
import { SERVICE_IDS } from '../domains/pricing/services/registry.js'
import { createSyncProgress } from './progress.js'
import { closeRuntime, openRuntime } from './runtime.js'

const USAGE = `Usage: mockupaws pricing import FILE   (an AWS Price List offer file, bulk JSON format)
       mockupaws pricing coverage [--regions REGION[,REGION...]|all] [--service SERVICE]
                                  (default: the ten main Regions; --service lists that service's missing prices)
       mockupaws pricing sync --regions REGION[,REGION...]|all [--services SERVICE[,SERVICE...]]
                              [--base-url ${AWS_PRICE_LIST_URL}] [--cache-dir DIR]
`

function fail(message: string): never {
  process.stderr.write(`mockupaws: ${message}\n`)
  process.exit(1)
}

async function readOffer(file: string): Promise<OfferFile> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (err) {
    fail(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let offer: unknown
  try {
    offer = JSON.parse(text)
  } catch {
    fail(`${file} is not valid JSON`)
  }
  const products = (offer as { products?: unknown } | null)?.products
  if (typeof products !== 'object' || products === null || Array.isArray(products)) {
    fail(`${file} is not an AWS Price List offer file (no "products" object)`)
  }
  return offer as OfferFile
}

function describeTiers(tiers: { upto: string | null; price: string }[], per = '1'): string {
  const bands = tiers.map((t) => `${t.price}${t.upto === null ? '' : ` up to ${t.upto}`}`).join(', ')
  return per === '1' ? bands : `${bands} per ${per}`
}

/** `not_offered` claims a synced or imported price contradicted, so dropped (docs/pricing.md#not-offered). */
function describeWithdrawn(withdrawn: OfferImport['withdrawn_not_offered']): string {
  return withdrawn
    .map((w) => `${w.region}: dropped the not-offered claim ${w.pattern}, AWS prices ${w.usage_type} there\n`)
    .join('')
}

/** One line per region with the usage types updated there, then the skipped count. */
function summarise(updated: OfferUpdate[], skipped: number): string {
  const byRegion = new Map<string, OfferUpdate[]>()
  for (const update of updated) byRegion.set(update.region, [...(byRegion.get(update.region) ?? []), update])
  const lines: string[] = []
  for (const region of [...byRegion.keys()].sort()) {
    const updates = byRegion.get(region) ?? []
    lines.push(`${region}: ${updates.length} usage type${updates.length === 1 ? '' : 's'} updated`)
    for (const u of updates) {
      const was = u.previous_tiers ? ` (was ${describeTiers(u.previous_tiers, u.previous_per)})` : ' (new)'
      lines.push(`  ${u.usage_type} ← ${u.aws_usage_type}: ${describeTiers(u.tiers)}${was}`)
    }
  }
  lines.push(
    `skipped ${skipped} product${skipped === 1 ? '' : 's'} (no mapped usage type or on-demand price)`,
  )
  return `${lines.join('\n')}\n`
}

function usage(): never {
  process.stderr.write(USAGE)
  process.exit(2)
}

/**
 * `mockupaws pricing import FILE`: applies an AWS offer file to the catalog in use and stores the result in
 * the database (`pricing_catalogs`), so every instance prices with it from its next start.
 * `mockupaws pricing sync ...`: the same from AWS's current Price List files (docs/pricing.md).
 * `mockupaws pricing coverage`: how complete the catalog in use is per region, as GET /pricing/coverage says.
 */
export async function pricingCommand(config: Config, args: string[]): Promise<void> {
  const [sub, ...rest] = args
  if (sub === 'sync') return syncCommand(config, rest)
  if (sub === 'coverage') return coverageCommand(config, rest)
  const [file, ...extra] = rest
  if (sub !== 'import' || !file || extra.length > 0) usage()
  const offer = await readOffer(file)
  const runtime = await openRuntime(config, { logToStderr: true })
  try {
    const pricing = createPricingService({ db: runtime.database.db })
    await pricing.load()
    const result = await pricing.importOffer(offer, basename(file))
    process.stdout.write(summarise(result.updated, result.skipped))
    process.stdout.write(describeWithdrawn(result.withdrawn_not_offered))
    process.stdout.write(
      result.stored
        ? `stored the updated catalog; running servers use it after a restart\n`
        : 'no price changed; nothing stored\n',
    )
  } finally {
    await closeRuntime(runtime)
  }
}

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((item) => item.trim())
    .filter(Boolean)

function parseSyncArgs(config: Config, args: string[]) {
  let values: Record<string, string | undefined>
  try {
    values = parseArgs({
      args,
      options: {
        regions: { type: 'string' },
        services: { type: 'string' },
        'base-url': { type: 'string' },
        'cache-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>
  } catch (err) {
    process.stderr.write(`mockupaws: ${(err as Error).message}\n`)
    usage()
  }
  if (!values.regions) usage()
  const baseUrl = values['base-url'] ?? AWS_PRICE_LIST_URL
  if (!/^https?:\/\/[^/]/.test(baseUrl)) fail(`--base-url must be an http(s) URL, not ${baseUrl}`)
  return {
    regions: values.regions,
    services: list(values.services),
    baseUrl,
    cacheDir: values['cache-dir'] ?? join(config.dataDir, 'price-list-cache'),
  }
}

function describeSync(result: SyncResult): string {
  const lines: string[] = []
  const describeUpdates = (file: SyncResult['offers' | 'savings_plans'][number]) => {
    for (const u of file.updated) {
      const was = u.previous_tiers ? ` (was ${describeTiers(u.previous_tiers, u.previous_per)})` : ' (new)'
      lines.push(`  ${u.usage_type} ← ${u.aws_usage_type}: ${describeTiers(u.tiers)}${was}`)
    }
    const withdrawn = describeWithdrawn(file.withdrawn_not_offered)
    if (withdrawn) lines.push(withdrawn.trimEnd())
  }
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`
  const prices = (n: number) => count(n, 'price')
  for (const offer of result.offers) {
    lines.push(
      `${offer.key} (published ${offer.publication_date}): ${prices(offer.updated.length)} applied from ${count(offer.products, 'product')} and ${count(offer.reserved_terms, 'Reserved term')}`,
    )
    describeUpdates(offer)
  }
  for (const plans of result.savings_plans) {
    lines.push(
      `${plans.key} (published ${plans.publication_date}): ${prices(plans.updated.length)} applied from ${plans.rates} Savings Plans rates`,
    )
    describeUpdates(plans)
  }
  if (result.unchanged.length > 0) lines.push(`unchanged since the last sync: ${result.unchanged.join(', ')}`)
  if (result.not_offered.length > 0) lines.push(`not offered there: ${result.not_offered.join(', ')}`)
  lines.push(
    result.snapshot
      ? `stored snapshot ${result.snapshot.id} (as of ${result.snapshot.as_of}); what changed: GET /api/v1/pricing/snapshots/diff?from=${result.snapshot.previous_id}&to=${result.snapshot.id}; running servers use it after a restart`
      : 'every offer is unchanged; nothing stored',
  )
  return `${lines.join('\n')}\n`
}

async function syncCommand(config: Config, args: string[]): Promise<void> {
  const options = parseSyncArgs(config, args)
  try {
    offerCodesFor(options.services)
  } catch (err) {
    fail((err as Error).message)
  }
  const runtime = await openRuntime(config, { logToStderr: true })
  let failure: string | undefined
  try {
    const pricing = createPricingService({ db: runtime.database.db })
    await pricing.load()
    const regions =
      options.regions === 'all'
        ? Object.keys(pricing.current().regions).sort()
        : (list(options.regions) ?? [])
    const result = await syncPriceList(pricing, {
      regions,
      ...(options.services ? { services: options.services } : {}),
      baseUrl: options.baseUrl,
      cacheDir: options.cacheDir,
      progress: createSyncProgress(process.stderr),
    })
    process.stdout.write(describeSync(result))
  } catch (err) {
    if (!(err instanceof PriceListSyncError)) throw err
    failure = err.message
  } finally {
    await closeRuntime(runtime)
  }
  if (failure) fail(failure)
}

/** The catalog in use (stored by an import or sync, else the bundled one), as a Markdown table per region. */
async function coverageCommand(config: Config, args: string[]): Promise<void> {
  let options: { regions?: string; service?: string }
  try {
    options = parseArgs({
      args,
      options: { regions: { type: 'string' }, service: { type: 'string' } },
      strict: true,
    }).values
  } catch (err) {
    process.stderr.write(`mockupaws: ${(err as Error).message}\n`)
    usage()
  }
  const { regions, service } = options
  // `--regions=` or `--regions ,` names none: a usage error, not an empty table.
  if (regions !== undefined && regions !== 'all' && list(regions)?.length === 0) usage()
  if (service !== undefined && !SERVICE_IDS.includes(service as never)) {
    fail(`unknown service ${service}; services: ${SERVICE_IDS.join(', ')}`)
  }
  const runtime = await openRuntime(config, { logToStderr: true })
  let catalog: Catalog
  try {
    const pricing = createPricingService({ db: runtime.database.db })
    await pricing.load()
    catalog = pricing.current()
  } finally {
    await closeRuntime(runtime)
  }
  const codes =
    regions === undefined
      ? [...MAIN_REGIONS]
      : regions === 'all'
        ? Object.keys(catalog.regions).sort()
        : [...new Set(list(regions))]
  const unknown = codes.filter((code) => !catalog.regions[code])
  if (unknown.length > 0)
    fail(`not a region of the catalog: ${unknown.join(', ')} (GET /api/v1/pricing/regions)`)
  const coverage = coverageOf(catalog, codes)
  process.stdout.write(service ? serviceGapsMarkdown(coverage, service) : coverageMarkdown(coverage))
}
