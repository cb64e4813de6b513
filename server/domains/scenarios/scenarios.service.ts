import type { Db } from '../../db/client.js'
import { conflict, notFound, validationError } from '../../errors.js'
import { type Page, pageWindow, toPage } from '../../lib/pagination.js'
import { type Catalog, freeTierOfferIds, unitOfUsageType } from '../pricing/catalog.js'
import { type LineItemParams, lineItemToUsage, validateLineItem } from '../pricing/line-items.js'
import type { PricingService } from '../pricing/pricing.service.js'
import type { ServiceId } from '../pricing/services/registry.js'
import * as repo from './scenarios.repo.js'
import {
  type CreateItemBody,
  type CreateScenarioBody,
  type ItemResponse,
  type ListScenariosQuery,
  MAX_LINE_ITEMS,
  type ScenarioResponse,
  type ScenarioStatus,
  type UpdateItemBody,
  type UpdateScenarioBody,
} from './scenarios.schemas.js'
import { findTemplate, templateDescription } from './templates.js'

type ScenarioDeps = { db: Db; pricing: PricingService }

/**
 * The status moves a scenario may make (docs/scenarios.md). Ingest is accepted only while `running`;
 * `completed → running` resumes ingesting; `archived` is read-only until it is restored to `completed`.
 */
export const STATUS_TRANSITIONS: Record<ScenarioStatus, readonly ScenarioStatus[]> = {
  draft: ['running', 'archived'],
  running: ['completed'],
  completed: ['running', 'archived'],
  archived: ['completed'],
}

const COPY_SUFFIX = ' (copy)'

export function toScenarioResponse(row: repo.ScenarioRow): ScenarioResponse {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    region: row.region,
    tags: row.tags,
    status: row.status,
    include_free_tier: row.includeFreeTier,
    free_tier_disabled_offers: row.freeTierDisabledOffers,
    legacy_free_tier: row.legacyFreeTier,
    apply_rate_card: row.applyRateCard,
    events_total: row.eventsTotal,
    first_event_at: row.firstEventAt?.toISOString() ?? null,
    last_event_at: row.lastEventAt?.toISOString() ?? null,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

/** The month of usage of one validated item, as the `monthly_usage` rows of an item answer. */
export function toMonthlyUsageRows(
  service: string,
  params: Record<string, unknown>,
  catalog: Catalog,
): ItemResponse['monthly_usage'] {
  const usage = lineItemToUsage(service as ServiceId, params as LineItemParams[ServiceId])
  return [...usage].map(([usageType, quantity]) => ({
    usage_type: usageType,
    quantity: quantity.toFixed(),
    unit: unitOfUsageType(catalog, usageType) ?? 'units',
  }))
}

/**
 * Validates an item's params with `catalog`: 422 naming `params.<field>` (or `service`), defaults applied on
 * success. Saving and previewing an item both go through it, so a preview refuses exactly what a save would.
 */
export function checkLineItem(service: string, params: unknown, catalog: Catalog): Record<string, unknown> {
  const result = validateLineItem(service, params, catalog)
  if (!result.ok) throw validationError(result.details, 'The line item is not valid.')
  return result.params as Record<string, unknown>
}

export function toItemResponse(row: repo.ItemRow, catalog: Catalog): ItemResponse {
  const params = row.params as Record<string, unknown>
  return {
    id: row.id,
    service: row.service,
    label: row.label,
    params,
    monthly_usage: toMonthlyUsageRows(row.service, params, catalog),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  }
}

function cleanName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw validationError([{ field: 'name', reason: 'must not be blank' }])
  return trimmed
}

/** Tags are trimmed and deduplicated in their first-seen order; a blank tag is refused. */
function cleanTags(tags: string[]): string[] {
  const cleaned = tags.map((tag) => tag.trim())
  const blank = cleaned.indexOf('')
  if (blank !== -1) throw validationError([{ field: `tags.${blank}`, reason: 'must not be blank' }])
  return [...new Set(cleaned)]
}

/** An empty description is stored as none. */
function cleanDescription(description: string | null | undefined): string | null {
  return description?.trim() || null
}

export type ScenarioState = { userId: string; status: string; lastEventAt: Date | null }

