import { afterAll, beforeAll, expect, it } from 'vitest'
import { type Client, client } from './support/http.js'
import { ServerProcess, sleep } from './support/server.js'

// A dedicated server with a tiny general limit counted over a 2 s window, so the window runs out in the test.
const WINDOW_SECONDS = 2
let server: ServerProcess
let http: Client

beforeAll(async () => {
  server = await ServerProcess.start({
    env: { RATE_LIMIT_PER_MINUTE: '2', RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) },
  })
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
  expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS)
  expect(Math.abs(reset - retryAfter)).toBeLessThanOrEqual(1)
  // Asks until the window has run out (each refused ask lands in the old window): the first open answer is
  // the first request of a fresh window.
  let after = await http('/health')
  const deadline = Date.now() + 30_000
  while (after.status === 429 && Date.now() < deadline) {
    await sleep(100)
    after = await http('/health')
  }
  expect(after.status).toBe(200)
  expect(after.headers['x-ratelimit-remaining']).toBe('1')
})
