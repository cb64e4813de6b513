import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { buildTestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../../test/factories.js'

/** Streams `totalBytes` of NDJSON in chunks without a Content-Length, as a log shipper would. */
function streamIngest(url: string, headers: Record<string, string>, totalBytes: number) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/api/v1/ingest`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' },
    })
    req.on('response', (res) => {
      let body = ''
      res.on('data', (d) => {
        body += d
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    const line = `${JSON.stringify({ type: 'log', message: 'x'.repeat(1000) })}\n`
    let sent = 0
    const pump = () => {
      while (sent < totalBytes) {
        sent += line.length
        if (!req.write(line)) {
          req.once('drain', pump)
          return
        }
      }
      req.end()
    }
    req.on('error', () => undefined)
    pump()
  })
}

/** Sends a whole body with its Content-Length, as most HTTP clients do; any socket error (a reset) rejects. */
function sendWithLength(url: string, headers: Record<string, string>, body: Buffer) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}/api/v1/ingest`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson', 'content-length': String(body.length) },
    })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (d) => {
        text += d
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('ingest body limit over a real socket', async () => {
  const app = await buildTestApp()
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const user = await createUser(app)
  const key = await createApiKey(app, user, { scopes: ['write:ingest'] })

  it('answers a streamed body over 5 MB with 413 and the error body, not a reset', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await streamIngest(url, { ...key.headers, 'x-scenario-id': scenario.id }, 8 * 1024 * 1024)
    expect(res.status).toBe(413)
    expect(JSON.parse(res.body)).toMatchObject({ error: 'payload_too_large' })
  })

  it('answers a body announced over 5 MB with 413 after reading it, never a reset while the client writes', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const line = `${JSON.stringify({ type: 'log', message: 'x'.repeat(1000) })}\n`
    const body = Buffer.from(line.repeat(Math.ceil((6 * 1024 * 1024) / line.length)))
    for (let attempt = 0; attempt < 5; attempt++) {
      const res = await sendWithLength(url, { ...key.headers, 'x-scenario-id': scenario.id }, body)
      expect(res.status).toBe(413)
      expect(JSON.parse(res.body)).toMatchObject({ error: 'payload_too_large' })
    }
  })

  it('accepts a streamed body under the limit', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const res = await streamIngest(url, { ...key.headers, 'x-scenario-id': scenario.id }, 1024 * 1024)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.body).accepted).toBeGreaterThan(1000)
  })
})
