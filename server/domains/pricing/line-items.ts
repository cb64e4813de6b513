import type { TSchema } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { Catalog } from './catalog.js'
import type { UsageMap } from './cost-engine.js'
import { isServiceId, type LineItemParams, SERVICES, type ServiceId } from './services/registry.js'
import type { RangePoint, ServiceDescriptor, ValidationDetail } from './services/service-descriptor.js'

export type { LineItemParams } from './services/registry.js'
export type { RangePoint, ValidationDetail } from './services/service-descriptor.js'

const descriptorOf = (service: ServiceId) => SERVICES[service] as ServiceDescriptor

export type LineItemValidation<S extends ServiceId = ServiceId> =
  | { ok: true; params: LineItemParams[S] }
  | { ok: false; details: ValidationDetail[] }

/** A rangeable param's union error ("Expected union value") restated with the bounds of its plain form. */
function reasonOf(schema: TSchema, message: string): string {
  const plain = (schema.anyOf as TSchema[] | undefined)?.[0]
  if (!plain || (plain.type !== 'integer' && plain.type !== 'number')) return message
  const kind = plain.type === 'integer' ? 'an integer' : 'a number'
  return `must be ${kind} from ${plain.minimum} to ${plain.maximum}, or {min, typical, max} of such values`
}

function toField(path: string): string {
  return path === '' ? 'params' : `params.${path.slice(1).replaceAll('/', '.')}`
}

/** Checks what the schema cannot: catalog values (a model, an instance type), ranges, cross-param rules. */
function checkValues(service: ServiceDescriptor, params: Record<string, unknown>, catalog: Catalog) {
  const details: ValidationDetail[] = []
  for (const rule of service.catalogValues) {
    const value = params[rule.param]
    if (typeof value === 'string' && !rule.known(catalog).includes(value)) {
      details.push({ field: `params.${rule.param}`, reason: `unknown ${rule.what} '${value}'` })
    }
  }
  for (const field of service.rangedParams) {
    const value = params[field]
    if (typeof value === 'object' && value !== null) {
      const { min, typical, max } = value as { min: number; typical: number; max: number }
      if (!(min <= typical && typical <= max)) {
        details.push({ field: `params.${field}`, reason: 'must satisfy min ≤ typical ≤ max' })
      }
    }
  }
  details.push(...(service.checkParams?.(params) ?? []))
  return details
}

/**
 * Validates a line item's params against its service schema and the catalog. On success the params come
 * back with defaults applied (`hours` 730, `architecture` x86_64, ...); on failure every problem is listed as
 * `{field: 'params.memory_mb', reason}`.
 */
export function validateLineItem<S extends ServiceId>(
  service: S,
  params: unknown,
  catalog: Catalog,
): LineItemValidation<S>
export function validateLineItem(service: string, params: unknown, catalog: Catalog): LineItemValidation
export function validateLineItem(service: string, params: unknown, catalog: Catalog): LineItemValidation {
  if (!isServiceId(service)) {
    return { ok: false, details: [{ field: 'service', reason: `unknown service '${service}'` }] }
  }
  const descriptor = descriptorOf(service)
  const schema = descriptor.params
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    return { ok: false, details: [{ field: 'params', reason: 'must be an object' }] }
  }
  const withDefaults = Value.Default(schema, structuredClone(params)) as Record<string, unknown>
  // TypeBox reports a missing property twice (required, then type); the first reason per field is the clear one.
  const reasons = new Map<string, string>()
  for (const error of Value.Errors(schema, withDefaults)) {
    const field = toField(error.path)
    if (!reasons.has(field)) reasons.set(field, reasonOf(error.schema, error.message))
  }
  const details = [...reasons].map(([field, reason]) => ({ field, reason }))
  if (details.length > 0) return { ok: false, details }
  const catalogDetails = checkValues(descriptor, withDefaults, catalog)
  if (catalogDetails.length > 0) return { ok: false, details: catalogDetails }
  return { ok: true, params: withDefaults as LineItemParams[ServiceId] }
}

/**
 * Converts validated params to one month of usage by usage type (units as in docs/usage-types.md), with the
 * billing rules of the service's descriptor. A `{min, typical, max}` param is read at `at` (typical unless
 * asked). Zero quantities are left out.
 */
export function lineItemToUsage<S extends ServiceId>(
  service: S,
  params: LineItemParams[S],
  at: RangePoint = 'typical',
): UsageMap {
  const usage: UsageMap = new Map()
  descriptorOf(service).toUsage(params as never, at, (usageType, quantity) => {
    if (quantity.greaterThan(0)) usage.set(usageType, quantity)
  })
  return usage
}

/**
 * The usage types an item with these params bills at any point of its ranges (a quantity above zero): the
 * prices it needs in a region. A Standard bucket needs no Express One Zone price, nor a function without durable
 * operations a durable-functions price.
 */
export function usageTypesBilled<S extends ServiceId>(service: S, params: LineItemParams[S]): string[] {
  const usageTypes = new Set<string>()
  for (const at of ['min', 'typical', 'max'] as const) {
    for (const usageType of lineItemToUsage(service, params, at).keys()) usageTypes.add(usageType)
  }
  return [...usageTypes].sort()
}

export interface LineItem {
  service: string
  params: unknown
}

export type LineItemsUsage =
  | { ok: true; usage: UsageMap }
  | { ok: false; index: number; details: ValidationDetail[] }

/**
 * The monthly usage of a scenario's line items: each item is validated (the first invalid one is reported
 * with its index) and converted, and the usage of all items is summed, so that tiers and the free tier
 * apply to the scenario's month as a whole, as on an AWS bill.
 */
export function lineItemsToUsage(items: LineItem[], catalog: Catalog): LineItemsUsage {
  const usage: UsageMap = new Map()
  for (const [index, item] of items.entries()) {
    const result = validateLineItem(item.service, item.params, catalog)
    if (!result.ok) return { ok: false, index, details: result.details }
    for (const [usageType, quantity] of lineItemToUsage(item.service as ServiceId, result.params)) {
      const sum = usage.get(usageType)
      usage.set(usageType, sum ? sum.plus(quantity) : quantity)
    }
  }
  return { ok: true, usage }
}
