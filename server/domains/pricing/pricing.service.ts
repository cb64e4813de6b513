import type { Db } from '../../db/client.js'
import { notFound } from '../../errors.js'
import {
  bundledCatalog,
  type Catalog,
  getServicePrices,
  listRegions,
  listServices,
  unitOfUsageType,
} from './catalog.js'
import { importOfferFile, type OfferFile, type OfferImport } from './offer-import.js'
import * as repo from './pricing.repo.js'
import type { RegionsResponse, ServicePricesResponse, ServicesResponse } from './pricing.schemas.js'
import { serviceOfUsageType } from './service-ids.js'

type PricingDeps = { db: Db }

/** Where the catalog in use came from: the repository, or an import stored in `pricing_catalogs`. */
export type CatalogOrigin =
  | { kind: 'bundled' }
  | { kind: 'imported'; id: string; importedAt: Date; sourceFile: string }

/** Every usage type the catalog knows for a service: priced in some region, or named in its unit table. */
function knownUsageTypes(catalog: Catalog, service: string): string[] {
  const known = new Set<string>()
  for (const regionPrices of Object.values(catalog.prices)) {
    for (const usageType of Object.keys(regionPrices)) {
      if (serviceOfUsageType(usageType) === service) known.add(usageType)
    }
  }
  for (const usageType of Object.keys(catalog.services[service]?.units ?? {})) {
    if (!usageType.endsWith('.*')) known.add(usageType)
  }
  return [...known].sort()
}

/**
 * The pricing catalog of this process: the newest imported catalog in the database when there is one, the
 * bundled catalog otherwise. `load()` runs at start; `current()` is what costs and validation read.
 */
export function createPricingService({ db }: PricingDeps) {
  let catalog: Catalog = bundledCatalog
  let origin: CatalogOrigin = { kind: 'bundled' }

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

    /**
     * Applies an AWS offer file to the current catalog and stores the result as the newest catalog, so every
     * instance uses it from its next start. Nothing is stored when the file updates no price.
     */
    async importOffer(offer: OfferFile, sourceFile: string): Promise<OfferImport & { stored: boolean }> {
      const result = importOfferFile(catalog, offer)
      if (result.updated.length === 0) return { ...result, stored: false }
      await repo.insertCatalog(db, { sourceFile, catalog: result.catalog })
      catalog = result.catalog
      return { ...result, stored: true }
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
        free_tier: entry.free_tier,
        unpriced_usage_types: knownUsageTypes(catalog, service)
          .filter((usageType) => !priced.has(usageType))
          .map((usageType) => ({
            usage_type: usageType,
            unit: unitOfUsageType(catalog, usageType) ?? 'units',
          })),
      }
    },
  }
}
export type PricingService = ReturnType<typeof createPricingService>
