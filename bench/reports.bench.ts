/**
 * Report generation (issue 7): a PDF (and a CSV) for a scenario holding 30 days of per-minute rollups
 * (43,200 minutes × 6 event types), timed from claim to stored file. Target: PDF < 2 s.
 * Usage: npx tsx bench/reports.bench.ts   (DATABASE_URL=postgres://… for PostgreSQL; default in-memory PGlite)
 */
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { loadConfig } from '../server/config.js'
import { openDatabase } from '../server/db/client.js'
import { createLogger } from '../server/lib/logger.js'
import { createServices } from '../server/services.js'

const databaseUrl = process.env.DATABASE_URL
let scratch: { url: string; drop: () => Promise<void> } | undefined
if (databaseUrl) {
  const name = `mockupaws_bench_${randomUUID().slice(0, 8)}`
  const admin = await openDatabase({ url: databaseUrl })
  await admin.db.execute(sql.raw(`create database ${name}`))
  await admin.close()
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  scratch = {
    url: url.toString(),
    drop: async () => {
      const again = await openDatabase({ url: databaseUrl })
      await again.db.execute(sql.raw(`drop database if exists ${name} with (force)`))
      await again.close()
    },
  }
}
const database = await openDatabase({ url: scratch?.url })
await database.migrate()
const config = loadConfig({
  NODE_ENV: 'test',
  JWT_SECRET_KEY: 'bench-secret-0123456789abcdef0123456789',
  DATA_DIR: '/tmp/mockupaws-bench',
})
const services = await createServices({ config, database, logger: createLogger('warn') })
await services.startBackground({ work: false, scheduler: false })

const user = await services.auth.createUser({
  email: `bench-${Date.now()}@example.com`,
  password: 'bench-pass-1',
})
const scenario = await services.scenarios.create(user.id, { name: 'Reports bench', region: 'us-east-1' })
const start = Date.UTC(2026, 9, 1)
const seeded = performance.now()
await database.db.execute(sql`
  insert into event_rollups (scenario_id, minute, event_type, count)
  select ${scenario.id}, to_timestamp(${start / 1000}) + (m || ' minutes')::interval, t, 10 + (m % 50)
  from generate_series(0, 43199) m, unnest(array['log','sqs.send','lambda.invoke','s3.put','dynamodb.read','transfer.out']) t`)
await database.db.execute(sql`
  insert into event_totals (scenario_id, event_type, count)
  select scenario_id, event_type, sum(count) from event_rollups where scenario_id = ${scenario.id} group by 1, 2`)
await database.db.execute(sql`
  insert into usage_totals (scenario_id, usage_type, quantity) values
  (${scenario.id}, 'sqs.requests.standard', 9000000), (${scenario.id}, 'lambda.requests', 8000000),
  (${scenario.id}, 'lambda.gb_seconds.arm64', 1638400000000), (${scenario.id}, 's3.requests.put', 7000000),
  (${scenario.id}, 'dynamodb.read_request_units', 12000000), (${scenario.id}, 'data_transfer.out_gb', 536870912000)`)
await database.db.execute(sql`
  update scenarios set status = 'completed', events_total = 1000000,
    first_event_at = to_timestamp(${start / 1000}), last_event_at = to_timestamp(${start / 1000}) + interval '30 days'
  where id = ${scenario.id}`)
console.log(
  `seeded 30 days of minute rollups (259,200 rows) in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
)

for (const format of ['pdf', 'csv'] as const) {
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const { id } = await services.reports.create(user.id, scenario.id, format)
    const t = performance.now()
    await services.reports.generate(id, { retryCount: 0, retryLimit: 0 })
    times.push(performance.now() - t)
    const meta = await services.reports.findMeta(id)
    if (meta?.status !== 'ready') throw new Error(`report ${id} is ${meta?.status}`)
  }
  times.sort((a, b) => a - b)
  console.log(
    `${format.toUpperCase()} on ${database.engine}: median ${times[2]?.toFixed(0)} ms, max ${times[4]?.toFixed(0)} ms${format === 'pdf' ? ' (target < 2000 ms)' : ''}`,
  )
}
await services.stopBackground()
await database.close()
await scratch?.drop()
