import { randomInt } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { request } from '../support/http.js'
import { ADMIN_DATABASE_URL, createPostgresDatabase, ServerProcess } from '../support/server.js'

// Two server instances on one Redis share every client's counter. The client is a random address given
// through X-Forwarded-For (TRUST_PROXY), so the keys are this run's alone and are deleted afterwards.
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const LIMIT = 10
const clientIp = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`

let redis: Redis | undefined
let reachable = false
const servers: ServerProcess[] = []
let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  reachable = await redis.connect().then(
    () => true,
    () => false,
  )
  if (!reachable) return
  database = ADMIN_DATABASE_URL ? await createPostgresDatabase() : undefined
  const env = { REDIS_URL, RATE_LIMIT_PER_MINUTE: String(LIMIT), TRUST_PROXY: 'true' }
  servers.push(await ServerProcess.start({ env, databaseUrl: database?.url }))
  servers.push(await ServerProcess.start({ env, databaseUrl: database?.url }))
})

afterAll(async () => {
  for (const s of servers) await s.dispose()
  await database?.drop()
  if (redis && reachable) {
    const keys = await redis.keys(`*${clientIp}*`)
    if (keys.length > 0) await redis.del(...keys)
  }
  redis?.disconnect()
})

it('counts one client across two instances', async (ctx) => {
  if (!reachable) {
    // CI must run it: there a missing Redis is a failure, not a skip.
    if (process.env.CI === 'true') throw new Error('Redis is not reachable')
    ctx.skip()
  }
  const [a, b] = servers
  if (!a || !b) throw new Error('servers did not start')
  const seen: string[] = []
  for (let i = 0; i < LIMIT; i++) {
    const target = i % 2 === 0 ? a : b
    const res = await request(target.url, '/health', { headers: { 'x-forwarded-for': clientIp } })
    expect(res.status).toBe(200)
    seen.push(String(res.headers['x-ratelimit-remaining']))
  }
  expect(seen).toEqual(Array.from({ length: LIMIT }, (_, i) => String(LIMIT - 1 - i)))
  for (const target of [a, b]) {
    const res = await request(target.url, '/health', { headers: { 'x-forwarded-for': clientIp } })
    expect(res.status).toBe(429)
    expect(res.json().error).toBe('rate_limited')
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
  }
  // Another client is unaffected on both instances.
  const other = await request(b.url, '/health', { headers: { 'x-forwarded-for': `${clientIp}9` } })
  expect([200, 429]).toContain(other.status)
  const keys = await redis?.keys(`*${clientIp}9*`)
  if (keys?.length) await redis?.del(...keys)
})
