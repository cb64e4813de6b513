import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  registerUser,
} from './support/http.js'
import { ServerProcess } from './support/server.js'

// Finding #1 of the outside review: 256 KiB of one letter in a bedrock.invoke `input_text` was tokenised on the
// main thread in quadratic time and blocked every request (/health included) for 41 s; 32 K CJK characters for
// 5 s. Counting is now linear, sliced and bounded per request (docs/metering.md "Tokenizer").
let server: ServerProcess
let http: Client
let key: ApiKey
let scenarioId: string

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
  const owner = await registerUser(http)
  key = await createApiKey(http, owner, ['write:ingest'])
  scenarioId = await createScenario(http, owner, { running: true })
})

afterAll(async () => {
  await server?.dispose()
})

const invoke = (text: string) => ({
  type: 'bedrock.invoke',
  model: 'amazon.nova-lite-v1:0',
  input_text: text,
})

describe('Bedrock text counting cannot freeze the server', () => {
  it('answers /health promptly while a 5 MB body of worst-case texts is counted, and accepts the body', async () => {
    const events = [
      invoke('a'.repeat(256 * 1024)),
      invoke('漢字かな交じり文'.repeat(10_900)),
      ...Array.from({ length: 16 }, (_, i) => invoke(String.fromCharCode(98 + i).repeat(256 * 1024))),
    ]
    const startedAt = Date.now()
    const ingest = http('/api/v1/ingest', {
      method: 'POST',
      headers: { ...key.auth, 'x-scenario-id': scenarioId },
      body: { events },
    })
    const health = await http('/health')
    const healthMs = Date.now() - startedAt
    const res = await ingest
    expect(health.status).toBe(200)
    expect(res.status, res.text).toBe(200)
    expect(res.json().accepted).toBe(events.length)
    // Before the fix the first text alone held the event loop for ~41 s.
    expect(healthMs).toBeLessThan(5_000)
    expect(Date.now() - startedAt).toBeLessThan(15_000)
  })
})
