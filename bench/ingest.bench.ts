/**
 * Ingest and the request pipeline against bare Fastify (issue #23), in production configuration
 * (NODE_ENV=production, LOG_LEVEL=info; the access log goes to /dev/null), the built server and bare Fastify
 * (bench/support/bare-fastify.ts, same node_modules) each its own process. Rounds are interleaved: every round
 * measures bare Fastify, the empty route, /health, single events and each batch mix one after another, so the
 * machine's drift hits them alike; each ratio is taken within its round and the median over rounds reported.
 *
 * Events are realistic: mixed types, log lines carrying PII (emails, card numbers, phone numbers, IPs), and a
 * timestamp on every event, spread as each mix says (live, scattered over the accepted 90 days, a log replayed
 * in order over 29 days, several clocks). After the rounds, every acknowledged event must be committed.
 * Then `/costs` on a scenario of COSTS_EVENTS events over 30 days, and the server's peak RSS.
 *
 * Usage: npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/ingest.bench.ts
 *        (without DATABASE_URL: PGlite). BENCH_ROUNDS (3), BENCH_SECONDS per measurement (5),
 *        COSTS_EVENTS (10,000,000; 0 skips the /costs part), SERVER_NODE_FLAGS (e.g. --cpu-prof).
 */
import autocannon from 'autocannon'
import pg from 'pg'
import {
  type BatchMix,
  batchBodies,
  ndjsonBatch,
  prepareScenario,
  realisticEvent,
} from './support/fixtures.js'
import { formatLoad, type LoadResult, load } from './support/load.js'
import { watchRss } from './support/rss.js'
import { startBareFastify, startServer } from './support/server-process.js'

const databaseUrl = process.env.DATABASE_URL
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const costsEvents = Number(process.env.COSTS_EVENTS ?? 10_000_000)
const BATCH = 1000
const BATCH_CONNECTIONS = 8
const MIXES: BatchMix[] = ['live', 'scattered', 'replayed', 'clocks']

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (k: number) => sorted[k] ?? Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2
}

type Scenario = Awaited<ReturnType<typeof prepareScenario>>

/** NDJSON batches of one mix for `seconds`, each request a different body of the mix. */
async function loadBatches(url: string, scenario: Scenario, mix: BatchMix) {
  const bodies = batchBodies(mix, BATCH, 48)
  let next = 0
  const result = await autocannon({
    url: `${url}/api/v1/ingest`,
    method: 'POST',
    headers: {
      'x-api-key': scenario.apiKey,
      'x-scenario-id': scenario.scenarioId,
      'content-type': 'application/x-ndjson',
    },
    connections: BATCH_CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }) }],
  })
  return {
    eventsPerSecond: (result['2xx'] * BATCH) / seconds,
    p99: result.latency.p99,
    acknowledged: result['2xx'] * BATCH,
    non2xx: result.non2xx,
  }
}

/**
 * The database's durable-commit latency: one-row transactions one after another (PostgreSQL only). A single
 * event is answered after its group's commit, and one scenario has one commit in flight (its totals rows are
 * locked until the commit is on disk), so with C connections single events cannot exceed C / this latency.
 */
async function commitLatencyMs(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('create table if not exists bench_commit_probe (at timestamptz)')
    const times: number[] = []
    for (let i = 0; i < 100; i++) {
      const began = performance.now()
      await client.query('insert into bench_commit_probe values (now())')
      times.push(performance.now() - began)
    }
    await client.query('drop table bench_commit_probe')
    return median(times)
  } finally {
    await client.end()
  }
}

async function eventsTotal(url: string, scenario: Scenario): Promise<number> {
  const res = await fetch(`${url}/api/v1/scenarios/${scenario.scenarioId}`, { headers: scenario.auth })
  return Number(((await res.json()) as { events_total: number }).events_total)
}

