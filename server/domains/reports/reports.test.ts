import { sql } from 'drizzle-orm'
import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import { queryRows } from '../../db/client.js'
import { buildTestApp, type TestApp } from '../../test/build-test-app.js'
import { createApiKey, createScenario, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import { formatQuantity, formatUsd } from './pdf-report.js'
import { renderReport } from './reports.service.js'

/** RFC 4180 rows: enough for the files this app writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''))
      rows.push(row)
      row = []
      cell = ''
    } else cell += ch
  }
  return rows
}

/** The report's one table, each row keyed by the header's column names. */
function csvTable(body: string): { header: string[]; rows: Record<string, string>[] } {
  const [header = [], ...rest] = parseCsv(body.replace(/^\uFEFF/, ''))
  return { header, rows: rest.map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] ?? '']))) }
}

async function waitForReport(app: TestApp, user: TestUser, id: string, until = ['ready', 'failed']) {
  for (let i = 0; i < 150; i++) {
    const res = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: user.headers })
    if (until.includes(res.json().status)) return res.json()
    await new Promise((r) => setTimeout(r, 200))
  }
  throw new Error(`report ${id} did not finish`)
}

async function scenarioWithUsage(app: TestApp, user: TestUser, name: string, description?: string) {
  const scenario = await createScenario(app, user, { name, status: 'running' })
  if (description) {
    await app.inject({
      method: 'PATCH',
      url: `/api/v1/scenarios/${scenario.id}`,
      headers: user.headers,
      payload: { description },
    })
  }
  await app.inject({
    method: 'POST',
    url: `/api/v1/scenarios/${scenario.id}/items`,
    headers: user.headers,
    payload: {
      service: 'lambda',
      params: { invocations: 10_000_000, avg_duration_ms: 200, memory_mb: 1024, architecture: 'arm64' },
    },
  })
  const key = await createApiKey(app, user, { scopes: ['write:ingest'] })
  const events = [
    ...Array.from({ length: 30 }, () => ({ type: 'sqs.send', bytes: 100_000 })),
    { type: 'log', message: 'contact ops@example.com' },
  ]
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest',
    headers: { ...key.headers, 'x-scenario-id': scenario.id, 'content-type': 'application/json' },
    payload: { events },
  })
  expect(res.statusCode).toBe(200)
  return scenario
}

