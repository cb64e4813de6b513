import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Client, client } from './support/http.js'
import { ServerProcess, sleep } from './support/server.js'

// A dedicated server with a tiny general limit: the one test that waits a whole window out (~60 s).
let server: ServerProcess
let http: Client

beforeAll(async () => {
  server = await ServerProcess.start({ env: { RATE_LIMIT_PER_MINUTE: '2' } })
  http = client(server.url)
})

afterAll(async () => {
  await server?.dispose()
})

it('ignores X-Forwarded-For without TRUST_PROXY, and opens again after the window', async () => {
  // The start-up readiness probe may already have used one of the two requests.
  let limited = await http('/health')
  for (let i = 0; i < 2 && limited.status !== 429; i++) limited = await http('/health')
  expect(limited.status).toBe(429)
  const spoofed = await http('/health', { headers: { 'x-forwarded-for': '203.0.113.9' } })
  expect(spoofed.status).toBe(429)
  const retryAfter = Number(limited.headers['retry-after'])
  const reset = Number(limited.headers['x-ratelimit-reset'])
  expect(retryAfter).toBeGreaterThan(0)
  expect(retryAfter).toBeLessThanOrEqual(60)
  expect(Math.abs(reset - retryAfter)).toBeLessThanOrEqual(1)
  await sleep((retryAfter + 1) * 1000)
  const after = await http('/health')
  expect(after.status).toBe(200)
  expect(after.headers['x-ratelimit-remaining']).toBe('1')
}, 90_000)
