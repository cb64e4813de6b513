import { and, eq, sql } from 'drizzle-orm'
import type { Db, DbOrTx } from '../../db/client.js'
import { prepareStatement, queryPrepared } from '../../db/client.js'
import { ingestBatches } from '../../db/schema/index.js'
import type { IngestResponse } from './ingest.schemas.js'

/**
 * A group of requests as columns, one array per column (unnest() turns them back into rows in the
 * database). Every usage, event-count and PII row names its batch by position in the batch columns (1-based),
 * so only stored batches' rows are added.
 */
export type GroupColumns = {
  /** Distinct and sorted: the scenarios are locked in this order. */
  scenarioIds: string[]
  batchId: string[]
  batchScenarioId: string[]
  batchApiKeyId: (string | null)[]
  batchKey: (string | null)[]
  /** SHA-256 of the request body, for a batch with an Idempotency-Key (null otherwise). */
  batchBodyHash: (string | null)[]
  batchEvents: number[]
  batchBytes: number[]
  /** The JSON answer, stored only for a batch with an Idempotency-Key (null otherwise). */
  batchResponse: (string | null)[]
  /** Times are epoch milliseconds (to_timestamp in the database): cheaper than ISO text on both sides. */
  batchFirstAt: number[]
  batchLastAt: number[]
  usageBatch: number[]
  /** A minute's start, or a day's when `usagePerDay` (events that arrived more than a day late). */
  usageMinute: number[]
  usagePerDay: boolean[]
  usageType: string[]
  usageQuantity: string[]
  eventBatch: number[]
  eventMinute: number[]
  eventPerDay: boolean[]
  eventType: string[]
  eventCount: number[]
  piiBatch: number[]
  piiKind: string[]
  piiCount: number[]
  sampleBatch: number[]
  sampleKind: string[]
  sampleMasked: string[]
  sampleSeenAt: number[]
}

const v = (column: keyof GroupColumns) => sql.placeholder(column)

/**
 * Commits a whole group in ONE statement (atomic on its own, one round trip and one fsync):
 * locks the group's scenarios in id order and keeps the batches of those still running; records the batches
 * that carry an Idempotency-Key in the ledger, skipping a key already stored; then adds only the stored
 * batches' usage, event counts and PII to the per-minute (or, for events a day late, per-day) rollups, the running totals (also per sending API
 * key) and the scenario counters. Rows are summed per key before the upserts, so no row is touched twice, and
 * written in key order, so concurrent commits cannot deadlock. Every column is one array parameter, so the
 * text never varies and is compiled and prepared once.
 */
