/**
 * Ingest targets of issue 6, measured against the built server as its own process:
 *  - NDJSON batches of 1,000 mixed events (every one committed: events_total is checked after),
 *  - single-event requests at 50 connections, as a ratio to the empty route measured just before and after,
 *  - /costs on a scenario holding 10 million events over 30 days,
 *  - peak server RSS.
 * Usage: npm run build && DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/ingest.bench.ts
 *        (without DATABASE_URL: PGlite). BENCH_SECONDS (default 30) and COSTS_EVENTS (default 10,000,000).
 */
import autocannon from 'autocannon'
import { ndjsonBatch, prepareScenario } from './support/fixtures.js'
import { formatLoad, load, measureBaseline, measureEmptyRoute } from './support/load.js'
import { watchRss } from './support/rss.js'
import { startServer } from './support/server-process.js'

const databaseUrl = process.env.DATABASE_URL
const seconds = Number(process.env.BENCH_SECONDS ?? 30)
const costsEvents = Number(process.env.COSTS_EVENTS ?? 10_000_000)

const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
const rss = watchRss(server.child.pid ?? 0)
try {
  console.log(`ingest bench on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${seconds}s per run`)
  const baseline = await measureBaseline(server.url, Math.min(seconds, 10))
  console.log(formatLoad('baseline GET /api/v1/ (empty route)', baseline.empty))

  const { scenarioId, apiKey, auth } = await prepareScenario(server.url)
  const headers = { 'x-api-key': apiKey, 'x-scenario-id': scenarioId }
  const batch = ndjsonBatch(1000)
  const batches = await autocannon({
    url: `${server.url}/api/v1/ingest`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-ndjson' },
    body: batch,
    connections: 8,
    duration: seconds,
  })
  const committed = Number(
    (
      (await (await fetch(`${server.url}/api/v1/scenarios/${scenarioId}`, { headers: auth })).json()) as {
        events_total: number
      }
    ).events_total,
  )
  const acknowledged = batches['2xx'] * 1000
  // Batches still in flight when the run stops are committed without their answer being counted.
  const inFlight = committed - acknowledged
  const lossless = inFlight >= 0 && inFlight <= 8 * 1000
  console.log(
    `NDJSON 1,000-event batches: ${(acknowledged / seconds).toFixed(0)} events/s acknowledged ` +
      `(${batches.requests.average.toFixed(1)} req/s, p99 ${batches.latency.p99} ms, non-2xx ${batches.non2xx}); ` +
      `committed ${committed}, acknowledged ${acknowledged}, in flight at the end ${inFlight}: ` +
      (lossless ? 'every acknowledged event is committed' : 'MISMATCH'),
  )

  // The machine's speed drifts over a run (a shared VM), so the single-event ratio is taken against the empty
  // route measured right before and right after it, under the same conditions.
  const emptyBefore = await measureEmptyRoute(server.url)
  const single = await load({
    url: `${server.url}/api/v1/ingest`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'sqs.send', bytes: 1200 }),
    connections: 50,
    duration: Math.min(seconds, 15),
  })
  const emptyAfter = await measureEmptyRoute(server.url)
  const emptyRps = (emptyBefore.rps + emptyAfter.rps) / 2
  console.log(formatLoad('single-event requests', single))
  console.log(
    `single-event / empty-route ratio: ${(single.rps / emptyRps).toFixed(2)} (target ≥ 0.40; empty route ` +
      `${emptyBefore.rps.toFixed(0)} req/s before, ${emptyAfter.rps.toFixed(0)} after; p99 target < 25 ms)`,
  )

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
      `loaded ${costsEvents} events over 30 days in ${((performance.now() - began) / 1000).toFixed(0)} s`,
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
} finally {
  rss.stop()
  await server.stop()
}
