import { spawn } from 'node:child_process'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createScenario,
  registerUser,
  type User,
} from '../support/http.js'
import { ENGINE, MAIN_JS, ServerProcess, sleep } from '../support/server.js'

// `kill -9` of the server while the real `mockupaws ingest` CLI streams events and retries with the same
// Idempotency-Key: after a restart every acknowledged batch is stored exactly once.
const EVENTS = 24_000
const BATCH = 300

let server: ServerProcess
let http: Client
let user: User
let key: ApiKey
let scenarioId: string

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
  user = await registerUser(http)
  key = await createApiKey(http, user, ['write:ingest', 'read:scenarios'])
  scenarioId = await createScenario(http, user, { running: true })
})

afterAll(async () => {
  await server?.dispose()
})

it(`stores exactly the acknowledged batches after kill -9 mid-ingest (${ENGINE})`, async () => {
  const cli = spawn(
    process.execPath,
    [MAIN_JS, 'ingest', '--scenario', scenarioId, '--url', server.url, '--batch', String(BATCH)],
    { env: { PATH: process.env.PATH ?? '', MOCKUPAWS_API_KEY: key.key }, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  cli.stdout.on('data', (d) => {
    stdout += d
  })
  cli.stderr.on('data', (d) => {
    stderr += d
  })
  const exited = new Promise<number | null>((done) => cli.on('exit', done))

  // A sustained stream: 1,000 events every 100 ms, so batches are in flight whenever the server dies.
  const line = `${JSON.stringify({ type: 'sqs.send', bytes: 1000 })}\n`
  const writer = (async () => {
    for (let sent = 0; sent < EVENTS; sent += 1000) {
      if (!cli.stdin.write(line.repeat(1000))) await new Promise((r) => cli.stdin.once('drain', r))
      await sleep(100)
    }
    cli.stdin.end()
  })()

  const eventsTotal = async () =>
    (await http(`/api/v1/scenarios/${scenarioId}`, { headers: user.auth })).json().events_total as number
  const crashes: number[] = []
  for (let crash = 0; crash < 2; crash++) {
    // Kill only once batches are committing (the previous restart included), so the crash is mid-stream.
    const floor = crashes.at(-1) ?? 0
    const deadline = Date.now() + 30_000
    while ((await eventsTotal()) <= floor && Date.now() < deadline) await sleep(50)
    await sleep(250)
    crashes.push(await eventsTotal())
    await server.kill9()
    await sleep(700)
    await server.restart()
  }
  await writer
  const code = await exited
  expect(code, `${stdout}\n${stderr}`).toBe(0)
  const summary = /events (\d+) · batches (\d+)/.exec(stdout)
  expect(Number(summary?.[1])).toBe(EVENTS)
  // The kills landed mid-stream, not before or after it.
  expect(crashes[0]).toBeGreaterThan(0)
  expect(crashes[1]).toBeGreaterThan(crashes[0] ?? 0)
  expect(crashes[1]).toBeLessThan(EVENTS)

  const scenario = (await http(`/api/v1/scenarios/${scenarioId}`, { headers: user.auth })).json()
  expect(scenario.events_total).toBe(EVENTS)
  const metrics = (await http(`/api/v1/scenarios/${scenarioId}/metrics`, { headers: user.auth })).json()
  expect(metrics.totals.events).toBe(EVENTS)
  const sqs = metrics.usage.find((u: { usage_type: string }) => u.usage_type.startsWith('sqs.requests'))
  expect(Number(sqs?.quantity)).toBe(EVENTS)
  await server.withDatabase(async (query) => {
    const [batches] = await query<{ n: string; events: string; keys: string }>(
      `select count(*) as n, sum(event_count) as events, count(distinct idempotency_key) as keys
         from ingest_batches where scenario_id = $1`,
      [scenarioId],
    )
    expect(Number(batches?.events)).toBe(EVENTS)
    expect(Number(batches?.n)).toBe(Math.ceil(EVENTS / BATCH))
    expect(Number(batches?.keys)).toBe(Number(batches?.n))
    const [usage] = await query<{ q: string }>(
      `select sum(quantity) as q from usage_rollups where scenario_id = $1 and usage_type like 'sqs.requests%'`,
      [scenarioId],
    )
    expect(Number(usage?.q)).toBe(EVENTS)
    const [totals] = await query<{ c: string }>(
      `select sum(count) as c from event_totals where scenario_id = $1`,
      [scenarioId],
    )
    expect(Number(totals?.c)).toBe(EVENTS)
  })
  expect(server.exits.filter((c) => c === null).length).toBeGreaterThanOrEqual(2) // two SIGKILLs
})
