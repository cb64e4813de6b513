import { Readable, Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../db/client.js'
import { buildTestApp } from '../test/build-test-app.js'
import { createApiKey, createScenario, createUser } from '../test/factories.js'
import { runCli, spawnCli } from '../test/run-cli.js'
import { runIngest, toEventLine } from './ingest.js'

/** Waits until the server's state satisfies `check` (the CLI sends on its own schedule). */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the server to see the events')
    await new Promise((r) => setTimeout(r, 50))
  }
}

function sink() {
  let text = ''
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += chunk
      done()
    },
  })
  return { stream, text: () => text }
}

describe('mockupaws ingest', { timeout: 120_000 }, async () => {
  const app = await buildTestApp()
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  const user = await createUser(app)
  const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
  const eventsTotal = async (id: string) =>
    (
      await queryRows<{ n: string }>(
        app.database.db,
        sql`select events_total::text as n from scenarios where id = ${id}`,
      )
    )[0]?.n

  it('turns plain lines into log events and passes events through', () => {
    expect(JSON.parse(toEventLine('GET /health 200'))).toEqual({ type: 'log', message: 'GET /health 200' })
    expect(toEventLine('{"type":"s3.get"}')).toBe('{"type":"s3.get"}')
    expect(JSON.parse(toEventLine('{"no":"type"}'))).toEqual({ type: 'log', message: '{"no":"type"}' })
  })

  it('sends stdin in batches end to end through the real CLI process and prints a summary', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const input = [
      ...Array.from({ length: 5 }, (_, i) => `line ${i} of a plain log`),
      ...Array.from({ length: 2 }, () => JSON.stringify({ type: 'sqs.send', bytes: 100 })),
    ].join('\n')
    const res = await runCli(['ingest', '--scenario', scenario.id, '--url', url, '--batch', '3'], {
      stdin: `${input}\n`,
      env: { MOCKUPAWS_API_KEY: key.key },
    })
    expect(res.stderr).toBe('')
    expect(res.code).toBe(0)
    expect(res.stdout).toMatch(/^events 7 · batches 3 · bytes \d+ · \d+ events\/s · [\d.]+ s\n$/)
    expect(await eventsTotal(scenario.id)).toBe('7')
  })

  it('exits non-zero with the server’s message on a 4xx', async () => {
    const draft = await createScenario(app, user)
    const res = await runCli(['ingest', '--scenario', draft.id, '--url', url], {
      stdin: 'hello\n',
      env: { MOCKUPAWS_API_KEY: key.key },
    })
    expect(res.code).toBe(1)
    expect(res.stderr).toContain('the server answered 409')
    expect(res.stderr).toContain('not running')
  })

  it('sends lines as they come, within the flush interval, long before the input ends', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const child = spawnCli(['ingest', '--scenario', scenario.id, '--url', url], {
      MOCKUPAWS_API_KEY: key.key,
    })
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
    let stderr = ''
    child.stderr.on('data', (d) => {
      stderr += d
    })
    // As `tail -f`: a few lines, then the input stays open. The server must see them before it ends.
    child.stdin.write('first line\n{"type":"sqs.send","bytes":10}\n')
    await until(async () => (await eventsTotal(scenario.id)) === '2', 30_000)
    child.stdin.write('a later line\n')
    await until(async () => (await eventsTotal(scenario.id)) === '3', 30_000)
    expect(child.exitCode).toBeNull()
    child.stdin.end()
    expect(await exited).toBe(0)
    expect(stderr).toBe('')
  })

  it('reads the key from the first line of stdin with --api-key-stdin, and warns about --api-key', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    const fromStdin = await runCli(['ingest', '--scenario', scenario.id, '--url', url, '--api-key-stdin'], {
      stdin: `${key.key}\none\ntwo\n`,
      env: { MOCKUPAWS_API_KEY: '' },
    })
    expect(fromStdin.stderr).toBe('')
    expect(fromStdin.stdout).toMatch(/^events 2 · batches 1 /)
    const fromArgv = await runCli(['ingest', '--scenario', scenario.id, '--url', url, '--api-key', key.key], {
      stdin: 'three\n',
      env: { MOCKUPAWS_API_KEY: '' },
    })
    expect(fromArgv.code).toBe(0)
    expect(fromArgv.stderr).toContain('warning: --api-key is visible to other users in `ps`')
    expect(await eventsTotal(scenario.id)).toBe('3')
  })

  it('prints its usage with --help, and a reason with the usage on bad options', async () => {
    const help = await runCli(['ingest', '--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('--flush-interval S')
    expect(help.stdout).toContain('MOCKUPAWS_API_KEY')
    const noKey = await runCli(['ingest', '--scenario', 'x'], { env: { MOCKUPAWS_API_KEY: '' } })
    expect(noKey.code).toBe(2)
    expect(noKey.stderr).toContain('no API key: set MOCKUPAWS_API_KEY or use --api-key-stdin')
    const badInterval = await runCli(['ingest', '--scenario', 'x', '--flush-interval', 'soon'], {
      env: { MOCKUPAWS_API_KEY: key.key },
    })
    expect(badInterval.code).toBe(2)
    expect(badInterval.stderr).toContain('--flush-interval must be between 0.05 and 3600 seconds')
    const unknown = await runCli(['ingest', '--bogus'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain("Unknown option '--bogus'")
  })

  it('retries a 5xx with the same Idempotency-Key and counts the batch once', async () => {
    const scenario = await createScenario(app, user, { status: 'running' })
    let calls = 0
    const keys: string[] = []
    // The first answer is lost after the server committed the batch, as on a dropped connection.
    const realFetch = globalThis.fetch
    globalThis.fetch = async (input, init) => {
      calls += 1
      keys.push(String(new Headers(init?.headers).get('idempotency-key')))
      const res = await realFetch(input, init)
      if (calls === 1) return new Response('{"error":"unavailable","message":"lost"}', { status: 503 })
      return res
    }
    try {
      const out = sink()
      const err = sink()
      const summary = await runIngest({
        input: Readable.from(['{"type":"s3.get"}\n{"type":"s3.get"}\n']),
        out: out.stream,
        err: err.stream,
        url,
        apiKey: key.key,
        scenarioId: scenario.id,
        batchSize: 100,
        flushIntervalMs: 1000,
        showProgress: false,
        backoffMs: () => 10,
      })
      expect(summary).toMatchObject({ events: 2, batches: 1 })
      expect(summary.failed).toBeUndefined()
    } finally {
      globalThis.fetch = realFetch
    }
    expect(calls).toBe(2)
    expect(keys[0]).toBe(keys[1])
    expect(await eventsTotal(scenario.id)).toBe('2')
  })
})
