import type { Decimal } from 'decimal.js'
import type { Db } from '../../db/client.js'
import { notFound, validationError } from '../../errors.js'
import type { UsageService } from '../ingest/usage.service.js'
import type { Catalog } from '../pricing/catalog.js'
import {
  ExactDecimal,
  mergeUsage,
  type PricedUsage,
  priceGaps,
  priceUsage,
  type UnpricedUsage,
  type UsageMap,
} from '../pricing/cost-engine.js'
import {
  type LineItemParams,
  lineItemToUsage,
  type RangePoint,
  usageTypesBilled,
  validateLineItem,
} from '../pricing/line-items.js'
import { type PricingService, snapshotRef } from '../pricing/pricing.service.js'
import { pricingAssumptions, type RateCard } from '../pricing/rate-card-prices.js'
import { SERVICE_IDS, type ServiceId } from '../pricing/services/registry.js'
import { baseToPriceUnits, isLevelUsageType, projectUsage } from '../pricing/usage-units.js'
import type { RateCardService } from '../rate-cards/rate-cards.service.js'
import { type ItemUsage, lineItemCosts } from './item-costs.js'
import { comparePurchaseOption } from './purchase-options.js'
import * as repo from './scenarios.repo.js'
import type {
  CompareResponse,
  CostsQuery,
  CostsResponse,
  CreateItemBody,
  ItemPreviewQuery,
  ItemPreviewResponse,
  PortfolioQuery,
  PortfolioResponse,
  PurchaseOptionsQuery,
  PurchaseOptionsResponse,
} from './scenarios.schemas.js'
import { PORTFOLIO_MAX_SCENARIOS } from './scenarios.schemas.js'
import { checkLineItem, toMonthlyUsageRows } from './scenarios.service.js'
import { costRange, hourlyMonths, MAX_RANGE_HOURS, type WhatIfInput, whatIfMonths } from './what-if.js'

type CostDeps = { db: Db; pricing: PricingService; rateCards: RateCardService; usage: UsageService }

/** The month a projection scales to: 30 days, in minutes (the rollup granularity). */
export const MONTH_MINUTES = 30 * 24 * 60
const MINUTE_MS = 60_000
const DEFAULT_WHAT_IF_MONTHS = 12

/** The what-if input of a costs query, or null when none of its fields was asked. */
export function whatIfOf(query: CostsQuery = {}): WhatIfInput | null {
  if (query.scale === undefined && query.growth_pct_per_month === undefined && query.months === undefined) {
    return null
  }
  // Through the number's shortest decimal form, so scale=1.1 is exactly 1.1, not the nearest binary float.
  return {
    scale: new ExactDecimal(String(query.scale ?? 1)),
    growthPct: new ExactDecimal(String(query.growth_pct_per_month ?? 0)),
    months: query.months ?? DEFAULT_WHAT_IF_MONTHS,
  }
}

const HOUR_MINUTES = 60
const DAY_MINUTES = 24 * HOUR_MINUTES
const WEEK_MINUTES = 7 * DAY_MINUTES

/** How far a projection from this window can be trusted (docs/scenarios.md#projection-reliability). */
export function projectionReliability(window: { minutes: number } | null): {
  reliability: 'none' | 'low' | 'fair' | 'good'
  reliability_note: string
} {
  if (!window) return { reliability: 'none', reliability_note: 'Nothing observed yet: no projection.' }
  const observed = observedSpan(window.minutes)
  if (window.minutes < DAY_MINUTES) {
    return {
      reliability: 'low',
      reliability_note: `Only ${observed} observed: a day's peaks and troughs are not seen yet, so the month may differ widely.`,
    }
  }
  if (window.minutes < WEEK_MINUTES) {
    return {
      reliability: 'fair',
      reliability_note: `${observed} observed: the weekly pattern is not seen yet.`,
    }
  }
  return { reliability: 'good', reliability_note: `${observed} observed, a week or more.` }
}

