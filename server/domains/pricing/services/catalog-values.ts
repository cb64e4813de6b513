import type { Catalog } from '../catalog.js'

/** Suffixes of the usage types priced under `prefix` in any region, sorted (instance types, classes). */
export function listPricedSuffixes(catalog: Catalog, prefix: string): string[] {
  const found = new Set<string>()
  for (const regionPrices of Object.values(catalog.prices)) {
    for (const usageType of Object.keys(regionPrices)) {
      if (usageType.startsWith(prefix)) found.add(usageType.slice(prefix.length))
    }
  }
  return [...found].sort()
}

/** Bedrock model ids known to the catalog. */
export function listModels(catalog: Catalog): string[] {
  return Object.keys(catalog.services.bedrock?.models ?? {}).sort()
}

/** EC2 instance types priced in at least one region. */
export function listInstanceTypes(catalog: Catalog): string[] {
  return listPricedSuffixes(catalog, 'ec2.instance_hours.')
}

/** RDS instance classes priced in at least one region. */
export function listInstanceClasses(catalog: Catalog): string[] {
  return listPricedSuffixes(catalog, 'rds.instance_hours.')
}
