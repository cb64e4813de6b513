import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Config } from '../config.js'
import type { OfferFile, OfferUpdate } from '../domains/pricing/offer-import.js'
import { createPricingService } from '../domains/pricing/pricing.service.js'
import { closeRuntime, openRuntime } from './runtime.js'

const USAGE = 'Usage: mockupaws pricing import FILE   (an AWS Price List offer file, bulk JSON format)\n'

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

function describeTiers(tiers: { upto: string | null; price: string }[]): string {
  return tiers.map((t) => `${t.price}${t.upto === null ? '' : ` up to ${t.upto}`}`).join(', ')
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
      const was = u.previous_tiers ? ` (was ${describeTiers(u.previous_tiers)})` : ' (new)'
      lines.push(`  ${u.usage_type} ← ${u.aws_usage_type}: ${describeTiers(u.tiers)}${was}`)
    }
  }
  lines.push(
    `skipped ${skipped} product${skipped === 1 ? '' : 's'} (no mapped usage type or on-demand price)`,
  )
  return `${lines.join('\n')}\n`
}

/**
 * `mockupaws pricing import FILE`: applies an AWS offer file to the catalog in use and stores the result in
 * the database (`pricing_catalogs`), so every instance prices with it from its next start.
 */
export async function pricingCommand(config: Config, args: string[]): Promise<void> {
  const [sub, file, ...extra] = args
  if (sub !== 'import' || !file || extra.length > 0) {
    process.stderr.write(USAGE)
    process.exit(2)
  }
  const offer = await readOffer(file)
  const runtime = await openRuntime(config, { logToStderr: true })
  try {
    const pricing = createPricingService({ db: runtime.database.db })
    await pricing.load()
    const result = await pricing.importOffer(offer, basename(file))
    process.stdout.write(summarise(result.updated, result.skipped))
    process.stdout.write(
      result.stored
        ? `stored the updated catalog; running servers use it after a restart\n`
        : 'no price changed; nothing stored\n',
    )
  } finally {
    await closeRuntime(runtime)
  }
}
