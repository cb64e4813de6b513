/**
 * Login storm (issue 3): 20 concurrent logins in a loop (bcrypt at the production cost of 12 rounds) while
 * /health latency is measured; bcrypt runs on libuv's thread pool, so the event loop must stay responsive.
 * Reports /health p99 idle and during the storm (target < 50 ms) and logins/s.
 * Usage: npm run build && npx tsx bench/login-storm.bench.ts   (BENCH_SECONDS, default 15)
 */
import { formatLoad, load } from './support/load.js'
import { startServer } from './support/server-process.js'

const seconds = Number(process.env.BENCH_SECONDS ?? 15)
const server = await startServer({ BCRYPT_ROUNDS: '12' })
try {
  const email = `storm-${Date.now()}@example.com`
  const password = 'storm-pass-1'
  const register = await fetch(`${server.url}/api/v1/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (!register.ok) throw new Error(`register: ${register.status}`)

  const idle = await load({ url: `${server.url}/health`, connections: 5, duration: 5 })
  console.log(formatLoad('/health idle (5 connections)', idle))

  let logins = 0
  let stop = false
  const storm = Array.from({ length: 20 }, async () => {
    while (!stop) {
      const res = await fetch(`${server.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      })
      await res.arrayBuffer()
      if (res.ok) logins += 1
    }
  })
  const busy = await load({ url: `${server.url}/health`, connections: 5, duration: seconds })
  stop = true
  await Promise.all(storm)
  console.log(formatLoad('/health during 20-way login storm', busy))
  console.log(`logins/s during the storm: ${(logins / seconds).toFixed(1)} (bcrypt cost 12)`)
  console.log(`/health p99 during storm: ${busy.p99} ms (target < 50 ms); idle p99 ${idle.p99} ms`)
} finally {
  await server.stop()
}