export function createScenarioService({ db, pricing }: ScenarioDeps) {
  function checkRegion(region: string): void {
    if (!pricing.current().regions[region]) {
      throw validationError([
        { field: 'region', reason: `unknown region '${region}'; GET /api/v1/pricing/regions lists them` },
      ])
    }
  }

  /** The offer ids, deduplicated and sorted; an id the catalog does not list is a 422. */
  function checkFreeTierOffers(ids: string[]): string[] {
    const known = new Set(freeTierOfferIds(pricing.current()))
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length > 0) {
      throw validationError(
        unknown.map((id) => ({
          field: 'free_tier_disabled_offers',
          reason: `unknown free tier offer '${id}'; GET /api/v1/pricing/services lists each offer's id`,
        })),
      )
    }
    return [...new Set(ids)].sort()
  }

  const checkItem = (service: string, params: unknown) => checkLineItem(service, params, pricing.current())

  /** Another user's scenario is reported as not found, so its existence is never revealed. */
  async function owned(userId: string, id: string): Promise<repo.ScenarioRow> {
    const row = await repo.findOwned(db, userId, id)
    if (!row) throw notFound('scenario')
    return row
  }

  function refuseArchived(row: repo.ScenarioRow): void {
    if (row.status === 'archived') {
      throw conflict('An archived scenario is read-only; restore it to completed first.')
    }
  }

  return {
    owned,

    /** Owner, status and last event time of a scenario, for ingest (which checks the owner itself). */
    stateOf(id: string): Promise<ScenarioState | undefined> {
      return repo.findState(db, id)
    },

    /** The archived ones among these scenarios (any owner), for passes that skip them (budget alerts). */
    async archivedAmong(ids: readonly string[]): Promise<Set<string>> {
      return new Set(await repo.findArchived(db, ids))
    },

    /** Creates a draft; from a template, with the template's line items in the same transaction. */
    async create(userId: string, input: CreateScenarioBody): Promise<ScenarioResponse> {
      const name = cleanName(input.name)
      checkRegion(input.region)
      const template = input.template === undefined ? undefined : findTemplate(input.template)
      // A millisecond apart, so the items list in the template's order.
      const createdAt = Date.now()
      const items = (template?.items ?? []).map((item, index) => ({
        service: item.service,
        label: item.label,
        params: checkItem(item.service, item.params),
        createdAt: new Date(createdAt + index),
      }))
      const description =
        input.description === undefined && template ? templateDescription(template) : input.description
      return db.transaction(async (tx) => {
        const row = await repo.insertScenario(tx, {
          userId,
          name,
          description: cleanDescription(description),
          region: input.region,
          tags: cleanTags(input.tags ?? [...(template?.tags ?? [])]),
          includeFreeTier: input.include_free_tier ?? true,
          freeTierDisabledOffers: checkFreeTierOffers(input.free_tier_disabled_offers ?? []),
          legacyFreeTier: input.legacy_free_tier ?? false,
          applyRateCard: input.apply_rate_card ?? true,
        })
        await repo.insertItems(tx, row.id, items)
        return toScenarioResponse(row)
      })
    },

    /** The user's scenarios, newest first, filtered by status, region and a literal name substring. */
    async list(userId: string, query: ListScenariosQuery): Promise<Page<ScenarioResponse>> {
      const { rows, total } = await repo.listOwned(
        db,
        userId,
        { status: query.status, region: query.region, q: query.q?.trim() || undefined, tag: query.tag },
        pageWindow(query),
      )
      return toPage(rows.map(toScenarioResponse), total, query)
    },

    async get(userId: string, id: string): Promise<ScenarioResponse> {
      return toScenarioResponse(await owned(userId, id))
    },

    /**
     * Changes fields and moves the status along STATUS_TRANSITIONS (409 `conflict` for any other move;
     * repeating the current status is a no-op). An archived scenario accepts only a status change.
     */
    async update(userId: string, id: string, input: UpdateScenarioBody): Promise<ScenarioResponse> {
      return db.transaction(async (tx) => {
        const row = await repo.lockOwned(tx, userId, id)
        if (!row) throw notFound('scenario')
        const changes: repo.ScenarioChanges = {}
        if (input.status !== undefined && input.status !== row.status) {
          if (!STATUS_TRANSITIONS[row.status].includes(input.status)) {
            throw conflict(`A ${row.status} scenario cannot become ${input.status}.`)
          }
          changes.status = input.status
        }
        const fieldChanges = Object.keys(input).filter((key) => key !== 'status')
        if (row.status === 'archived' && fieldChanges.length > 0) refuseArchived(row)
        if (input.name !== undefined) changes.name = cleanName(input.name)
        if (input.description !== undefined) changes.description = cleanDescription(input.description)
        if (input.region !== undefined) {
          checkRegion(input.region)
          changes.region = input.region
        }
        if (input.tags !== undefined) changes.tags = cleanTags(input.tags)
        if (input.include_free_tier !== undefined) changes.includeFreeTier = input.include_free_tier
        if (input.apply_rate_card !== undefined) changes.applyRateCard = input.apply_rate_card
        if (input.free_tier_disabled_offers !== undefined) {
          changes.freeTierDisabledOffers = checkFreeTierOffers(input.free_tier_disabled_offers)
        }
        if (input.legacy_free_tier !== undefined) changes.legacyFreeTier = input.legacy_free_tier
        if (Object.keys(changes).length === 0) return toScenarioResponse(row)
        const updated = await repo.updateOwned(tx, userId, id, changes)
        if (!updated) throw notFound('scenario')
        return toScenarioResponse(updated)
      })
    },

    /** Deletes the scenario with its items, ingested usage and reports. */
    async remove(userId: string, id: string): Promise<void> {
      if (!(await repo.deleteOwned(db, userId, id))) throw notFound('scenario')
    },

    /**
     * Copies name + " (copy)", description, region, tags, the free-tier switch and every line item into a
     * new draft. Ingested data (events, usage, PII findings) stays with the original.
     */
    async clone(userId: string, id: string): Promise<ScenarioResponse> {
      return db.transaction(async (tx) => {
        const source = await repo.findOwned(tx, userId, id)
        if (!source) throw notFound('scenario')
        const copy = await repo.insertScenario(tx, {
          userId,
          name: `${source.name.slice(0, 255 - COPY_SUFFIX.length)}${COPY_SUFFIX}`,
          description: source.description,
          region: source.region,
          tags: source.tags,
          includeFreeTier: source.includeFreeTier,
          freeTierDisabledOffers: source.freeTierDisabledOffers,
          legacyFreeTier: source.legacyFreeTier,
          applyRateCard: source.applyRateCard,
        })
        const items = await repo.listItems(tx, source.id)
        await repo.insertItems(
          tx,
          copy.id,
          items.map((item) => ({
            service: item.service,
            label: item.label,
            params: item.params as Record<string, unknown>,
            createdAt: item.createdAt,
          })),
        )
        return toScenarioResponse(copy)
      })
    },

    async listItems(
      userId: string,
      id: string,
      query: { page: number; page_size: number },
    ): Promise<Page<ItemResponse>> {
      const scenario = await owned(userId, id)
      const [rows, total] = await Promise.all([
        repo.listItems(db, scenario.id, pageWindow(query)),
        repo.countItems(db, scenario.id),
      ])
      const catalog = pricing.current()
      return toPage(
        rows.map((row) => toItemResponse(row, catalog)),
        total,
        query,
      )
    },

    /** Adds a validated line item; a scenario holds at most MAX_LINE_ITEMS (409 beyond). */
    async addItem(userId: string, id: string, input: CreateItemBody): Promise<ItemResponse> {
      return db.transaction(async (tx) => {
        const scenario = await repo.lockOwned(tx, userId, id)
        if (!scenario) throw notFound('scenario')
        refuseArchived(scenario)
        const params = checkItem(input.service, input.params)
        if ((await repo.countItems(tx, scenario.id)) >= MAX_LINE_ITEMS) {
          throw conflict(`A scenario holds at most ${MAX_LINE_ITEMS} line items.`)
        }
        const [row] = await repo.insertItems(tx, scenario.id, [
          { service: input.service, label: input.label?.trim() || null, params },
        ])
        if (!row) throw new Error('line item insert returned no row')
        await repo.touch(tx, scenario.id)
        return toItemResponse(row, pricing.current())
      })
    },

    /**
     * Updates a line item's label, params or service. Params are replaced as a whole (defaults applied
     * again), never merged, so an optional param can be dropped; a new service needs its params.
     */
    async updateItem(
      userId: string,
      id: string,
      itemId: string,
      input: UpdateItemBody,
    ): Promise<ItemResponse> {
      return db.transaction(async (tx) => {
        const scenario = await repo.lockOwned(tx, userId, id)
        if (!scenario) throw notFound('scenario')
        const item = await repo.findItem(tx, scenario.id, itemId)
        if (!item) throw notFound('line item')
        refuseArchived(scenario)
        const changes: Partial<repo.NewItem> = {}
        if (input.service !== undefined || input.params !== undefined) {
          const service = input.service ?? item.service
          if (service !== item.service && input.params === undefined) {
            throw validationError([{ field: 'params', reason: 'are required when the service changes' }])
          }
          changes.service = service
          changes.params = checkItem(service, input.params ?? item.params)
        }
        if (input.label !== undefined) changes.label = input.label?.trim() || null
        if (Object.keys(changes).length === 0) return toItemResponse(item, pricing.current())
        const updated = await repo.updateItem(tx, scenario.id, item.id, changes)
        if (!updated) throw notFound('line item')
        await repo.touch(tx, scenario.id)
        return toItemResponse(updated, pricing.current())
      })
    },

    async removeItem(userId: string, id: string, itemId: string): Promise<void> {
      await db.transaction(async (tx) => {
        const scenario = await repo.lockOwned(tx, userId, id)
        if (!scenario) throw notFound('scenario')
        refuseArchived(scenario)
        if (!(await repo.deleteItem(tx, scenario.id, itemId))) throw notFound('line item')
        await repo.touch(tx, scenario.id)
      })
    },
  }
}
export type ScenarioService = ReturnType<typeof createScenarioService>
