import type { Db } from '../../db/client.js'
import type { ErrorDetail } from '../../errors.js'
import { notFound, validationError } from '../../errors.js'
import { pageWindow, toPage } from '../../lib/pagination.js'
import {
  bundledCatalog,
  type Catalog,
  findNotOffered,
  getServicePrices,
  listRegions,
  listServices,
  notOfferedProblems,
  publishedFreeTier,
  unitOfUsageType,
} from './catalog.js'
import { catalogCoverage, knownUsageTypes } from './coverage.js'
import { importOfferFile, type OfferFile, type OfferImport } from './offer-import.js'
import * as repo from './pricing.repo.js'
import type {
  CoverageQuery,
  CoverageResponse,
  PricingSnapshotRef,
  RegionsResponse,
  ServicePricesResponse,
  ServicesResponse,
  SnapshotDiffQuery,
  SnapshotDiffResponse,
  SnapshotPage,
} from './pricing.schemas.js'
import { bundledSnapshotId, diffCatalogs } from './snapshots.js'

type PricingDeps = { db: Db }

/** A catalog with the snapshot id that names it in costs answers. */
export type PricingSnapshot = { id: string; catalog: Catalog }

/** Stored snapshots kept in memory besides the current one: enough for a few side-by-side comparisons. */
const SNAPSHOT_CACHE_SIZE = 8
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const BUNDLED_SNAPSHOT_ID = bundledSnapshotId(bundledCatalog)

/** Where the catalog in use came from: the repository, or an import stored in `pricing_catalogs`. */
export type CatalogOrigin =
  | { kind: 'bundled' }
  | { kind: 'imported'; id: string; importedAt: Date; sourceFile: string }

/**
 * The pricing catalog of this process: the newest imported catalog in the database when there is one, the
 * bundled catalog otherwise. `load()` runs at start; `current()` is what costs and validation read.
 */
