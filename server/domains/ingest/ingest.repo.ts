import { and, eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../db/client.js'
import { queryRowsPrepared } from '../../db/client.js'
import { ingestBatches, scenarios } from '../../db/schema/index.js'
import type { IngestResponse } from './ingest.schemas.js'

/** A group of requests flattened to rows, each tagged with its batch so the database keeps only stored ones. */
export type GroupRows = {
  batches: {
    id: string
    scenarioId: string
    apiKeyId: string | null
    idempotencyKey: string | null
    eventCount: number
    bytes: number
    response: object
    firstEventAt: string
    lastEventAt: string
  }[]
  usage: { batchId: string; scenarioId: string; minute: string; usageType: string; quantity: string }[]
  events: { batchId: string; scenarioId: string; minute: string; eventType: string; count: number }[]
  piiCounts: { batchId: string; scenarioId: string; kind: string; count: number }[]
  piiSamples: { batchId: string; scenarioId: string; kind: string; masked: string; seenAt: string }[]
}

const p = sql.param

/**
 * Commits a whole group in ONE statement (atomic on its own, one round trip and one fsync):
 * locks the group's scenarios in id order and keeps those still running; records the batches that carry an
 * Idempotency-Key in the ledger, skipping a key already stored; then adds only the inserted batches' usage, event counts and PII to the
 * per-minute rollups, the running totals (also per sending API key) and the scenario counters. Rows are summed
 * per key before the upserts, so no row is touched twice, and written in key order, so concurrent commits
 * cannot deadlock. The text never varies (every list is one array parameter), so it is a prepared statement.
 */
export async function commitGroup(
  db: DbOrTx,
  rows: GroupRows,
): Promise<{ running: Set<string>; inserted: Set<string> }> {
  const { batches, usage, events, piiCounts, piiSamples } = rows
  const scenarioIds = [...new Set(batches.map((b) => b.scenarioId))].sort()
  const keyed = batches.filter((b) => b.idempotencyKey !== null)
  const keyless = batches.filter((b) => b.idempotencyKey === null)
  const [result] = await queryRowsPrepared<{
    running: string[] | string | null
    inserted: string[] | string | null
  }>(
    db,
    'ingest_commit_group',
    sql`with
    running as (
      select id from scenarios where id = any(${p(scenarioIds)}::uuid[]) and status = 'running'
      order by id for no key update
    ),
    keyed as (
      insert into ingest_batches (id, scenario_id, api_key_id, idempotency_key, event_count, bytes, response)
      select b.id, b.scenario_id, b.api_key_id, b.idempotency_key, b.event_count, b.bytes, b.response
      from unnest(${p(keyed.map((b) => b.id))}::uuid[], ${p(keyed.map((b) => b.scenarioId))}::uuid[],
                  ${p(keyed.map((b) => b.apiKeyId))}::uuid[], ${p(keyed.map((b) => b.idempotencyKey))}::text[],
                  ${p(keyed.map((b) => b.eventCount))}::int[], ${p(keyed.map((b) => b.bytes))}::int[],
                  ${p(keyed.map((b) => JSON.stringify(b.response)))}::jsonb[])
           as b(id, scenario_id, api_key_id, idempotency_key, event_count, bytes, response)
      where b.scenario_id in (select id from running)
      on conflict (scenario_id, idempotency_key) do nothing
      returning id
    ),
    inserted as (
      select id from keyed
      union all
      select b.id from unnest(${p(keyless.map((b) => b.id))}::uuid[], ${p(keyless.map((b) => b.scenarioId))}::uuid[])
           as b(id, scenario_id)
      where b.scenario_id in (select id from running)
    ),
    batch_info as (
      select * from unnest(${p(batches.map((b) => b.id))}::uuid[], ${p(batches.map((b) => b.scenarioId))}::uuid[],
                           ${p(batches.map((b) => b.apiKeyId))}::uuid[], ${p(batches.map((b) => b.eventCount))}::bigint[],
                           ${p(batches.map((b) => b.firstEventAt))}::timestamptz[], ${p(batches.map((b) => b.lastEventAt))}::timestamptz[])
           as b(id, scenario_id, api_key_id, events, first_at, last_at)
      where b.id in (select id from inserted)
    ),
    scenario_counts as (
      update scenarios s set
        events_total = s.events_total + u.events,
        first_event_at = least(coalesce(s.first_event_at, u.first_at), u.first_at),
        last_event_at = greatest(coalesce(s.last_event_at, u.last_at), u.last_at)
      from (select scenario_id, sum(events) as events, min(first_at) as first_at, max(last_at) as last_at
            from batch_info group by scenario_id) as u
      where s.id = u.scenario_id
      returning 1
    ),
    usage_rows as (
      select u.scenario_id, u.minute, u.usage_type, b.api_key_id, sum(u.quantity) as quantity
      from unnest(${p(usage.map((r) => r.batchId))}::uuid[], ${p(usage.map((r) => r.scenarioId))}::uuid[],
                  ${p(usage.map((r) => r.minute))}::timestamptz[], ${p(usage.map((r) => r.usageType))}::text[],
                  ${p(usage.map((r) => r.quantity))}::numeric[]) as u(batch_id, scenario_id, minute, usage_type, quantity)
      join batch_info b on b.id = u.batch_id
      group by 1, 2, 3, 4
    ),
    usage_minutes as (
      insert into usage_rollups (scenario_id, minute, usage_type, quantity)
      select scenario_id, minute, usage_type, sum(quantity) from usage_rows group by 1, 2, 3 order by 1, 2, 3
      on conflict (scenario_id, minute, usage_type) do update set quantity = usage_rollups.quantity + excluded.quantity
      returning 1
    ),
    usage_sums as (
      insert into usage_totals (scenario_id, usage_type, quantity)
      select scenario_id, usage_type, sum(quantity) from usage_rows group by 1, 2 order by 1, 2
      on conflict (scenario_id, usage_type) do update set quantity = usage_totals.quantity + excluded.quantity
      returning 1
    ),
    usage_key_sums as (
      insert into usage_totals_by_key (scenario_id, api_key_id, usage_type, quantity)
      select scenario_id, api_key_id, usage_type, sum(quantity) from usage_rows group by 1, 2, 3 order by 1, 2, 3
      on conflict (scenario_id, api_key_id, usage_type)
        do update set quantity = usage_totals_by_key.quantity + excluded.quantity
      returning 1
    ),
    event_rows as (
      select e.scenario_id, e.minute, e.event_type, sum(e.count) as count
      from unnest(${p(events.map((r) => r.batchId))}::uuid[], ${p(events.map((r) => r.scenarioId))}::uuid[],
                  ${p(events.map((r) => r.minute))}::timestamptz[], ${p(events.map((r) => r.eventType))}::text[],
                  ${p(events.map((r) => r.count))}::bigint[]) as e(batch_id, scenario_id, minute, event_type, count)
      where e.batch_id in (select id from inserted)
      group by 1, 2, 3
    ),
    event_minutes as (
      insert into event_rollups (scenario_id, minute, event_type, count)
      select * from event_rows order by 1, 2, 3
      on conflict (scenario_id, minute, event_type) do update set count = event_rollups.count + excluded.count
      returning 1
    ),
    event_sums as (
      insert into event_totals (scenario_id, event_type, count)
      select scenario_id, event_type, sum(count) from event_rows group by 1, 2 order by 1, 2
      on conflict (scenario_id, event_type) do update set count = event_totals.count + excluded.count
      returning 1
    ),
    pii_sums as (
      insert into pii_totals (scenario_id, kind, count)
      select f.scenario_id, f.kind, sum(f.count)
      from unnest(${p(piiCounts.map((r) => r.batchId))}::uuid[], ${p(piiCounts.map((r) => r.scenarioId))}::uuid[],
                  ${p(piiCounts.map((r) => r.kind))}::text[]::pii_kind[], ${p(piiCounts.map((r) => r.count))}::bigint[])
           as f(batch_id, scenario_id, kind, count)
      where f.batch_id in (select id from inserted)
      group by 1, 2 order by 1, 2
      on conflict (scenario_id, kind) do update set count = pii_totals.count + excluded.count
      returning 1
    ),
    pii_samples as (
      insert into pii_findings (scenario_id, batch_id, kind, masked, seen_at)
      select f.scenario_id, f.batch_id, f.kind, f.masked, f.seen_at
      from unnest(${p(piiSamples.map((r) => r.batchId))}::uuid[], ${p(piiSamples.map((r) => r.scenarioId))}::uuid[],
                  ${p(piiSamples.map((r) => r.kind))}::text[]::pii_kind[], ${p(piiSamples.map((r) => r.masked))}::text[],
                  ${p(piiSamples.map((r) => r.seenAt))}::timestamptz[]) as f(batch_id, scenario_id, kind, masked, seen_at)
      where f.batch_id in (select id from inserted)
      returning 1
    )
    select (select array_agg(id::text) from running) as running,
           (select array_agg(id::text) from inserted) as inserted,
           (select count(*) from scenario_counts) + (select count(*) from usage_minutes) + (select count(*) from usage_sums)
             + (select count(*) from usage_key_sums)
             + (select count(*) from event_minutes) + (select count(*) from event_sums) + (select count(*) from pii_sums)
             + (select count(*) from pii_samples) as written`,
  )
  return {
    running: new Set(parseUuidArray(result?.running)),
    inserted: new Set(parseUuidArray(result?.inserted)),
  }
}

/** node-postgres returns text[] as an array; a driver may also hand back the literal `{a,b}`. */
function parseUuidArray(value: string[] | string | null | undefined): string[] {
  if (!value) return []
  if (Array.isArray(value)) return value
  return value
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean)
}

/** The answer stored with an earlier request that carried the same Idempotency-Key. */
export async function findBatchResponse(
  db: DbOrTx,
  scenarioId: string,
  idempotencyKey: string,
): Promise<IngestResponse | undefined> {
  const [row] = await db
    .select({ response: ingestBatches.response })
    .from(ingestBatches)
    .where(and(eq(ingestBatches.scenarioId, scenarioId), eq(ingestBatches.idempotencyKey, idempotencyKey)))
    .limit(1)
  return row?.response as IngestResponse | undefined
}

export async function findScenarioState(db: DbOrTx, scenarioId: string) {
  const [row] = await db
    .select({ userId: scenarios.userId, status: scenarios.status, lastEventAt: scenarios.lastEventAt })
    .from(scenarios)
    .where(eq(scenarios.id, scenarioId))
    .limit(1)
  return row
}
