/**
 * Foundation baseline: throughput of an empty API route and of /health on this machine, 50 connections.
 * Usage: npm run build && npx tsx bench/baseline.bench.ts  (DATABASE_URL=postgres://… for PostgreSQL)
 */
import { cpus } from 'node:os'
import { formatLoad, measureBaseline } from './support/load.js'
import { startServer } from './support/server-process.js'

const databaseUrl = process.env.DATABASE_URL
const server = await startServer(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
try {
  const duration = Number(process.env.BENCH_SECONDS ?? 10)
  const { empty, health } = await measureBaseline(server.url, duration)
  console.log(
    `baseline on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, ${cpus().length} cores, ${duration}s each`,
  )
  console.log(formatLoad('GET /api/v1/ (empty route)', empty))
  console.log(formatLoad('GET /health (database ping)', health))
  console.log(`health / empty ratio: ${(health.rps / empty.rps).toFixed(2)}`)
} finally {
  await server.stop()
}