const COMMIT_GROUP = prepareStatement(
  'ingest_commit_group',
  sql`with
    running as (
      select id from scenarios where id = any(${v('scenarioIds')}::uuid[]) and status = 'running'
      order by id for no key update
    ),
    batch as (
      select b.n, b.id, b.scenario_id, b.api_key_id, b.idempotency_key, b.body_hash, b.events, b.bytes, b.response,
             to_timestamp(b.first_ms / 1000) as first_at, to_timestamp(b.last_ms / 1000) as last_at
      from unnest(${v('batchId')}::uuid[], ${v('batchScenarioId')}::uuid[], ${v('batchApiKeyId')}::uuid[],
                  ${v('batchKey')}::text[], ${v('batchBodyHash')}::text[], ${v('batchEvents')}::int[],
                  ${v('batchBytes')}::int[], ${v('batchResponse')}::jsonb[], ${v('batchFirstAt')}::float8[],
                  ${v('batchLastAt')}::float8[]) with ordinality
           as b(id, scenario_id, api_key_id, idempotency_key, body_hash, events, bytes, response, first_ms, last_ms, n)
      where b.scenario_id in (select id from running)
    ),
    keyed as (
      insert into ingest_batches (id, scenario_id, api_key_id, idempotency_key, body_hash, event_count, bytes, response)
      select id, scenario_id, api_key_id, idempotency_key, body_hash, events, bytes, response
      from batch where idempotency_key is not null
      on conflict (scenario_id, idempotency_key) do nothing
      returning id
    ),
    inserted as (
      select id from keyed
      union all
      select id from batch where idempotency_key is null
    ),
    batch_info as (
      select * from batch where id in (select id from inserted)
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
      select b.scenario_id, to_timestamp(u.minute_ms / 1000) as minute, u.per_day, u.usage_type, b.api_key_id,
             sum(u.quantity) as quantity
      from unnest(${v('usageBatch')}::int[], ${v('usageMinute')}::float8[], ${v('usagePerDay')}::boolean[],
                  ${v('usageType')}::text[], ${v('usageQuantity')}::numeric[])
           as u(batch_n, minute_ms, per_day, usage_type, quantity)
      join batch_info b on b.n = u.batch_n
      group by 1, 2, 3, 4, 5
    ),
    usage_minutes as (
      insert into usage_rollups (scenario_id, minute, usage_type, quantity)
      select scenario_id, minute, usage_type, sum(quantity) from usage_rows where not per_day
      group by 1, 2, 3 order by 1, 2, 3
      on conflict (scenario_id, minute, usage_type) do update set quantity = usage_rollups.quantity + excluded.quantity
      returning 1
    ),
    usage_days as (
      insert into usage_day_rollups (scenario_id, day, usage_type, quantity)
      select scenario_id, minute, usage_type, sum(quantity) from usage_rows where per_day
      group by 1, 2, 3 order by 1, 2, 3
      on conflict (scenario_id, day, usage_type) do update set quantity = usage_day_rollups.quantity + excluded.quantity
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
      select b.scenario_id, to_timestamp(e.minute_ms / 1000) as minute, e.per_day, e.event_type,
             sum(e.count) as count
      from unnest(${v('eventBatch')}::int[], ${v('eventMinute')}::float8[], ${v('eventPerDay')}::boolean[],
                  ${v('eventType')}::text[], ${v('eventCount')}::bigint[])
           as e(batch_n, minute_ms, per_day, event_type, count)
      join batch_info b on b.n = e.batch_n
      group by 1, 2, 3, 4
    ),
    event_minutes as (
      insert into event_rollups (scenario_id, minute, event_type, count)
      select scenario_id, minute, event_type, count from event_rows where not per_day order by 1, 2, 3
      on conflict (scenario_id, minute, event_type) do update set count = event_rollups.count + excluded.count
      returning 1
    ),
    event_days as (
      insert into event_day_rollups (scenario_id, day, event_type, count)
      select scenario_id, minute, event_type, count from event_rows where per_day order by 1, 2, 3
      on conflict (scenario_id, day, event_type) do update set count = event_day_rollups.count + excluded.count
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
      select b.scenario_id, f.kind, sum(f.count)
      from unnest(${v('piiBatch')}::int[], ${v('piiKind')}::text[]::pii_kind[], ${v('piiCount')}::bigint[])
           as f(batch_n, kind, count)
      join batch_info b on b.n = f.batch_n
      group by 1, 2 order by 1, 2
      on conflict (scenario_id, kind) do update set count = pii_totals.count + excluded.count
      returning 1
    ),
    pii_samples as (
      insert into pii_findings (scenario_id, batch_id, kind, masked, seen_at)
      select b.scenario_id, b.id, f.kind, f.masked, to_timestamp(f.seen_ms / 1000)
      from unnest(${v('sampleBatch')}::int[], ${v('sampleKind')}::text[]::pii_kind[], ${v('sampleMasked')}::text[],
                  ${v('sampleSeenAt')}::float8[]) as f(batch_n, kind, masked, seen_ms)
      join batch_info b on b.n = f.batch_n
      returning 1
    )
    select (select array_agg(id::text) from running) as running,
           (select array_agg(id::text) from inserted) as inserted,
           (select count(*) from scenario_counts) + (select count(*) from usage_minutes)
             + (select count(*) from usage_days) + (select count(*) from usage_sums) + (select count(*) from usage_key_sums)
             + (select count(*) from event_minutes) + (select count(*) from event_days) + (select count(*) from event_sums)
             + (select count(*) from pii_sums)
             + (select count(*) from pii_samples) as written`,
)

/** Commits a group (COMMIT_GROUP); answers which scenarios were running and which batches were stored. */
export async function commitGroup(
  db: Db,
  columns: GroupColumns,
): Promise<{ running: Set<string>; inserted: Set<string> }> {
  const [result] = await queryPrepared<{
    running: string[] | string | null
    inserted: string[] | string | null
  }>(db, COMMIT_GROUP, columns)
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

/** An earlier request that carried the same Idempotency-Key: its answer and its body's hash (null before 0008). */
export type StoredBatch = { response: IngestResponse; bodyHash: string | null }

export async function findStoredBatch(
  db: DbOrTx,
  scenarioId: string,
  idempotencyKey: string,
): Promise<StoredBatch | undefined> {
  const [row] = await db
    .select({ response: ingestBatches.response, bodyHash: ingestBatches.bodyHash })
    .from(ingestBatches)
    .where(and(eq(ingestBatches.scenarioId, scenarioId), eq(ingestBatches.idempotencyKey, idempotencyKey)))
    .limit(1)
  return row ? { response: row.response as IngestResponse, bodyHash: row.bodyHash } : undefined
}

/** Whether a request with `bodyHash` repeats the stored one; rows stored before hashes were kept always do. */
export function isSameBody(stored: StoredBatch, bodyHash: string | null): boolean {
  return stored.bodyHash === null || stored.bodyHash === bodyHash
}
