/**
 * Ingest core throughput: parse (NDJSON) + validate + meter + aggregate + PII scan of a 1,000-event mixed batch.
 * Ingest promises 150,000 events/s end to end including the database, so this pure part must stay well
 * under 3 ms per 1,000 events. Run: npx tsx bench/metering.bench.ts
 */
import { validateEvents } from '../server/domains/ingest/events.js'
import { parseNdjson } from '../server/domains/ingest/ndjson.js'
import { aggregateEvents } from '../server/domains/ingest/rollup.js'
import { loadTokenizer } from '../server/domains/ingest/tokens.js'

const BATCH_SIZE = 1_000
const ITERATIONS = 2_000
const BUDGET_MS = 3

const MESSAGES = [
  'GET /api/v1/orders/84213 200 12ms',
  'user jane.doe@example.com signed in from 10.0.4.21',
  'payment declined for card 4111 1111 1111 1111, retrying in 30s',
  'worker 7 finished job 550e8400-e29b-41d4-a716-446655440000 in 1532 ms (v1.2.3)',
  'call +44 20 7946 0958 about invoice 2024-0117 before 2025-01-31T12:00:00Z',
  'refund to DE89 3704 0044 0532 0130 00 queued',
  'cache miss key=product:1234567890123 ttl=300',
]

/** A deterministic mix of every event type, weighted roughly like a busy backend. */
function buildBatch(now: number): string {
  const lines: string[] = []
  for (let i = 0; i < BATCH_SIZE; i++) {
    const timestamp = new Date(now - (i % 180) * 1_000).toISOString()
    switch (i % 20) {
      case 0:
      case 1:
      case 2:
      case 3:
      case 4:
      case 5:
        lines.push(
          JSON.stringify({ type: 'log', timestamp, level: 'info', service: 'api', message: MESSAGES[i % 7] }),
        )
        break
      case 6:
      case 7:
        lines.push(JSON.stringify({ type: 'sqs.send', timestamp, bytes: 1_200 + i, fifo: i % 4 === 0 }))
        break
      case 8:
        lines.push(JSON.stringify({ type: 'sqs.receive', bytes: 262_144 }))
        break
      case 9:
      case 10:
        lines.push(
          JSON.stringify({
            type: 'lambda.invoke',
            timestamp,
            duration_ms: 87.4,
            memory_mb: 1024,
            architecture: 'arm64',
          }),
        )
        break
      case 11:
        lines.push(
          i % 100 === 11
            ? JSON.stringify({
                type: 'bedrock.invoke',
                model: 'anthropic.claude-3-haiku-20240307-v1:0',
                input_text: 'Summarise this support ticket: the customer cannot reset their password.',
                output_text: 'Customer is locked out; password reset emails are not arriving.',
              })
            : JSON.stringify({
                type: 'bedrock.invoke',
                timestamp,
                model: 'amazon.nova-lite-v1:0',
                input_tokens: 800,
                output_tokens: 200,
              }),
        )
        break
      case 12:
        lines.push(JSON.stringify({ type: 's3.put', timestamp, bytes: 48_000 }))
        break
      case 13:
        lines.push(JSON.stringify({ type: 's3.get', timestamp, bytes: 48_000 }))
        break
      case 14:
        lines.push(
          JSON.stringify({ type: 'dynamodb.write', timestamp, bytes: 2_500, transactional: i % 3 === 0 }),
        )
        break
      case 15:
        lines.push(JSON.stringify({ type: 'dynamodb.read', timestamp, bytes: 9_000, consistent: true }))
        break
      case 16:
        lines.push(JSON.stringify({ type: 'apigw.request', timestamp, api_type: 'http', bytes: 3_000 }))
        break
      case 17:
        lines.push(
          JSON.stringify({ type: 'sns.publish', timestamp, bytes: 700, deliveries: { http: 2, sqs: 3 } }),
        )
        break
      case 18:
        lines.push(JSON.stringify({ type: 'transfer.out', timestamp, bytes: 15_000 }))
        break
      default:
        lines.push(JSON.stringify({ type: 's3.list', timestamp }))
    }
  }
  return `${lines.join('\n')}\n`
}

function runBatch(body: string, now: number): number {
  const parsed = parseNdjson(body)
  if (!parsed.ok) throw new Error(`bench batch does not parse: ${JSON.stringify(parsed.problems)}`)
  const validated = validateEvents(parsed.items, { now, lines: parsed.lines })
  if (!validated.ok) throw new Error(`bench batch is invalid: ${JSON.stringify(validated.problems)}`)
  const aggregate = aggregateEvents(validated.events, new Date(now))
  return aggregate.rollups.length + aggregate.pii.length
}

// The batch has Bedrock text to count; the server loads the encoding on first need, the bench up front.
await loadTokenizer()
const now = Date.now()
const body = buildBatch(now)
let sink = 0
for (let i = 0; i < 200; i++) sink += runBatch(body, now)

const samples: number[] = []
const started = performance.now()
for (let i = 0; i < ITERATIONS; i++) {
  const t0 = performance.now()
  sink += runBatch(body, now)
  samples.push(performance.now() - t0)
}
const totalMs = performance.now() - started
samples.sort((a, b) => a - b)
const meanMs = totalMs / ITERATIONS
const p50 = samples[Math.floor(ITERATIONS * 0.5)] ?? Number.NaN
const p99 = samples[Math.floor(ITERATIONS * 0.99)] ?? Number.NaN
const eventsPerSecond = Math.round((BATCH_SIZE * ITERATIONS) / (totalMs / 1_000))

console.log(
  `ingest core (parse + validate + meter + aggregate + PII), ${BATCH_SIZE}-event mixed NDJSON batch`,
)
console.log(`  batch: ${(body.length / 1024).toFixed(1)} KiB, ${ITERATIONS} iterations (checksum ${sink})`)
console.log(`  mean ${meanMs.toFixed(3)} ms/batch, p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`)
console.log(`  ${eventsPerSecond.toLocaleString('en-US')} events/s`)
console.log(
  `  budget ${BUDGET_MS} ms/batch: ratio ${(meanMs / BUDGET_MS).toFixed(2)} (below 1 is within budget)`,
)
