import { PDFParse } from 'pdf-parse'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { formatUsd } from '../../server/domains/reports/pdf-report.js'
import {
  type Client,
  client,
  createApiKey,
  createItem,
  createScenario,
  registerUser,
  type User,
} from '../support/http.js'
import { ADMIN_DATABASE_URL, type Query, ServerProcess, sleep } from '../support/server.js'

// PostgreSQL only (a worker is a second process on the same database): `kill -9` of `mockupaws worker` while
// it renders a PDF, and the worker restarted at once, as systemd or Docker would. With short recovery
// thresholds the new worker takes the orphaned report again: it ends `ready`, rendered once after the kill,
// its PDF complete, and the orphaned pg-boss job, expired and retried, does not render it a second time.
const STALE_SECONDS = 15
const JOB_EXPIRE_SECONDS = 8
const RECOVERY_ENV = {
  REPORT_STALE_SECONDS: String(STALE_SECONDS),
  REPORT_JOB_EXPIRE_SECONDS: String(JOB_EXPIRE_SECONDS),
}
/**
 * A large scenario: every model id is an unpriced usage type pair (input and output tokens), so the PDF's cost
 * table has 2,000 rows over some 40 pages, which take a few seconds to lay out: long enough to be caught
 * `running`, well under STALE_SECONDS (a render longer than that would be taken again while it runs).
 */
const MODELS = 1_000
const modelId = (i: number) => `model-${String(i).padStart(4, '0')}`
/**
 * The stale threshold and the recovery check (every half threshold), plus a worker start and a render on a
 * busy machine.
 */
const RECOVERY_BOUND_MS = (STALE_SECONDS * 1.5 + 30) * 1000

let server: ServerProcess
let worker: ServerProcess
let http: Client
let user: User
let scenarioId: string
const SCENARIO_NAME = 'Crash report — 1,000 models'

beforeAll(async () => {
  if (!ADMIN_DATABASE_URL) return
  // `serve` only enqueues (SCHEDULER_ENABLED=false, the support default): the worker alone renders.
  server = await ServerProcess.start({ env: RECOVERY_ENV })
  worker = await ServerProcess.start({
    env: RECOVERY_ENV,
    command: 'worker',
    databaseUrl: server.databaseUrl,
  })
  http = client(server.url)
  user = await registerUser(http)
  const key = await createApiKey(http, user, ['write:ingest'])
  scenarioId = await createScenario(http, user, { running: true, name: SCENARIO_NAME })
  await createItem(http, user, scenarioId)
  const events = [
    ...Array.from({ length: MODELS }, (_, i) => ({
      type: 'bedrock.invoke',
      model: modelId(i),
      input_tokens: 1000 + i,
      output_tokens: 100 + i,
    })),
    ...Array.from({ length: 200 }, () => ({ type: 'sqs.send', bytes: 2048 })),
    { type: 'log', message: 'paged ops@example.com' },
  ]
  const ingest = await http('/api/v1/ingest', {
    method: 'POST',
    headers: { ...key.auth, 'x-scenario-id': scenarioId },
    body: { events },
  })
  if (ingest.status !== 200) throw new Error(`ingest failed: ${ingest.status} ${ingest.text}`)
})

afterAll(async () => {
  await worker?.dispose()
  await server?.dispose()
})

type ReportState = { status: string; attempts: number; error: string | null; size_bytes: number | null }

async function reportState(id: string): Promise<ReportState> {
  const res = await http(`/api/v1/reports/${id}`, { headers: user.auth })
  expect(res.status).toBe(200)
  return res.json()
}

/** The report's row and its pg-boss jobs (a job keeps its id across pg-boss retries). */
async function reportRows(query: Query, id: string) {
  const [report] = await query<{
    status: string
    attempts: number
    started_ms: number
    has_content: boolean
  }>(
    `select status, attempts, extract(epoch from started_at) * 1000 as started_ms,
            content is not null as has_content
       from reports where id = $1`,
    [id],
  )
  const jobs = await query<{ id: string; state: string; retry_count: number; expire_seconds: number }>(
    `select id, state, retry_count, extract(epoch from expire_in) as expire_seconds
       from pgboss.job where name = 'render-report' and data->>'reportId' = $1 order by created_on`,
    [id],
  )
  return { report, jobs: jobs.map((j) => ({ ...j, expire_seconds: Number(j.expire_seconds) })) }
}

