/**
 * What the per-address pre-limit (server/plugins/ip-pre-limit.ts) costs a request: bare Fastify with and
 * without the plugin, in process through `inject` (no sockets, so the difference is the hook alone), rounds
 * interleaved, requests carrying an API key from 64 addresses. Run: `npx tsx bench/pre-limit.bench.ts`
 * (BENCH_REQUESTS per round, default 5,000). Compare the µs per request with a real request's cost
 * (bench/ingest.bench.ts: the empty route serves ~10,000 req/s on this machine, ~100 µs each).
 */
import Fastify, { type FastifyInstance } from 'fastify'
import { loadConfig } from '../server/config.js'
import { ipPreLimitPlugin } from '../server/plugins/ip-pre-limit.js'

const requests = Number(process.env.BENCH_REQUESTS ?? 5_000)
const rounds = 11
const limits = loadConfig({
  NODE_ENV: 'test',
  JWT_SECRET_KEY: 'bench-secret-0123456789abcdef0123456789',
  RATE_LIMIT_IP_PER_MINUTE: '1000000000',
}).rateLimit

async function build(withPreLimit: boolean): Promise<FastifyInstance> {
  const app = Fastify({ logger: false })
  if (withPreLimit) await app.register(ipPreLimitPlugin, { limits, onLimited: () => {} })
  app.get('/', async () => ({}))
  await app.ready()
  return app
}

/**
 * Lets the event loop run its other phases: awaiting inject after inject never leaves the microtask queue, so
 * the work each response schedules with setImmediate would pile up (and be left out of the time).
 */
const turn = () => new Promise((resolve) => setImmediate(resolve))

async function microsPerRequest(app: FastifyInstance): Promise<number> {
  const start = process.hrtime.bigint()
  for (let i = 0; i < requests; i++) {
    await app.inject({
      method: 'GET',
      url: '/',
      remoteAddress: `10.0.0.${i % 64}`,
      headers: { 'x-api-key': 'mk_bench' },
    })
    if (i % 100 === 99) await turn()
  }
  return Number(process.hrtime.bigint() - start) / 1e3 / requests
}

const without = await build(false)
const withLimit = await build(true)
await microsPerRequest(without)
await microsPerRequest(withLimit)
const times = { without: [] as number[], with: [] as number[] }
for (let round = 0; round < rounds; round++) {
  times.without.push(await microsPerRequest(without))
  times.with.push(await microsPerRequest(withLimit))
}
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN
const cost = median(times.with) - median(times.without)
console.log(`bare Fastify inject, ${rounds} interleaved rounds of ${requests} requests (median):`)
console.log(`  without the pre-limit  ${median(times.without).toFixed(2)} µs per request`)
console.log(`  with the pre-limit     ${median(times.with).toFixed(2)} µs per request`)
console.log(`  the pre-limit's cost   ${cost.toFixed(2)} µs per request`)
await Promise.all([without.close(), withLimit.close()])
