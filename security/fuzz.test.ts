import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type ApiKey,
  type Client,
  client,
  createApiKey,
  createItem,
  createScenario,
  type HttpResponse,
  registerUser,
  type User,
} from './support/http.js'
import { expectNoSecretsLogged } from './support/log-scan.js'
import { fillPath, loadOperations, type Operation } from './support/openapi.js'
import { ServerProcess, tableCounts } from './support/server.js'

/** Wall-clock budget per property; the whole file stays around a minute of fuzzing. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 12_000)
const RUNS = Number(process.env.FUZZ_RUNS ?? 400)

let server: ServerProcess
let http: Client
let user: User
let key: ApiKey
let scenarioId: string
let itemId: string
let writeOps: Operation[]
/** A stack frame, a module path or Drizzle's "Failed query" text in a response. */
const STACK_OR_SQL = /\n\s*at |\((?:file:\/\/)?\/[^)]*:\d+:\d+\)|node_modules|Failed query/
const cases = { total: 0, byStatus: new Map<number, number>() }
const accepted: string[] = []

const printable = fc.string({
  unit: fc.constantFrom(...'abcXYZ019 -_.:/\\\'"%{}[]<>;=&?#@!$*()~`|^,'.split('')),
  maxLength: 40,
})
const weird = fc.constantFrom(
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  '\u0000',
  'null',
  'undefined',
  '-1',
  '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '🙂'.repeat(10),
  ' ',
)
const pathValue = fc.oneof(fc.uuid(), printable, weird, fc.string({ maxLength: 20 }))
const protoPollution = fc.constantFrom(
  '{"__proto__": {"isAdmin": true}, "name": "p"}',
  '{"constructor": {"prototype": {"polluted": 1}}}',
  '{"a": {"__proto__": {"b": 1}}}',
)
const malformedJson = fc.oneof(
  printable,
  fc.jsonValue().map((v) => JSON.stringify(v).slice(0, -1)),
  fc.constantFrom('{', '[', '{"a":', '{"a":1,}', 'NaN', '{"a": Infinity}', '\uFEFF{}', '{"a":"\\u12"}'),
)
const jsonBody = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v))
const ndjsonBody = fc
  .array(fc.oneof(jsonBody, printable, fc.constant('{"type":"log"}'), fc.constant('')), { maxLength: 8 })
  .map((lines) => lines.join('\n'))
const contentType = fc.oneof(
  fc.constant('application/json'),
  fc.constant('application/json'),
  fc.constantFrom(
    'application/x-ndjson',
    'text/plain',
    'application/xml',
    'multipart/form-data; boundary=x',
    'application/json; charset=utf-16',
    'application/x-www-form-urlencoded',
    '',
  ),
  printable,
)

type Case = { op: Operation; path: string; headers: Record<string, string>; body: string }

/** A request to one write route with random path values, body, content type and credentials. */
function caseFor(op: Operation): fc.Arbitrary<Case> {
  // Real ids only where the body decides (PATCH, POST with a body schema): a random body never creates or
  // deletes anything there; bodiless POSTs (clone, rotate) and DELETEs get random ids only.
  const realIds =
    op.method === 'PATCH' || (op.method === 'POST' && op.bodySchema && !op.path.endsWith('ingest'))
  const ids: Record<string, string> = {
    id: scenarioId,
    item_id: itemId,
    region: 'us-east-1',
    service: 'lambda',
  }
  const params = fc.record(
    Object.fromEntries(
      op.params.map((p) => [p, realIds ? fc.oneof(fc.constant(ids[p] ?? ''), pathValue) : pathValue]),
    ) as Record<string, fc.Arbitrary<string>>,
  )
  const credentials = fc.oneof(
    { weight: 6, arbitrary: fc.constant(user.auth as Record<string, string>) },
    { weight: 3, arbitrary: fc.constant(key.auth as Record<string, string>) },
    { weight: 1, arbitrary: printable.map((t) => ({ authorization: `Bearer ${t}` })) },
    { weight: 1, arbitrary: printable.map((t) => ({ 'x-api-key': `mk_${t}` })) },
  )
  const extraHeaders = fc.record(
    {
      'x-scenario-id': fc.oneof(fc.constant(scenarioId), fc.uuid(), printable),
      'idempotency-key': printable,
    },
    { requiredKeys: [] },
  )
  const body = op.path.endsWith('/ingest')
    ? fc.oneof(ndjsonBody, jsonBody, malformedJson, protoPollution)
    : fc.oneof(jsonBody, malformedJson, protoPollution)
  return fc.record({ params, credentials, extraHeaders, body, contentType }).map((c) => {
    const path = fillPath(op.path, c.params)
    const headers: Record<string, string> = { ...c.credentials, ...c.extraHeaders }
    if (c.contentType !== '') headers['content-type'] = c.contentType
    return { op, path, headers, body: c.body }
  })
}

async function send(c: Case): Promise<HttpResponse> {
  const res = await http(c.path, { method: c.op.method, headers: c.headers, body: c.body })
  cases.total++
  cases.byStatus.set(res.status, (cases.byStatus.get(res.status) ?? 0) + 1)
  if (res.status < 300 && c.op.method !== 'PATCH') accepted.push(`${c.op.method} ${c.path} → ${res.status}`)
  return res
}

function expectHandled(res: HttpResponse, c: Case): void {
  const where = `${c.op.method} ${c.path} ${JSON.stringify(c.headers)} ${c.body.slice(0, 200)}`
  expect(res.status, where).toBeLessThan(500)
  if (res.status >= 400) {
    const body = res.json()
    expect(typeof body.error, where).toBe('string')
    expect(res.text, where).not.toMatch(STACK_OR_SQL)
  }
}

