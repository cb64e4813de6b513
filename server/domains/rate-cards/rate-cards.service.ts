import type { Decimal } from 'decimal.js'
import type { Db } from '../../db/client.js'
import { type ErrorDetail, validationError } from '../../errors.js'
import { type Catalog, unitOfUsageType } from '../pricing/catalog.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import type { PricingService } from '../pricing/pricing.service.js'
import type { RateCard, RateCardRule } from '../pricing/rate-card-prices.js'
import { serviceOfUsageType } from '../pricing/services/registry.js'
import * as repo from './rate-cards.repo.js'
import type { PutRateCardBody, RateCardResponse, RateCardRuleBody } from './rate-cards.schemas.js'

type RateCardDeps = { db: Db; pricing: PricingService }

const PERCENT_LIMIT: Record<'discount' | 'markup', number> = { discount: 100, markup: 1000 }

/** The fields each kind may carry; any other field of the rule is a 422. */
const ALLOWED_FIELDS: Record<RateCardRule['kind'], readonly string[]> = {
  discount: ['kind', 'percent', 'service', 'usage_type', 'region'],
  markup: ['kind', 'percent', 'service', 'usage_type', 'region'],
  override: ['kind', 'price_per_unit', 'usage_type', 'region'],
}

/** What the rule applies to; two rules of one kind with the same scope would make "most specific" ambiguous. */
function scopeKey(rule: RateCardRuleBody): string {
  return [rule.kind, rule.usage_type ?? '', rule.service ?? '', rule.region ?? ''].join('\u0000')
}

function checkPercent(
  rule: RateCardRuleBody,
  kind: 'discount' | 'markup',
  at: string,
  details: ErrorDetail[],
) {
  if (rule.percent === undefined) {
    details.push({ field: `${at}.percent`, reason: `is required for a ${kind}` })
    return
  }
  const percent: Decimal = new ExactDecimal(rule.percent)
  if (percent.lessThanOrEqualTo(0) || percent.greaterThan(PERCENT_LIMIT[kind])) {
    details.push({ field: `${at}.percent`, reason: `must be above 0 and at most ${PERCENT_LIMIT[kind]}` })
  }
}

/**
 * A usage type the catalog prices in some region or names exactly in its unit table: the wildcard unit keys
 * (`sqs.requests.*`) would otherwise accept any suffix, and a rule on a misspelt usage type would never apply.
 */
function isKnownUsageType(catalog: Catalog, usageType: string): boolean {
  if (unitOfUsageType(catalog, usageType) === undefined) return false
  const service = catalog.services[serviceOfUsageType(usageType)]
  return (
    service?.units[usageType] !== undefined ||
    Object.values(catalog.prices).some((regionPrices) => regionPrices[usageType] !== undefined)
  )
}

/** Every problem of one rule against the catalog in use, as `rules.<i>.<field>` details. */
function checkRule(rule: RateCardRuleBody, index: number, catalog: Catalog): ErrorDetail[] {
  const at = `rules.${index}`
  const details: ErrorDetail[] = []
  for (const [field, value] of Object.entries(rule)) {
    if (value !== undefined && !ALLOWED_FIELDS[rule.kind].includes(field)) {
      details.push({ field: `${at}.${field}`, reason: `is not a field of a ${rule.kind} rule` })
    }
  }
  if (rule.kind === 'override') {
    if (rule.usage_type === undefined)
      details.push({ field: `${at}.usage_type`, reason: 'is required for an override' })
    if (rule.price_per_unit === undefined) {
      details.push({ field: `${at}.price_per_unit`, reason: 'is required for an override' })
    }
  } else {
    checkPercent(rule, rule.kind, at, details)
    if (rule.service !== undefined && rule.usage_type !== undefined) {
      details.push({ field: `${at}.service`, reason: 'give service or usage_type, not both' })
    }
  }
  if (rule.service !== undefined && !catalog.services[rule.service]) {
    details.push({ field: `${at}.service`, reason: 'is not a service of the catalog' })
  }
  if (rule.usage_type !== undefined && !isKnownUsageType(catalog, rule.usage_type)) {
    details.push({
      field: `${at}.usage_type`,
      reason: 'is not a usage type of the catalog (docs/usage-types.md)',
    })
  }
  if (rule.region !== undefined && !catalog.regions[rule.region]) {
    details.push({ field: `${at}.region`, reason: 'is not a region of the catalog' })
  }
  return details
}

/** A checked body rule as the engine reads it (only its kind's fields, no undefined keys). */
function toRule(rule: RateCardRuleBody): RateCardRule {
  const scope = {
    ...(rule.service !== undefined ? { service: rule.service } : {}),
    ...(rule.usage_type !== undefined ? { usage_type: rule.usage_type } : {}),
    ...(rule.region !== undefined ? { region: rule.region } : {}),
  }
  if (rule.kind === 'override') {
    return {
      kind: 'override',
      usage_type: rule.usage_type ?? '',
      ...(rule.region !== undefined ? { region: rule.region } : {}),
      price_per_unit: rule.price_per_unit ?? '0',
    }
  }
  return { kind: rule.kind, percent: rule.percent ?? '0', ...scope }
}

/** Per-user rate cards (docs/rate-cards-and-snapshots.md). */
export function createRateCardService({ db, pricing }: RateCardDeps) {
  return {
    /** The user's rate card; a user who never saved one has an empty card. */
    async get(userId: string): Promise<RateCardResponse> {
      const row = await repo.findForUser(db, userId)
      return { rules: row?.rules ?? [], updated_at: row?.updatedAt.toISOString() ?? null }
    },

    /**
     * Replaces the user's rules after checking each against the catalog in use (services, usage types and
     * regions must exist, percentages in range, one rule per kind and scope). Any problem is a 422 listing
     * every bad field, and nothing is stored.
     */
    async put(userId: string, body: PutRateCardBody): Promise<RateCardResponse> {
      const catalog = pricing.current()
      const details = body.rules.flatMap((rule, i) => checkRule(rule, i, catalog))
      const seen = new Set<string>()
      body.rules.forEach((rule, i) => {
        const key = scopeKey(rule)
        if (seen.has(key))
          details.push({ field: `rules.${i}`, reason: `repeats the scope of another ${rule.kind}` })
        seen.add(key)
      })
      if (details.length > 0) throw validationError(details)
      const row = await repo.upsert(db, userId, body.rules.map(toRule))
      return { rules: row.rules, updated_at: row.updatedAt.toISOString() }
    },

    /** The rules the cost engine applies to the user's scenarios (an empty card when none is saved). */
    async rulesOf(userId: string): Promise<RateCard> {
      return (await repo.findForUser(db, userId))?.rules ?? []
    },
  }
}
export type RateCardService = ReturnType<typeof createRateCardService>
