import type { Catalog } from '../catalog.js'

/**
 * Listings per catalog object: validating an EC2 or RDS item asks for them, and scanning every Region's
 * prices each time would dominate the cost of pricing a scenario. A catalog is never mutated once loaded
 * (imports and patched copies are new objects), so a listing stays valid for the object's lifetime.
 */
const suffixCache = new WeakMap<Catalog, Map<string, string[]>>()

/** Suffixes of the usage types priced under `prefix` in any region, sorted (instance types, classes). */
export function listPricedSuffixes(catalog: Catalog, prefix: string): string[] {
  let byPrefix = suffixCache.get(catalog)
  if (!byPrefix) {
    byPrefix = new Map()
    suffixCache.set(catalog, byPrefix)
  }
  const cached = byPrefix.get(prefix)
  if (cached) return [...cached]
  const found = new Set<string>()
  for (const regionPrices of Object.values(catalog.prices)) {
    for (const usageType of Object.keys(regionPrices)) {
      if (usageType.startsWith(prefix)) found.add(usageType.slice(prefix.length))
    }
  }
  const sorted = [...found].sort()
  byPrefix.set(prefix, sorted)
  return [...sorted]
}

/** Bedrock model ids known to the catalog. */
export function listModels(catalog: Catalog): string[] {
  return Object.keys(catalog.services.bedrock?.models ?? {}).sort()
}

/** Each Bedrock model's name by its id (`Claude Sonnet 4.5` for `anthropic.claude-sonnet-4-5`). */
export function modelNames(catalog: Catalog): Record<string, string> {
  return Object.fromEntries(
    Object.entries(catalog.services.bedrock?.models ?? {}).map(([id, model]) => [id, model.name]),
  )
}

/** EC2 instance types priced in at least one region. */
export function listInstanceTypes(catalog: Catalog): string[] {
  return listPricedSuffixes(catalog, 'ec2.instance_hours.')
}

/** The instance-hours families of RDS: one per engine and deployment (services/rds/descriptor.ts). */
const RDS_INSTANCE_FAMILIES = [
  'instance_hours',
  'mysql_instance_hours',
  'mariadb_instance_hours',
  'sqlserver_ex_instance_hours',
  'sqlserver_web_instance_hours',
  'sqlserver_se_instance_hours',
  'sqlserver_ee_instance_hours',
  'oracle_se2_instance_hours',
].flatMap((family) => [`rds.${family}.`, `rds.${family}_multi_az.`])

/** RDS instance classes priced in at least one region, for any engine and deployment. */
export function listInstanceClasses(catalog: Catalog): string[] {
  const cached = instanceClassCache.get(catalog)
  if (cached) return [...cached]
  const classes = [
    ...new Set(RDS_INSTANCE_FAMILIES.flatMap((prefix) => listPricedSuffixes(catalog, prefix))),
  ].sort()
  instanceClassCache.set(catalog, classes)
  return [...classes]
}
const instanceClassCache = new WeakMap<Catalog, string[]>()

/** Aurora instance classes priced in at least one region, for either engine (services/aurora/descriptor.ts). */
export function listAuroraInstanceClasses(catalog: Catalog): string[] {
  const classes = ['postgresql', 'mysql'].flatMap((engine) =>
    listPricedSuffixes(catalog, `aurora.instance_hours.${engine}.`),
  )
  return [...new Set(classes)].sort()
}
