import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/client.js'
import { buildTestApp } from '../../test/build-test-app.js'
import { startTcpProxy } from '../../test/tcp-proxy.js'
import { createTestDatabase, testEngine } from '../../test/test-db.js'

describe('GET /health', async () => {
  const app = await buildTestApp()

  it('reports ok with the version and the database state', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      database: 'ok',
    })
  })

  it('is rate limited in the general class', async () => {
    const res = await app.inject({ method: 'GET', url: '/health' })
    expect(res.headers['x-ratelimit-limit']).toBe(String(app.config.rateLimit.perMinute))
  })
})

/** Only PostgreSQL has a connection to cut: the embedded PGlite lives in the process. */
async function buildAppBehindProxy() {
  const real = await createTestDatabase()
  const url = new URL(real.url ?? '')
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) })
  url.host = `127.0.0.1:${proxy.port}`
  const proxied = await openDatabase({ url: url.toString(), poolSize: 4 })
  const app = await buildTestApp({
    database: {
      ...proxied,
      async close() {
        await proxied.close()
        await proxy.close()
        await real.close()
      },
    },
  })
  return { app, proxy }
}

describe.runIf(testEngine === 'postgres')('GET /health when PostgreSQL goes away', async () => {
  // vitest still collects a skipped describe: build nothing unless this run is on PostgreSQL.
  if (testEngine !== 'postgres') return
  const { app, proxy } = await buildAppBehindProxy()

  it('answers 503 while the connection is cut and 200 again after, without restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
    proxy.cut()
    const down = await app.inject({ method: 'GET', url: '/health' })
    expect(down.statusCode).toBe(503)
    expect(down.json()).toMatchObject({ status: 'unavailable', database: 'unreachable' })
    proxy.restore()
    const up = await app.inject({ method: 'GET', url: '/health' })
    expect(up.statusCode).toBe(200)
    expect(up.json().database).toBe('ok')
  })
})
