import { randomUUID } from 'node:crypto'
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Client,
  client,
  createScenario,
  expectErrorShape,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { ServerProcess, sleep } from './support/server.js'

// Production, with the scheduler on: alert deliveries run in this process, as an operator runs it.
let server: ServerProcess
let http: Client
let alice: User
/** A TCP port on this machine that counts every connection made to it. */
let listener: Server
let listenerPort = 0
let connections = 0

beforeAll(async () => {
  listener = createServer((socket) => {
    connections += 1
    socket.destroy()
  })
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve))
  listenerPort = (listener.address() as { port: number }).port
  server = await ServerProcess.start({
    env: {
      NODE_ENV: 'production',
      JWT_SECRET_KEY: `ssrf-${randomUUID()}-${randomUUID()}`,
      BCRYPT_ROUNDS: '12',
      SCHEDULER_ENABLED: 'true',
    },
  })
  http = client(server.url)
  alice = await registerUser(http)
})

afterAll(async () => {
  if (server) expectNoSecretsLogged(server)
  await server?.dispose()
  await new Promise<void>((resolve) => listener?.close(() => resolve()))
})

async function createRule(scenarioId: string, webhookUrl: string) {
  return http(`/api/v1/scenarios/${scenarioId}/alert-rules`, {
    method: 'POST',
    headers: alice.auth,
    body: { kind: 'projected_above', emails: [], webhook_url: webhookUrl },
  })
}

describe('alert webhooks cannot reach internal addresses', () => {
  it.each([
    'https://127.0.0.1/hook',
    'https://2130706433/hook',
    'https://0x7f.0.0.1/hook',
    'https://[::1]/hook',
    'https://[::ffff:127.0.0.1]/hook',
    'https://[::ffff:a9fe:a9fe]/latest/meta-data',
    'https://10.0.0.5/hook',
    'https://192.168.1.1/hook',
    'https://100.64.0.1/hook',
    'https://[fd12:3456::1]/hook',
    'https://0.0.0.0/hook',
    'https://[::]/hook',
    'https://224.0.0.1/hook',
  ])('refuses %s when the rule is saved', async (url) => {
    const scenarioId = await createScenario(http, alice)
    const res = await createRule(scenarioId, url)
    expect(res.status).toBe(422)
    expect(expectErrorShape(res).error).toBe('validation_error')
    expect(res.json().details).toEqual([
      {
        field: 'webhook_url',
        reason: 'must not point at a loopback, private, link-local or reserved address',
      },
    ])
  })

  it('checks the resolved address at connect time: a name for this machine is never connected to', async () => {
    const scenarioId = await createScenario(http, alice)
    const item = await http(`/api/v1/scenarios/${scenarioId}/items`, {
      method: 'POST',
      headers: alice.auth,
      body: { service: 'ec2', params: { instance_type: 'm7g.large', count: 1 } },
    })
    expect(item.status).toBe(201)
    const rule = await createRule(scenarioId, `https://localhost:${listenerPort}/hook`)
    expect(rule.status).toBe(201)
    // A budget below the projected month triggers the rule, and its webhook delivery is attempted.
    const budget = await http(`/api/v1/scenarios/${scenarioId}/budget`, {
      method: 'PUT',
      headers: alice.auth,
      body: { monthly_budget: '1' },
    })
    expect(budget.status).toBe(200)
    const delivery = await firstAttempt(scenarioId)
    expect(delivery.last_error).toBe('attempt 1: the receiver could not be reached')
    expect(connections).toBe(0)
    // The operator can see why in the log; the owner cannot.
    const logged = server
      .logLines()
      .find((line) => line.msg === 'alert delivery failed' && String(line.reason).includes('may not reach'))
    expect(logged?.reason).toMatch(/^EADDRNOTALLOWED: localhost resolves to (127\.0\.0\.1|::1)/)
  })
})

type Delivery = { channel: string; attempts: number; last_error: string | null }

async function firstAttempt(scenarioId: string): Promise<Delivery> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const res = await http(`/api/v1/scenarios/${scenarioId}/alerts`, { headers: alice.auth })
    const deliveries: Delivery[] = res.json().items.flatMap((a: { deliveries: Delivery[] }) => a.deliveries)
    const webhook = deliveries.find((d) => d.channel === 'webhook' && d.attempts > 0)
    if (webhook) return webhook
    await sleep(250)
  }
  throw new Error('the webhook delivery was never attempted')
}