it.skipIf(!ADMIN_DATABASE_URL && process.env.CI !== 'true')(
  'recovers a PDF report whose worker was killed mid-render: ready once, complete',
  async () => {
    const created = await http(`/api/v1/scenarios/${scenarioId}/reports`, {
      method: 'POST',
      headers: user.auth,
      body: { format: 'pdf' },
    })
    expect(created.status).toBe(202)
    const reportId = created.json().id as string

    // Kill the worker as soon as the report is running.
    const runningBy = Date.now() + 30_000
    let state = await reportState(reportId)
    while (state.status === 'queued' && Date.now() < runningBy) {
      await sleep(20)
      state = await reportState(reportId)
    }
    expect(state.status, 'the report was caught running').toBe('running')
    await worker.kill9()
    const killedAt = Date.now()

    // The kill landed mid-render: nothing was stored, and the job is still held by the dead worker, with the
    // configured expiry (the queue's, copied into the job when it was sent).
    const orphaned = await server.withDatabase((query) => reportRows(query, reportId))
    expect(orphaned.report).toMatchObject({ status: 'running', attempts: 1, has_content: false })
    expect(orphaned.jobs).toEqual([
      { id: expect.any(String), state: 'active', retry_count: 0, expire_seconds: JOB_EXPIRE_SECONDS },
    ])
    const orphanJobId = orphaned.jobs[0]?.id
    const [queue] = await server.withDatabase((query) =>
      query<{ expire_seconds: number }>(
        `select expire_seconds from pgboss.queue where name = 'render-report'`,
      ),
    )
    expect(queue?.expire_seconds).toBe(JOB_EXPIRE_SECONDS)

    // The replacement worker starts at once: the report is not stale yet, so its periodic check or the
    // expired job's retry takes it, within a bounded time.
    await worker.restart()
    const statuses = new Set<string>()
    while (Date.now() - killedAt < RECOVERY_BOUND_MS) {
      state = await reportState(reportId)
      statuses.add(state.status)
      if (state.status === 'ready' || state.status === 'failed') break
      await sleep(200)
    }
    const recoveredInMs = Date.now() - killedAt
    expect(state, worker.output.slice(-3000)).toMatchObject({ status: 'ready', attempts: 2, error: null })
    expect(statuses.has('failed')).toBe(false)
    expect(recoveredInMs).toBeLessThan(RECOVERY_BOUND_MS)

    const download = await http(`/api/v1/reports/${reportId}/download`, { headers: user.auth })
    expect(download.status).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.raw.length).toBe(state.size_bytes)
    expect(download.raw.subarray(0, 5).toString()).toBe('%PDF-')
    expect(download.raw.subarray(-8).toString()).toMatch(/%%EOF\s*$/)
    const parsed = await new PDFParse({ data: new Uint8Array(download.raw) }).getText()
    const text = parsed.text
    const costs = (await http(`/api/v1/scenarios/${scenarioId}/costs`, { headers: user.auth })).json()
    expect(text).toContain(SCENARIO_NAME)
    expect(text).toContain(formatUsd(costs.total_monthly.total))
    for (const service of costs.total_monthly.by_service) {
      for (const usage of service.by_usage_type) expect(text).toContain(formatUsd(usage.cost))
    }
    // Every unpriced usage type is a row, up to the last page.
    expect(costs.total_monthly.unpriced).toHaveLength(2 * MODELS)
    const rows = new Set(text.match(/bedrock\.(?:input|output)_tokens\.model-\d{4}/g))
    expect(rows.size).toBe(2 * MODELS)
    expect(parsed.total).toBeGreaterThan(30)
    expect(text).toContain(`Page ${parsed.total} of ${parsed.total}`)
    expect(text).toMatch(/1 findings: email 1/)

    await server.withDatabase(async (query) => {
      const { report } = await reportRows(query, reportId)
      // Made by the replacement: the claim that made it came after the kill.
      expect(report).toMatchObject({ status: 'ready', attempts: 2, has_content: true })
      expect(Number(report?.started_ms)).toBeGreaterThan(killedAt)
      const [counts] = await query<{ reports: string; unfinished: string }>(
        `select count(*) as reports, count(*) filter (where status in ('queued', 'running')) as unfinished
           from reports where scenario_id = $1`,
        [scenarioId],
      )
      expect(counts).toEqual({ reports: '1', unfinished: '0' })
    })

    // pg-boss expires the orphaned job (after JOB_EXPIRE_SECONDS, at its next 30 s maintenance) and retries
    // it. Whether that retry made the report or found it taken, the report was made once: still 2 attempts.
    const jobsOf = async () => (await server.withDatabase((query) => reportRows(query, reportId))).jobs
    const settledBy = Date.now() + 45_000
    let jobs = await jobsOf()
    while (jobs.find((j) => j.id === orphanJobId)?.state !== 'completed' && Date.now() < settledBy) {
      await sleep(500)
      jobs = await jobsOf()
    }
    const orphan = jobs.find((j) => j.id === orphanJobId)
    expect(orphan?.state, JSON.stringify(jobs)).toBe('completed')
    expect(orphan?.retry_count).toBeGreaterThanOrEqual(1)
    // A job the new worker sent when it requeued the report carries the configured expiry too.
    expect(jobs.every((j) => j.expire_seconds === JOB_EXPIRE_SECONDS)).toBe(true)
    expect(await reportState(reportId)).toMatchObject({ status: 'ready', attempts: 2 })

    expect(worker.exits).toEqual([null]) // the SIGKILL
    expect(worker.output).not.toMatch(/"level":(50|60)/)
    expect(server.output).not.toMatch(/"level":(50|60)/)
  },
)