async function expectAlive(): Promise<void> {
  expect(server.isRunning, 'server process alive').toBe(true)
  expect((await http('/health')).status).toBe(200)
}

let before: Record<string, number>

beforeAll(async () => {
  server = await ServerProcess.start()
  http = client(server.url)
  user = await registerUser(http)
  key = await createApiKey(http, user, ['read:scenarios', 'write:scenarios', 'write:ingest'])
  scenarioId = await createScenario(http, user, { running: true })
  itemId = await createItem(http, user, scenarioId)
  writeOps = (await loadOperations(http)).filter((op) => op.method !== 'GET')
  before = await server.withDatabase(tableCounts)
})

afterAll(async () => {
  if (cases.total > 0)
    process.stdout.write(
      `fuzz: ${cases.total} requests, statuses ${JSON.stringify(Object.fromEntries(cases.byStatus))}\n`,
    )
  await server?.dispose()
})

describe('malformed input on every write route', () => {
  it('covers the write routes of /docs/json', () => {
    expect(writeOps.length).toBeGreaterThanOrEqual(10)
    expect(writeOps.some((o) => o.path === '/api/v1/ingest')).toBe(true)
  })

  it('never answers 5xx, always with an error body, and the process stays up', async () => {
    const perRoute = Math.max(20, Math.floor(RUNS / Math.max(1, writeOps.length)) * 4)
    const anyWrite = fc.oneof(...writeOps.map((op) => caseFor(op)))
    await fc.assert(
      fc.asyncProperty(anyWrite, async (c) => expectHandled(await send(c), c)),
      {
        numRuns: perRoute * writeOps.length,
        interruptAfterTimeLimit: BUDGET_MS * 2,
        markInterruptAsFailure: false,
      },
    )
    await expectAlive()
  })

  it('stores nothing for rejected input (row counts unchanged)', async () => {
    const after = await server.withDatabase(tableCounts)
    // Rejected credentials are recorded as security events: that table is meant to grow.
    const { security_events: _a, ...rest } = after
    const { security_events: _b, ...restBefore } = before
    expect(accepted, 'requests that were accepted').toEqual(
      accepted.filter((a) => / → 204$/.test(a) && a.startsWith('POST /api/v1/auth/logout')),
    )
    expect(rest).toEqual(restBefore)
    await expectAlive()
  })
})

describe('semi-valid ingest events', () => {
  const types = [
    'log',
    'sqs.send',
    'sns.publish',
    'lambda.invoke',
    'bedrock.invoke',
    's3.put',
    'dynamodb.write',
    'apigw.request',
    'transfer.out',
    'nope',
  ]
  const value = fc.oneof(
    fc.integer({ min: -10, max: 10_000_000 }),
    fc.double({ noNaN: false }),
    fc.constantFrom(
      0,
      -1,
      1e308,
      2 ** 53 + 1,
      '12',
      '',
      null,
      true,
      'x86_64',
      'arm64',
      'rest',
      'anthropic.claude-3-haiku',
    ),
    printable,
  )
  const event = fc.record(
    {
      type: fc.constantFrom(...types),
      message: printable,
      bytes: value,
      duration_ms: value,
      memory_mb: value,
      architecture: value,
      model: value,
      input_tokens: value,
      output_tokens: value,
      input_text: printable,
      api_type: value,
      timestamp: fc.oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        printable,
      ),
    },
    { requiredKeys: ['type'] },
  )

  it('accepts a request whole or not at all: events_total equals the accepted events, no 5xx', async () => {
    const batches = new Map<string, number>()
    // Only requests with an Idempotency-Key are recorded in the ledger (ingest_batches).
    const keyedBatches = new Set<string>()
    const property = fc.asyncProperty(
      fc.array(event, { minLength: 1, maxLength: 5 }),
      fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }),
      async (events, idempotencyKey) => {
        const c: Case = {
          op: {
            method: 'POST',
            path: '/api/v1/ingest',
            params: [],
            isProtected: true,
            acceptsApiKey: true,
            querySchema: {},
            requiredQuery: [],
          },
          path: '/api/v1/ingest',
          headers: {
            ...key.auth,
            'x-scenario-id': scenarioId,
            ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
          },
          body: JSON.stringify({ events }),
        }
        const res = await http(c.path, {
          method: 'POST',
          headers: { ...c.headers, 'content-type': 'application/json' },
          body: c.body,
        })
        cases.total++
        cases.byStatus.set(res.status, (cases.byStatus.get(res.status) ?? 0) + 1)
        expectHandled(res, c)
        if (res.status === 200) {
          batches.set(res.json().batch_id, res.json().accepted)
          if (idempotencyKey) keyedBatches.add(res.json().batch_id)
        } else expect([400, 404, 409, 413, 422]).toContain(res.status)
      },
    )
    await fc.assert(property, {
      numRuns: RUNS,
      interruptAfterTimeLimit: BUDGET_MS,
      markInterruptAsFailure: false,
    })
    const total = [...batches.values()].reduce((a, b) => a + b, 0)
    const scenario = (await http(`/api/v1/scenarios/${scenarioId}`, { headers: user.auth })).json()
    expect(scenario.events_total).toBe(total)
    const metrics = (await http(`/api/v1/scenarios/${scenarioId}/metrics`, { headers: user.auth })).json()
    expect(metrics.totals.events).toBe(total)
    await server.withDatabase(async (query) => {
      const rows = await query<{ n: string }>(
        'select count(*) as n from ingest_batches where scenario_id = $1',
        [scenarioId],
      )
      expect(Number(rows[0]?.n)).toBe(keyedBatches.size)
    })
    await expectAlive()
  })
})

describe('logs', () => {
  it('never logs a password, token or key', () => {
    expectNoSecretsLogged(server)
  })
})