const bare = await startBareFastify()
const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
const rss = watchRss(server.child.pid ?? 0)
try {
  console.log(
    `ingest bench on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, production configuration, ${rounds} interleaved ` +
      `rounds of ${seconds} s per measurement; ratios are to bare Fastify's GET / in the same round`,
  )
  const single = await prepareScenario(server.url)
  const batchScenarios = new Map<BatchMix, Scenario>()
  for (const mix of MIXES) batchScenarios.set(mix, await prepareScenario(server.url))
  const acknowledged = new Map<string, number>()
  const acknowledge = (id: string, events: number) =>
    acknowledged.set(id, (acknowledged.get(id) ?? 0) + events)

  const ratios = { empty: [] as number[], health: [] as number[], single: [] as number[] }
  const singleP99: number[] = []
  const singleBound: number[] = []
  const batchFigures = new Map<BatchMix, { eps: number[]; p99: number[] }>(
    MIXES.map((m) => [m, { eps: [], p99: [] }]),
  )
  for (let round = 1; round <= rounds; round++) {
    const bareGet = await load({ url: `${bare.url}/`, duration: seconds })
    const empty = await load({ url: `${server.url}/api/v1/`, duration: seconds })
    const health = await load({ url: `${server.url}/health`, duration: seconds })
    const event = JSON.stringify(realisticEvent(round, new Date().toISOString()))
    const singles: LoadResult = await load({
      url: `${server.url}/api/v1/ingest`,
      method: 'POST',
      headers: {
        'x-api-key': single.apiKey,
        'x-scenario-id': single.scenarioId,
        'content-type': 'application/json',
      },
      body: event,
      duration: seconds,
    })
    acknowledge(single.scenarioId, singles.ok)
    const commitMs = databaseUrl ? await commitLatencyMs(databaseUrl) : Number.NaN
    singleBound.push(50 / (commitMs / 1000) / bareGet.rps)
    ratios.empty.push(empty.rps / bareGet.rps)
    ratios.health.push(health.rps / bareGet.rps)
    ratios.single.push(singles.rps / bareGet.rps)
    singleP99.push(singles.p99)
    console.log(`\nround ${round}`)
    console.log(formatLoad('bare Fastify GET /', bareGet))
    console.log(formatLoad('GET /api/v1/ (empty route)', empty))
    console.log(formatLoad('GET /health', health))
    console.log(formatLoad('single-event ingest', singles))
    if (databaseUrl)
      console.log(
        `durable commit p50 ${commitMs.toFixed(2)} ms: single events ≤ ${(50 / (commitMs / 1000)).toFixed(0)} req/s`,
      )
    for (const mix of MIXES) {
      const scenario = batchScenarios.get(mix) as Scenario
      const batches = await loadBatches(server.url, scenario, mix)
      acknowledge(scenario.scenarioId, batches.acknowledged)
      batchFigures.get(mix)?.eps.push(batches.eventsPerSecond)
      batchFigures.get(mix)?.p99.push(batches.p99)
      console.log(
        `${`NDJSON ${BATCH}-event batches, ${mix}`.padEnd(34)} ${batches.eventsPerSecond.toFixed(0).padStart(8)} events/s  ` +
          `p99 ${batches.p99} ms  non-2xx ${batches.non2xx}`,
      )
    }
  }

  // Requests still in flight when a measurement stops are committed without their answer being counted, so
  // committed may exceed acknowledged by at most the connections' worth; never fall short of it.
  let lossless = true
  for (const scenario of [single, ...batchScenarios.values()]) {
    const committed = await eventsTotal(server.url, scenario)
    const acked = acknowledged.get(scenario.scenarioId) ?? 0
    if (committed < acked || committed - acked > rounds * 50 * BATCH) lossless = false
  }
  console.log(`\nmedians over ${rounds} rounds (target):`)
  console.log(`  empty route / bare Fastify      ${median(ratios.empty).toFixed(2)}  (≥ 0.70)`)
  console.log(`  /health / bare Fastify          ${median(ratios.health).toFixed(2)}  (≥ 0.50)`)
  console.log(
    `  single events / bare Fastify    ${median(ratios.single).toFixed(2)}  (≥ 0.40), p99 ${median(singleP99)} ms (< 25 ms)`,
  )
  if (databaseUrl) {
    console.log(
      `  single events' bound / bare     ${median(singleBound).toFixed(2)}  (50 connections / durable commit latency)`,
    )
  }
  for (const mix of MIXES) {
    const f = batchFigures.get(mix) as { eps: number[]; p99: number[] }
    const target = mix === 'live' ? '≥ 500,000' : '≥ 150,000'
    console.log(
      `  batches, ${mix.padEnd(10)}             ${median(f.eps).toFixed(0)} events/s (${target}), p99 ${median(f.p99)} ms`,
    )
  }
  console.log(`  every acknowledged event committed: ${lossless ? 'yes' : 'NO (MISMATCH)'}`)

  if (costsEvents > 0) {
    const costs = await prepareScenario(server.url)
    const start = Date.now() - 30 * 86_400_000
    const spread = (i: number) =>
      new Date(start + Math.floor((i / costsEvents) * 30 * 86_400_000)).toISOString()
    const perBatch = 10_000
    const began = performance.now()
    for (let offset = 0; offset < costsEvents; offset += perBatch * 4) {
      await Promise.all(
        [0, 1, 2, 3].map(async (k) => {
          const at = offset + k * perBatch
          if (at >= costsEvents) return
          const res = await fetch(`${server.url}/api/v1/ingest`, {
            method: 'POST',
            headers: {
              'x-api-key': costs.apiKey,
              'x-scenario-id': costs.scenarioId,
              'content-type': 'application/x-ndjson',
            },
            body: ndjsonBatch(Math.min(perBatch, costsEvents - at), at, spread),
          })
          if (!res.ok) throw new Error(`load costs scenario: ${res.status} ${await res.text()}`)
        }),
      )
    }
    console.log(
      `\nloaded ${costsEvents} events over 30 days in ${((performance.now() - began) / 1000).toFixed(0)} s`,
    )
    const costsLoad = await load({
      url: `${server.url}/api/v1/scenarios/${costs.scenarioId}/costs`,
      headers: costs.auth,
      connections: 4,
      duration: 10,
    })
    console.log(formatLoad(`GET /costs (${costsEvents} events)`, costsLoad))
  }
  console.log(`peak server RSS: ${rss.stop().toFixed(0)} MB (target < 400 MB)`)
  if (!lossless) process.exitCode = 1
} finally {
  rss.stop()
  await Promise.all([server.stop(), bare.stop()])
}