function observedSpan(minutes: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`
  if (minutes < HOUR_MINUTES) return plural(minutes, 'minute')
  if (minutes < DAY_MINUTES) return plural(Math.floor(minutes / HOUR_MINUTES), 'hour')
  return plural(Math.floor(minutes / DAY_MINUTES), 'day')
}

/** Why total_monthly is not modelled + projected, when it is not (null when it is). */
export function reconcile(
  modelled: string,
  projected: string,
  total: string,
): CostsResponse['reconciliation'] {
  const sum = new ExactDecimal(modelled).plus(projected)
  const difference = new ExactDecimal(total).minus(sum)
  if (difference.isZero()) return null
  return {
    modelled_plus_projected: sum.toFixed(),
    difference: difference.toFixed(),
    explanation: difference.isPositive()
      ? 'The month is priced once: the free tier counts once for modelled and projected usage together, ' +
        'while each block alone used it in full.'
      : 'The month is priced once: modelled and projected usage together reach cheaper volume bands than ' +
        'either block alone.',
  }
}

type CostOptions = {
  range?: boolean
  whatIf?: WhatIfInput | null
  snapshot?: string
  /** Price at list prices whatever the scenario's rate-card switch (a share link made so). */
  listPrices?: boolean
  /** Each line item's part of the modelled month: only the owner's GET /costs asks (the scenario page). */
  lineItems?: boolean
}

export type ObservationWindow = { start: Date; end: Date; minutes: number }

/**
 * Usage is rolled up per minute, so the observed window runs from the start of the first event's minute to
 * the end of the last event's minute (one event gives a one-minute window). Null before any event.
 */
export function observationWindow(first: Date | null, last: Date | null): ObservationWindow | null {
  if (!first || !last) return null
  const startMs = Math.floor(first.getTime() / MINUTE_MS) * MINUTE_MS
  const endMs = Math.floor(last.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS
  return { start: new Date(startMs), end: new Date(endMs), minutes: (endMs - startMs) / MINUTE_MS }
}

/**
 * The month of the scenario's line items, summed across items before pricing, at the typical value of every
 * `{min, typical, max}` param and at all minima and all maxima (for modelled_range). A stored item that the current
 * catalog no longer accepts (a removed model) is reported as unpriced instead of failing the whole answer.
 */
function modelledUsage(
  items: repo.ItemRow[],
  catalog: Catalog,
): { usage: UsageMap; min: UsageMap; max: UsageMap; invalid: UnpricedUsage[]; byItem: ItemUsage[] } {
  const byItem: ItemUsage[] = []
  const mins: UsageMap[] = []
  const maxes: UsageMap[] = []
  const invalid: UnpricedUsage[] = []
  for (const item of items) {
    const result = validateLineItem(item.service, item.params, catalog)
    if (!result.ok) {
      invalid.push({
        service: item.service,
        usage_type: `line_item.${item.id}`,
        quantity: '1',
        unit: 'line item',
        reason: `the line item is no longer valid: ${result.details.map((d) => `${d.field} ${d.reason}`).join('; ')}`,
      })
      byItem.push({ id: item.id, service: item.service, usage: null })
      continue
    }
    byItem.push({
      id: item.id,
      service: item.service,
      usage: lineItemToUsage(item.service as ServiceId, result.params),
    })
    mins.push(lineItemToUsage(item.service as ServiceId, result.params, 'min'))
    maxes.push(lineItemToUsage(item.service as ServiceId, result.params, 'max'))
  }
  const parts = byItem.flatMap((item) => (item.usage ? [item.usage] : []))
  return { usage: mergeUsage(...parts), min: mergeUsage(...mins), max: mergeUsage(...maxes), invalid, byItem }
}

const emptyBlock = (): PricedUsage => ({ total: '0', by_service: [], unpriced: [] })

function withUnpriced(block: PricedUsage, extra: UnpricedUsage[]): PricedUsage {
  return extra.length === 0 ? block : { ...block, unpriced: [...block.unpriced, ...extra] }
}

type DeltaRow = { service: string; usageType?: string; delta: Decimal }

function byAbsoluteImpact(a: DeltaRow, b: DeltaRow): number {
  const rank = (service: string) => {
    const index = (SERVICE_IDS as readonly string[]).indexOf(service)
    return index === -1 ? SERVICE_IDS.length : index
  }
  return (
    b.delta.abs().comparedTo(a.delta.abs()) ||
    rank(a.service) - rank(b.service) ||
    (a.usageType ?? '').localeCompare(b.usageType ?? '')
  )
}

/** Cost of `other` minus cost of `base`, per service and per usage type, rows sorted by absolute delta. */
export function costDeltas(base: PricedUsage, other: PricedUsage) {
  const serviceCosts = (block: PricedUsage) => new Map(block.by_service.map((s) => [s.service, s.cost]))
  const usageCosts = (block: PricedUsage) =>
    new Map(
      block.by_service.flatMap((s) =>
        s.by_usage_type.map((u) => [`${s.service}\u0000${u.usage_type}`, u.cost] as const),
      ),
    )
  const diff = (a: Map<string, string>, b: Map<string, string>) =>
    [...new Set([...a.keys(), ...b.keys()])].map((key) => ({
      key,
      delta: new ExactDecimal(b.get(key) ?? '0').minus(a.get(key) ?? '0'),
    }))
  const services: DeltaRow[] = diff(serviceCosts(base), serviceCosts(other)).map(({ key, delta }) => ({
    service: key,
    delta,
  }))
  const usageTypes: DeltaRow[] = diff(usageCosts(base), usageCosts(other)).map(({ key, delta }) => {
    const [service = '', usageType = ''] = key.split('\u0000')
    return { service, usageType, delta }
  })
  return {
    total_delta: new ExactDecimal(other.total).minus(base.total).toFixed(),
    by_service: services
      .sort(byAbsoluteImpact)
      .map((r) => ({ service: r.service, delta: r.delta.toFixed() })),
    by_usage_type: usageTypes.sort(byAbsoluteImpact).map((r) => ({
      service: r.service,
      usage_type: r.usageType ?? '',
      delta: r.delta.toFixed(),
    })),
  }
}

export function createCostService({ db, pricing, rateCards, usage }: CostDeps) {
  /**
   * How every block of a scenario's costs answer prices usage (region, free-tier switch, catalog); the line-item
   * preview prices with it too, so a preview always matches the saved item's costs.
   */
  function pricerOf(
    scenario: repo.ScenarioRow,
    catalog: Catalog,
    rateCard: RateCard = [],
  ): (usage: UsageMap) => PricedUsage {
    return (usage) =>
      priceUsage({
        region: scenario.region,
        usage,
        includeFreeTier: scenario.includeFreeTier,
        freeTier: {
          disabled: scenario.freeTierDisabledOffers,
          legacy12Month: scenario.legacyFreeTier,
        },
        catalog,
        rateCard,
      })
  }

  /**
   * The snapshot asked for (or the current one) and the owner's rate card, unless the scenario opts out: the
   * terms and pricer of a scenario's costs answer, and of its line-item previews.
   */
  async function pricingTermsOf(scenario: repo.ScenarioRow, snapshotId?: string, listPrices = false) {
    const [snapshot, card] = await Promise.all([
      pricing.snapshotFor(snapshotId),
      rateCards.rulesOf(scenario.userId),
    ])
    const { catalog } = snapshot
    const terms = pricingAssumptions({
      snapshotId: snapshot.id,
      catalog,
      region: scenario.region,
      includeFreeTier: scenario.includeFreeTier,
      freeTier: { disabled: scenario.freeTierDisabledOffers, legacy12Month: scenario.legacyFreeTier },
      card,
      optedOut: !scenario.applyRateCard,
      listPrices,
    })
    return { snapshot, catalog, terms, price: pricerOf(scenario, catalog, terms.rateCard) }
  }

  /**
   * Prices a scenario (docs/scenarios.md): modelled = the line items as one month; observed = the ingested
   * totals as if they were the month's only usage; projected = observed scaled to 30 days (storage levels
   * kept); total = modelled and projected usage merged, then priced once, so tiers and the free tier count
   * the month as a whole. The blocks read the items and one row per usage type, never the minute rollups;
   * only the optional range reads rollups, summed per hour by the database (rangeOf).
   */
  async function costsOf(scenario: repo.ScenarioRow, options: CostOptions = {}): Promise<CostsResponse> {
    const [{ snapshot, catalog, terms, price }, items, totals] = await Promise.all([
      pricingTermsOf(scenario, options.snapshot, options.listPrices),
      repo.listItems(db, scenario.id),
      usage.totals(scenario.id),
    ])

    const modelled = modelledUsage(items, catalog)
    const window = observationWindow(scenario.firstEventAt, scenario.lastEventAt)
    const observedUsage = window ? baseToPriceUnits(totals) : new Map<string, Decimal>()
    const projectedUsage = window ? projectUsage(observedUsage, MONTH_MINUTES, window.minutes) : observedUsage
    const total = withUnpriced(price(mergeUsage(modelled.usage, projectedUsage)), modelled.invalid)
    const modelledBlock = withUnpriced(price(modelled.usage), modelled.invalid)
    const projectedBlock = window ? price(projectedUsage) : emptyBlock()
    const range = options.range
      ? await rangeOf(scenario.id, window, modelled.usage, projectedUsage, price)
      : null

    return {
      currency: catalog.meta.currency,
      region: scenario.region,
      pricing_as_of: catalog.meta.as_of,
      pricing_snapshot: snapshotRef(snapshot),
      rate_card_applied: terms.rateCardApplied,
      assumptions: terms.assumptions,
      free_tier_applied: scenario.includeFreeTier,
      modelled_monthly: modelledBlock,
      ...(options.lineItems ? { line_items: lineItemCosts(modelled.byItem, modelledBlock) } : {}),
      modelled_range: { min: price(modelled.min).total, max: price(modelled.max).total },
      observed: {
        ...(window ? price(observedUsage) : emptyBlock()),
        window_start: window?.start.toISOString() ?? null,
        window_end: window?.end.toISOString() ?? null,
        window_minutes: window?.minutes ?? 0,
      },
      projected_monthly: {
        ...projectedBlock,
        factor: window
          ? new ExactDecimal(MONTH_MINUTES).dividedBy(window.minutes).toDecimalPlaces(6).toFixed()
          : null,
        ...projectionReliability(window),
      },
      total_monthly: total,
      reconciliation: reconcile(modelledBlock.total, projectedBlock.total, total.total),
      unpriced: total.unpriced,
      ...(range ? { range } : {}),
      ...(options.whatIf
        ? { what_if: whatIfMonths(projectedUsage, modelled.usage, options.whatIf, price) }
        : {}),
    }
  }

  /**
   * p50/p90 of total_monthly from the hour-to-hour variance of ingested usage: the month is priced once per
   * observed hour as if all 720 hours were like it (rates of that hour, projected storage levels, line items),
   * and the percentiles are taken over those months. One grouped query of at most 744 hours.
   */
  async function rangeOf(
    scenarioId: string,
    window: ObservationWindow | null,
    modelled: UsageMap,
    projected: UsageMap,
    price: (usage: UsageMap) => PricedUsage,
  ): Promise<NonNullable<CostsResponse['range']>> {
    if (!window) {
      const total = price(modelled).total
      return { p50: total, p90: total, basis: 'no_observations', hours: 0 }
    }
    const from = new Date(
      Math.max(window.start.getTime(), window.end.getTime() - MAX_RANGE_HOURS * 3_600_000),
    )
    const rows = await usage.hourly(scenarioId, from)
    const levels: UsageMap = new Map([...projected].filter(([usageType]) => isLevelUsageType(usageType)))
    const hours = hourlyMonths(rows, window, MONTH_MINUTES)
    return { ...costRange(hours, mergeUsage(modelled, levels), price), basis: 'hourly_usage' }
  }

  return {
    /**
     * The costs answer; with `range=true` also its p50/p90 range, and with a what-if query the
     * month-by-month projection (docs/what-if-and-sharing.md).
     */
    async costs(
      userId: string,
      id: string,
      query?: CostsQuery,
      { listPrices = false, lineItems = false }: { listPrices?: boolean; lineItems?: boolean } = {},
    ): Promise<CostsResponse> {
      const scenario = await repo.findOwned(db, userId, id)
      if (!scenario) throw notFound('scenario')
      return costsOf(scenario, {
        range: query?.range === true,
        whatIf: whatIfOf(query),
        snapshot: query?.snapshot,
        listPrices,
        lineItems,
      })
    },

    /**
     * The monthly total of each of the user's scenarios (newest first, archived ones only when asked), and
     * per tag the sum of its scenarios' totals, in exact decimals. Deliberately no sum over all scenarios.
     */
    async portfolio(userId: string, query: PortfolioQuery): Promise<PortfolioResponse> {
      const { rows, total } = await repo.listOwned(
        db,
        userId,
        { tag: query.tag, excludeArchived: query.include_archived !== true },
        { limit: PORTFOLIO_MAX_SCENARIOS, offset: 0 },
      )
      const priced = await Promise.all(rows.map(async (row) => ({ row, costs: await costsOf(row) })))
      const groups = new Map<string | null, { count: number; total: Decimal }>()
      for (const { row, costs } of priced) {
        for (const tag of row.tags.length > 0 ? row.tags : [null]) {
          const group = groups.get(tag) ?? { count: 0, total: new ExactDecimal(0) }
          groups.set(tag, { count: group.count + 1, total: group.total.plus(costs.total_monthly.total) })
        }
      }
      return {
        currency: pricing.current().meta.currency,
        scenarios: priced.map(({ row, costs }) => ({
          id: row.id,
          name: row.name,
          region: row.region,
          status: row.status,
          tags: row.tags,
          monthly_total: costs.total_monthly.total,
          modelled_monthly: costs.modelled_monthly.total,
          projected_monthly: costs.projected_monthly.total,
          unpriced_usage_types: costs.total_monthly.unpriced.length,
        })),
        total_scenarios: total,
        groups: [...groups]
          .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)))
          .map(([tag, group]) => ({
            tag,
            scenario_count: group.count,
            monthly_total: group.total.toFixed(),
          })),
      }
    },

    /**
     * Costs of 2–4 of the user's scenarios in the order asked, and the total_monthly deltas of each one after
     * the first against the first. Any id the user does not own is a 404 for the whole request.
     */
    async compare(userId: string, ids: string[]): Promise<CompareResponse> {
      const rows = await repo.findManyOwned(db, userId, ids)
      const byId = new Map(rows.map((row) => [row.id, row]))
      const ordered = ids.map((id) => {
        const row = byId.get(id)
        if (!row) throw notFound('scenario')
        return row
      })
      const costs = await Promise.all(ordered.map((row) => costsOf(row)))
      const scenarios = ordered.map((row, i) => ({
        id: row.id,
        name: row.name,
        ...(costs[i] as CostsResponse),
      }))
      const [base, ...others] = scenarios
      if (!base) throw notFound('scenario')
      return {
        scenarios,
        deltas: others.map((other) => ({
          scenario_id: other.id,
          ...costDeltas(base.total_monthly, other.total_monthly),
        })),
      }
    },

    /**
     * The scenario's line items on demand against one purchase option (GET /scenarios/:id/costs/purchase-options):
     * priced with the scenario's region, free-tier switch and rate card for the on-demand side, and the catalog's
     * commitment rates for the option (docs/pricing.md#purchase-options).
     */
    async purchaseOptions(
      userId: string,
      id: string,
      query: PurchaseOptionsQuery,
    ): Promise<PurchaseOptionsResponse> {
      const spot = query.commitment === 'spot'
      const misplaced = spot
        ? (['term', 'payment', 'offering_class'] as const).filter((field) => query[field] !== undefined)
        : query.spot_discount_pct !== undefined
          ? (['spot_discount_pct'] as const)
          : []
      const details = misplaced.map((field) => ({
        field,
        reason: spot ? 'does not apply to spot' : 'applies to spot only',
      }))
      if (spot && query.spot_discount_pct === undefined) {
        details.push({ field: 'spot_discount_pct', reason: 'is required for spot' })
      }
      if (query.offering_class !== undefined && query.commitment !== 'reserved_instances' && !spot) {
        details.push({ field: 'offering_class', reason: 'applies to reserved_instances only' })
      }
      if (details.length > 0) throw validationError(details)
      const scenario = await repo.findOwned(db, userId, id)
      if (!scenario) throw notFound('scenario')
      const [{ catalog, price }, items] = await Promise.all([
        pricingTermsOf(scenario),
        repo.listItems(db, scenario.id),
      ])
      const modelled = modelledUsage(items, catalog)
      return {
        currency: catalog.meta.currency,
        region: scenario.region,
        pricing_as_of: catalog.meta.as_of,
        ...comparePurchaseOption({
          items,
          catalog,
          region: scenario.region,
          query,
          price,
          modelledUsage: modelled.usage,
        }),
      }
    },

    /**
     * Prices a line item without storing it (POST /scenarios/:id/items/preview). The params are checked as a
     * save checks them (the same 422), then priced alone, and with the scenario's other items as
     * GET /costs will price them once it is saved; `item_id` names the item being edited, which the
     * previewed one replaces in that total (404 when the scenario has no such item).
     */
    async previewItem(
      userId: string,
      id: string,
      input: CreateItemBody,
      query: ItemPreviewQuery = {},
    ): Promise<ItemPreviewResponse> {
      const scenario = await repo.findOwned(db, userId, id)
      if (!scenario) throw notFound('scenario')
      const items = await repo.listItems(db, scenario.id)
      if (query.item_id !== undefined && !items.some((item) => item.id === query.item_id)) {
        throw notFound('line item')
      }
      // Checked against the catalog a save checks against, so the preview refuses exactly what a save would.
      const params = checkLineItem(input.service, input.params, pricing.current())
      const { catalog, terms, price } = await pricingTermsOf(scenario)
      const itemUsage = (at: RangePoint) =>
        lineItemToUsage(input.service as ServiceId, params as LineItemParams[ServiceId], at)
      const others = modelledUsage(
        items.filter((row) => row.id !== query.item_id),
        catalog,
      )
      const before = price(modelledUsage(items, catalog).usage).total
      const after = price(mergeUsage(others.usage, itemUsage('typical'))).total
      return {
        currency: catalog.meta.currency,
        region: scenario.region,
        pricing_as_of: catalog.meta.as_of,
        free_tier_applied: scenario.includeFreeTier,
        rate_card_applied: terms.rateCardApplied,
        service: input.service,
        params,
        monthly_usage: toMonthlyUsageRows(input.service, params, catalog),
        monthly_cost: price(itemUsage('typical')),
        monthly_range: { min: price(itemUsage('min')).total, max: price(itemUsage('max')).total },
        price_gaps: priceGaps(
          catalog,
          scenario.region,
          usageTypesBilled(input.service as ServiceId, params as LineItemParams[ServiceId]),
          terms.rateCard,
        ),
        modelled_monthly_total: {
          before,
          after,
          delta: new ExactDecimal(after).minus(before).toFixed(),
        },
      }
    },
  }
}
export type CostService = ReturnType<typeof createCostService>