export function createPricingService({ db }: PricingDeps) {
  let catalog: Catalog = bundledCatalog
  let origin: CatalogOrigin = { kind: 'bundled' }
  /** Least recently used first: a Map keeps insertion order, and a hit is moved to the end. */
  const cache = new Map<string, Catalog>()

  const currentId = () => (origin.kind === 'imported' ? origin.id : BUNDLED_SNAPSHOT_ID)

  function remember(id: string, value: Catalog): void {
    cache.delete(id)
    cache.set(id, value)
    const oldest = cache.keys().next().value
    if (cache.size > SNAPSHOT_CACHE_SIZE && oldest !== undefined) cache.delete(oldest)
  }

  /** The catalog of a snapshot id, from memory when possible; undefined for an id that names none. */
  async function findSnapshot(id: string): Promise<PricingSnapshot | undefined> {
    if (id === currentId()) return { id, catalog }
    if (id === BUNDLED_SNAPSHOT_ID) return { id, catalog: bundledCatalog }
    const cached = cache.get(id)
    if (cached) {
      remember(id, cached)
      return { id, catalog: cached }
    }
    if (!UUID.test(id)) return undefined
    const row = await repo.findCatalog(db, id)
    if (!row) return undefined
    remember(row.id, row.catalog)
    return { id: row.id, catalog: row.catalog }
  }

  /** Like findSnapshot, but an unknown id is a 422 on `field`: a query value that names nothing. */
  async function requireSnapshot(id: string, field: string): Promise<PricingSnapshot> {
    const found = await findSnapshot(id)
    if (found) return found
    const detail: ErrorDetail = { field, reason: 'is not a pricing snapshot id (GET /pricing/snapshots)' }
    throw validationError([detail], 'Unknown pricing snapshot.')
  }

  /**
   * Stores a whole catalog as the newest snapshot (one insert: a reader sees the old catalog or the new one,
   * never part of it) and prices with it from now on. A catalog whose `not_offered` claims are broken (a
   * usage type priced and claimed not offered in one region, an unknown source) is refused, nothing stored.
   */
  async function storeCatalog(next: Catalog, sourceFile: string): Promise<{ id: string }> {
    const problems = notOfferedProblems(next)
    if (problems.length > 0) {
      throw new Error(`the catalog's not_offered claims are inconsistent: ${problems.slice(0, 5).join('; ')}`)
    }
    const row = await repo.insertCatalog(db, { sourceFile, catalog: next })
    // A copy: what is stored is the catalog as it was now, and a catalog in use never changes (coverage.ts).
    catalog = structuredClone(next)
    origin = { kind: 'imported', id: row.id, importedAt: row.importedAt, sourceFile: row.sourceFile }
    return { id: row.id }
  }

  return {
    /** Loads the newest stored catalog (falls back to the bundled one) and returns where it came from. */
    async load(): Promise<CatalogOrigin> {
      const row = await repo.findLatestCatalog(db)
      catalog = row?.catalog ?? bundledCatalog
      origin = row
        ? { kind: 'imported', id: row.id, importedAt: row.importedAt, sourceFile: row.sourceFile }
        : { kind: 'bundled' }
      return origin
    },

    current(): Catalog {
      return catalog
    },

    origin(): CatalogOrigin {
      return origin
    },

    /** The snapshot this process prices with when no other is asked for. */
    currentSnapshot(): PricingSnapshot {
      return { id: currentId(), catalog }
    },

    /** The snapshot to price with: the current one, or the one `id` names (422 on `snapshot` if none). */
    async snapshotFor(id: string | undefined): Promise<PricingSnapshot> {
      return id === undefined ? { id: currentId(), catalog } : requireSnapshot(id, 'snapshot')
    },

    /** Every snapshot: stored imports newest first, then the bundled catalog, one page at a time. */
    async snapshots(query: { page: number; page_size: number }): Promise<SnapshotPage> {
      const window = pageWindow(query)
      const [rows, stored] = await Promise.all([repo.listCatalogs(db, window), repo.countCatalogs(db)])
      const items: SnapshotPage['items'] = rows.map((row) => ({
        id: row.id,
        source: 'import',
        source_file: row.sourceFile,
        imported_at: row.importedAt.toISOString(),
        as_of: row.asOf,
        current: row.id === currentId(),
      }))
      // The bundled catalog is the oldest snapshot: it closes the last page.
      if (window.offset + rows.length === stored && rows.length < window.limit) {
        items.push({
          id: BUNDLED_SNAPSHOT_ID,
          source: 'bundled',
          source_file: null,
          imported_at: null,
          as_of: bundledCatalog.meta.as_of,
          current: currentId() === BUNDLED_SNAPSHOT_ID,
        })
      }
      return toPage(items, stored + 1, query)
    },

    /** Prices added, removed and changed from snapshot `from` to snapshot `to`, one page at a time. */
    async diff(query: SnapshotDiffQuery): Promise<SnapshotDiffResponse> {
      const [from, to] = await Promise.all([
        requireSnapshot(query.from, 'from'),
        requireSnapshot(query.to, 'to'),
      ])
      const changes = diffCatalogs(from.catalog, to.catalog)
      const { limit, offset } = pageWindow(query)
      const count = (kind: string) => changes.filter((c) => c.change === kind).length
      return {
        from: snapshotRef(from),
        to: snapshotRef(to),
        summary: { added: count('added'), removed: count('removed'), changed: count('changed') },
        ...toPage(changes.slice(offset, offset + limit), changes.length, query),
      }
    },

    /**
     * Applies an AWS offer file to the current catalog and stores the result as the newest catalog, so every
     * instance uses it from its next start. Nothing is stored when the file updates no price.
     */
    async importOffer(offer: OfferFile, sourceFile: string): Promise<OfferImport & { stored: boolean }> {
      const result = importOfferFile(catalog, offer)
      if (result.updated.length === 0) return { ...result, stored: false }
      await storeCatalog(result.catalog, sourceFile)
      return { ...result, stored: true }
    },

    storeCatalog,

    /** How complete the current catalog's prices are per region and service (422 on an unknown region). */
    coverage(query: CoverageQuery): CoverageResponse {
      if (query.region !== undefined && !catalog.regions[query.region]) {
        const detail: ErrorDetail = {
          field: 'region',
          reason: 'is not a region of the catalog (GET /pricing/regions)',
        }
        throw validationError([detail], 'Unknown region.')
      }
      return {
        currency: catalog.meta.currency,
        as_of: catalog.meta.as_of,
        pricing_snapshot: { id: currentId(), as_of: catalog.meta.as_of },
        regions: catalogCoverage(catalog, query.region === undefined ? undefined : [query.region]),
      }
    },

    regions(): RegionsResponse {
      return { currency: catalog.meta.currency, as_of: catalog.meta.as_of, regions: listRegions(catalog) }
    },

    services(): ServicesResponse {
      return { currency: catalog.meta.currency, as_of: catalog.meta.as_of, services: listServices(catalog) }
    },

    /** One service's prices in one region, with the usage types that have no price there. */
    servicePrices(region: string, service: string): ServicePricesResponse {
      if (!catalog.regions[region]) throw notFound('region')
      const entry = catalog.services[service]
      const prices = getServicePrices(region, service, catalog)
      if (!entry || !prices) throw notFound('service')
      const priced = new Set(prices.prices.map((p) => p.usage_type))
      const missing = knownUsageTypes(catalog, service).filter((usageType) => !priced.has(usageType))
      const unitOf = (usageType: string) => unitOfUsageType(catalog, usageType) ?? 'units'
      return {
        region,
        region_name: catalog.regions[region]?.name ?? region,
        service,
        service_name: entry.name,
        currency: prices.currency,
        as_of: prices.as_of,
        prices: prices.prices.map((p) => {
          const source = catalog.meta.sources[p.source]
          return { ...p, source_url: source?.url ?? null }
        }),
        free_tier: publishedFreeTier(service, entry.free_tier),
        unpriced_usage_types: missing
          .filter((usageType) => !findNotOffered(catalog, region, usageType))
          .map((usageType) => ({ usage_type: usageType, unit: unitOf(usageType) })),
        not_offered_usage_types: missing.flatMap((usageType) => {
          const claim = findNotOffered(catalog, region, usageType)
          if (!claim) return []
          return [
            {
              usage_type: usageType,
              unit: unitOf(usageType),
              source: claim.source,
              source_url: catalog.meta.sources[claim.source]?.url ?? null,
              as_of: claim.as_of,
              ...(claim.note ? { note: claim.note } : {}),
            },
          ]
        }),
      }
    },
  }
}
export type PricingService = ReturnType<typeof createPricingService>

/** How an answer names the snapshot it was priced with. */
export function snapshotRef(snapshot: PricingSnapshot): PricingSnapshotRef {
  return { id: snapshot.id, as_of: snapshot.catalog.meta.as_of }
}