async function generate(app: TestApp, user: TestUser, scenarioId: string, format: 'pdf' | 'csv') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/scenarios/${scenarioId}/reports`,
    headers: user.headers,
    payload: { format },
  })
  expect(res.statusCode).toBe(202)
  expect(res.json()).toEqual({ id: expect.any(String), status: 'queued' })
  return res.json().id as string
}

describe(`reports on ${testEngine}`, async () => {
  const app = await buildTestApp({ jobs: 'work' })
  const user = await createUser(app)
  const costsOf = async (id: string) =>
    (await app.inject({ method: 'GET', url: `/api/v1/scenarios/${id}/costs`, headers: user.headers })).json()

  it('makes a PDF whose figures equal /costs, downloadable with a safe file name', async () => {
    const scenario = await scenarioWithUsage(app, user, 'Checkout — prod (EU)')
    const id = await generate(app, user, scenario.id, 'pdf')
    const report = await waitForReport(app, user, id)
    expect(report).toMatchObject({ status: 'ready', format: 'pdf', attempts: 1, error: null })
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${id}/download`,
      headers: user.headers,
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/pdf')
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="mockupaws-checkout-prod-eu-\d{4}-\d{2}-\d{2}\.pdf"$/,
    )
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    const text = (await new PDFParse({ data: download.rawPayload }).getText()).text
    const costs = await costsOf(scenario.id)
    expect(text).toContain('Checkout — prod (EU)')
    expect(text).toContain(formatUsd(costs.total_monthly.total))
    for (const service of costs.total_monthly.by_service) {
      for (const usage of service.by_usage_type) expect(text).toContain(formatUsd(usage.cost))
    }
    expect(text).toContain('us-east-1')
    expect(text).toContain(costs.pricing_as_of)
    expect(text).toMatch(/1 findings: email 1/)
    expect(text).toMatch(/Page 1 of \d/)
  })

  it('makes one tidy CSV table: a row per usage type, cents and readable quantities beside the exact figures', async () => {
    const scenario = await scenarioWithUsage(app, user, 'CSV scenario')
    const id = await generate(app, user, scenario.id, 'csv')
    await waitForReport(app, user, id)
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${id}/download`,
      headers: user.headers,
    })
    expect(download.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(download.headers['content-disposition']).toMatch(/filename="mockupaws-csv-scenario-[\d-]+\.csv"/)
    expect(download.body.charCodeAt(0)).toBe(0xfeff)
    expect(download.body).toContain('\r\n')
    const { header, rows } = csvTable(download.body)
    expect(header).toEqual([
      'section',
      'month',
      'usage_factor',
      'service',
      'usage_type',
      'quantity',
      'unit',
      'unit_price_usd',
      'cost_usd',
      'quantity_exact',
      'cost_exact_usd',
      'note',
      'scenario',
      'region',
    ])
    // Every row has every column: one table, no sections of other shapes, no blank separator rows.
    expect(parseCsv(download.body.slice(1)).every((r) => r.length === header.length)).toBe(true)
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(['cost', 'assumption']))
    const costs = await costsOf(scenario.id)
    const usageTypes = costs.total_monthly.by_service.flatMap(
      (s: { by_usage_type: { usage_type: string; quantity: string; cost: string }[] }) => s.by_usage_type,
    )
    const costRows = rows.filter((r) => r.section === 'cost')
    expect(costRows).toHaveLength(usageTypes.length)
    expect(costRows.every((r) => r.scenario === 'CSV scenario' && r.region === 'us-east-1')).toBe(true)
    // The exact column sums to the API's total exactly; the cents column rounds each row half-up.
    const exact = costRows.reduce((acc, r) => acc.plus(r.cost_exact_usd || '0'), new ExactDecimal(0))
    expect(exact.eq(costs.total_monthly.total)).toBe(true)
    for (const row of costRows) {
      expect(row.cost_usd).toMatch(/^\d+\.\d{2}$/)
      expect(row.cost_usd).toBe(new ExactDecimal(row.cost_exact_usd ?? '').toFixed(2))
      // Two decimals from 1 up, three significant digits below 1.
      expect(row.quantity).toMatch(/^[1-9]\d*(\.\d{1,2})?$|^0$|^0\.0*[1-9]\d{0,2}$/)
    }
    // The projection divides by the observed window: the exact quantities carry many decimals, the shown
    // ones at most two (three significant digits below 1).
    expect(costRows.some((r) => (r.quantity_exact?.split('.')[1]?.length ?? 0) > 6)).toBe(true)
    const sqs = usageTypes.find((u: { usage_type: string }) => u.usage_type === 'sqs.requests.standard')
    // 30 messages of 100 KB are 2 requests each, seen in one minute, projected to a 30-day month.
    expect(sqs.quantity).toBe(String(60 * 43_200))
    expect(costRows.find((r) => r.usage_type === 'sqs.requests.standard')).toMatchObject({
      quantity: String(60 * 43_200),
      quantity_exact: sqs.quantity,
      unit: 'requests',
    })
    const assumptions = rows.filter((r) => r.section === 'assumption').map((r) => r.note)
    expect(assumptions).toEqual(costs.assumptions)
  })

  const whatIfCostsOf = async (id: string, query: string) =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/scenarios/${id}/costs?${query}`,
        headers: user.headers,
      })
    ).json()

  it('adds a what-if section to the PDF when asked: every month of /costs with the same query', async () => {
    const scenario = await scenarioWithUsage(app, user, 'What-if PDF')
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: user.headers,
      payload: { format: 'pdf', what_if: { scale: 10, growth_pct_per_month: 5 } },
    })
    expect(res.statusCode).toBe(202)
    const report = await waitForReport(app, user, res.json().id)
    expect(report).toMatchObject({
      status: 'ready',
      what_if: { scale: 10, growth_pct_per_month: 5, months: 12 },
    })
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${report.id}/download`,
      headers: user.headers,
    })
    const text = (await new PDFParse({ data: download.rawPayload }).getText()).text
    const costs = await whatIfCostsOf(scenario.id, 'scale=10&growth_pct_per_month=5&months=12')
    expect(costs.what_if).toHaveLength(12)
    expect(text).toContain('What-if: 12-month projection')
    expect(text).toContain('Observed traffic × 10, growing 5% per month')
    for (const month of costs.what_if) {
      expect(text).toContain(formatUsd(month.total))
      expect(text).toContain(`× ${formatQuantity(month.usage_factor)}`)
    }
    // The embedded Unicode font prints the arrow of the chart's caption as an arrow.
    expect(text).toContain('month 1 → 12')
    // Month 12 is 10 × 1.05^11 of the traffic: the growth reached the figures.
    expect(costs.what_if[11].usage_factor).toBe('17.103394')
  })

  it('adds what-if rows to the CSV whose months sum exactly to /costs', async () => {
    const scenario = await scenarioWithUsage(app, user, 'What-if CSV')
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: user.headers,
      payload: { format: 'csv', what_if: { scale: 2.5, growth_pct_per_month: -10, months: 3 } },
    })
    expect(res.statusCode).toBe(202)
    await waitForReport(app, user, res.json().id)
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${res.json().id}/download`,
      headers: user.headers,
    })
    const { rows } = csvTable(download.body)
    const costs = await whatIfCostsOf(scenario.id, 'scale=2.5&growth_pct_per_month=-10&months=3')
    // The month's cost rows are unchanged by the section.
    const costSum = rows
      .filter((r) => r.section === 'cost')
      .reduce((acc, r) => acc.plus(r.cost_exact_usd || '0'), new ExactDecimal(0))
    expect(costSum.eq(costs.total_monthly.total)).toBe(true)
    const monthRows = rows.filter((r) => r.section === 'what_if')
    expect(new Set(monthRows.map((r) => r.month))).toEqual(new Set(['1', '2', '3']))
    for (const month of costs.what_if) {
      const ofMonth = monthRows.filter((r) => r.month === String(month.month))
      expect(
        ofMonth.every((r) => r.usage_factor === month.usage_factor && r.scenario === 'What-if CSV'),
      ).toBe(true)
      expect(ofMonth.map((r) => r.service)).toEqual(
        month.by_service.map((s: { service: string }) => s.service),
      )
      const sum = ofMonth.reduce((acc, r) => acc.plus(r.cost_exact_usd ?? '0'), new ExactDecimal(0))
      expect(sum.eq(month.total)).toBe(true)
      expect(ofMonth.every((r) => /^\d+\.\d{2}$/.test(r.cost_usd ?? ''))).toBe(true)
    }
    expect(costs.what_if.map((m: { usage_factor: string }) => m.usage_factor)).toEqual([
      '2.5',
      '2.25',
      '2.025',
    ])
  })

  it('has no what-if section unless asked, and rejects a what-if outside the costs ranges with 422', async () => {
    const scenario = await createScenario(app, user)
    const plain = await generate(app, user, scenario.id, 'csv')
    const report = await waitForReport(app, user, plain)
    expect(report.what_if).toBeNull()
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${plain}/download`,
      headers: user.headers,
    })
    expect(csvTable(download.body).rows.some((r) => r.section === 'what_if')).toBe(false)
    for (const [what_if, field] of [
      [{ scale: 0 }, 'scale'],
      [{ scale: 1001 }, 'scale'],
      [{ growth_pct_per_month: -51 }, 'growth_pct_per_month'],
      [{ months: 37 }, 'months'],
      [{ months: 1.5 }, 'months'],
      [{ scale: 'ten' }, 'scale'],
    ] as const) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/v1/scenarios/${scenario.id}/reports`,
        headers: user.headers,
        payload: { format: 'pdf', what_if },
      })
      expect(res.statusCode, JSON.stringify(what_if)).toBe(422)
      expect(res.json().error).toBe('validation_error')
      const fields = res.json().details.map((d: { field: string }) => d.field)
      expect(fields, JSON.stringify(what_if)).toContain(`what_if.${field}`)
    }
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: user.headers,
    })
    expect(list.json().total).toBe(1)
  })

  it('neutralises formula and markup text from users in CSV and prints it as plain text in the PDF', async () => {
    const name = '=HYPERLINK("http://x")'
    const scenario = await scenarioWithUsage(app, user, name, '<script>alert(1)</script>')
    const csvId = await generate(app, user, scenario.id, 'csv')
    const pdfId = await generate(app, user, scenario.id, 'pdf')
    await waitForReport(app, user, csvId)
    await waitForReport(app, user, pdfId)
    const csv = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${csvId}/download`,
      headers: user.headers,
    })
    const { rows } = csvTable(csv.body)
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.every((r) => r.scenario === `'${name}`)).toBe(true)
    expect(csv.headers['content-disposition']).toMatch(/filename="mockupaws-hyperlinkhttpx-[\d-]+\.csv"/)
    const pdf = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${pdfId}/download`,
      headers: user.headers,
    })
    const text = (await new PDFParse({ data: pdf.rawPayload }).getText()).text
    expect(text).toContain(name)
    expect(text).toContain('<script>alert(1)</script>')
    expect(pdf.rawPayload.includes(Buffer.from('/URI'))).toBe(false)
  })

  it('lists per scenario and overall with pagination, deletes, and answers 409 before ready', async () => {
    const scenario = await createScenario(app, user)
    const ids = [await generate(app, user, scenario.id, 'csv'), await generate(app, user, scenario.id, 'pdf')]
    const early = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${ids[1]}/download`,
      headers: user.headers,
    })
    expect([200, 409]).toContain(early.statusCode)
    const page = await app.inject({
      method: 'GET',
      url: `/api/v1/scenarios/${scenario.id}/reports?page=1&page_size=1`,
      headers: user.headers,
    })
    expect(page.json()).toMatchObject({ total: 2, page: 1, page_size: 1, items: [{ id: ids[1] }] })
    const all = await app.inject({
      method: 'GET',
      url: '/api/v1/reports?page_size=100',
      headers: user.headers,
    })
    expect(all.json().items.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(ids))
    await waitForReport(app, user, ids[0] ?? '')
    const del = await app.inject({
      method: 'DELETE',
      url: `/api/v1/reports/${ids[0]}`,
      headers: user.headers,
    })
    expect(del.statusCode).toBe(204)
    const gone = await app.inject({ method: 'GET', url: `/api/v1/reports/${ids[0]}`, headers: user.headers })
    expect(gone.statusCode).toBe(404)
  })

  it('hides another user’s reports: 404 for read, download, delete and their scenario’s list', async () => {
    const scenario = await createScenario(app, user)
    const id = await generate(app, user, scenario.id, 'csv')
    await waitForReport(app, user, id)
    const other = await createUser(app)
    for (const [method, url] of [
      ['GET', `/api/v1/reports/${id}`],
      ['GET', `/api/v1/reports/${id}/download`],
      ['DELETE', `/api/v1/reports/${id}`],
      ['GET', `/api/v1/scenarios/${scenario.id}/reports`],
    ] as const) {
      const res = await app.inject({ method, url, headers: other.headers })
      expect(res.statusCode, url).toBe(404)
    }
    const create = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: other.headers,
      payload: { format: 'pdf' },
    })
    expect(create.statusCode).toBe(404)
    expect(
      (await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: user.headers })).statusCode,
    ).toBe(200)
  })

  it('validates the format with 422', async () => {
    const scenario = await createScenario(app, user)
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/scenarios/${scenario.id}/reports`,
      headers: user.headers,
      payload: { format: 'docx' },
    })
    expect(res.statusCode).toBe(422)
  })

  it('requeues a report a killed worker left running, and it completes', async () => {
    const scenario = await createScenario(app, user)
    const [row] = await queryRows<{ id: string }>(
      app.database.db,
      sql`insert into reports (user_id, scenario_id, format, status, started_at, attempts)
          values (${user.id}, ${scenario.id}, 'csv', 'running', now() - interval '10 minutes', 1) returning id`,
    )
    expect(await app.services.reports.recoverStale()).toBeGreaterThanOrEqual(1)
    const report = await waitForReport(app, user, row?.id ?? '')
    expect(report).toMatchObject({ status: 'ready', attempts: 2 })
  })

  it('purges reports older than the retention period', async () => {
    const scenario = await createScenario(app, user)
    const id = await generate(app, user, scenario.id, 'csv')
    await waitForReport(app, user, id)
    await app.database.db.execute(
      sql`update reports set created_at = now() - interval '31 days' where id = ${id}`,
    )
    expect(await app.services.reports.purgeExpired()).toBeGreaterThanOrEqual(1)
    const res = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: user.headers })
    expect(res.statusCode).toBe(404)
  })
})

describe(`report retries on ${testEngine}`, async () => {
  let calls = 0
  const app = await buildTestApp({
    jobs: 'work',
    renderReport: async (format, data) => {
      calls += 1
      if (calls === 1) throw new Error('renderer crashed once')
      return renderReport(format, data)
    },
  })
  const user = await createUser(app)

  it('retries after a thrown error with back-off and then succeeds', async () => {
    const scenario = await createScenario(app, user)
    const id = await generate(app, user, scenario.id, 'csv')
    const report = await waitForReport(app, user, id, ['ready'])
    expect(report).toMatchObject({ status: 'ready', attempts: 2, error: null })
    expect(calls).toBe(2)
  })

  it('marks the report failed with the reason after the last attempt', async () => {
    const scenario = await createScenario(app, user)
    // Inserted without a job, so only this call works on it: it is the last of 1 + 3 retries.
    const [row] = await queryRows<{ id: string }>(
      app.database.db,
      sql`insert into reports (user_id, scenario_id, format) values (${user.id}, ${scenario.id}, 'csv') returning id`,
    )
    const id = row?.id ?? ''
    calls = 0
    await expect(app.services.reports.generate(id, { retryCount: 3, retryLimit: 3 })).rejects.toThrow(
      'renderer crashed once',
    )
    const report = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: user.headers })
    expect(report.json()).toMatchObject({ status: 'failed', error: 'renderer crashed once', attempts: 1 })
  })
})
