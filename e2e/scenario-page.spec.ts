import { execFileSync } from 'node:child_process'
import type { Page, Request } from '@playwright/test'
import {
  apiAs,
  createPricedScenario,
  createScenarioViaApi,
  expect,
  expectSignedIn,
  test,
} from './fixtures.js'

/** The server's default general limit (RATE_LIMIT_PER_MINUTE): the e2e server raises it, the budget must not. */
const GENERAL_LIMIT_PER_MINUTE = 100

function isApi(req: Request): boolean {
  return new URL(req.url()).pathname.startsWith('/api/')
}

test('six tabs opened and reloaded stay signed in on one refresh (the token is shared between tabs)', async ({
  context,
  account,
}) => {
  void account // signs this context in with its own refresh-token family
  const refreshes: string[] = []
  const statuses: number[] = []
  context.on('request', (req) => {
    if (new URL(req.url()).pathname === '/api/v1/auth/refresh') refreshes.push(req.url())
  })
  context.on('response', (res) => {
    if (isApi(res.request())) statuses.push(res.status())
  })
  const first = await context.newPage()
  await first.goto('/scenarios')
  await expectSignedIn(first)
  const others: Page[] = []
  for (let i = 0; i < 5; i++) others.push(await context.newPage())
  const pages = [first, ...others]
  await Promise.all(others.map((p, i) => p.goto(i % 2 ? '/reports' : '/scenarios')))
  await Promise.all(pages.map(expectSignedIn))
  await Promise.all(pages.map((p) => p.reload()))
  await Promise.all(pages.map(expectSignedIn))
  await first.reload()
  await expectSignedIn(first)
  // The first tab traded the cookie; the others took its token (a tab that hears no answer within 250 ms, on
  // a busy machine, trades it too), and every reload kept its own: twelve page loads, at most two refreshes.
  expect(refreshes.length).toBeGreaterThanOrEqual(1)
  expect(refreshes.length).toBeLessThanOrEqual(2)
  expect(statuses.filter((s) => s === 429)).toEqual([])
})

test('a scenario page load and quick item adds stay far under the rate limit (one costs request per change)', async ({
  page,
  request,
  account,
}) => {
  // Eight items added through the form, one after another.
  test.slow()
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Rate budget' })
  const calls: string[] = []
  const statuses: number[] = []
  page.on('request', (req) => {
    if (isApi(req)) calls.push(`${req.method()} ${new URL(req.url()).pathname}${new URL(req.url()).search}`)
  })
  page.on('response', (res) => {
    if (isApi(res.request())) statuses.push(res.status())
  })
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByTestId('cost-total')).toHaveText('$0.00')
  await expect(page.getByRole('button', { name: /Add (item|the first item)/ }).first()).toBeVisible()
  const onLoad = calls.length
  const isCosts = (c: string) => /^GET \/api\/v1\/scenarios\/[^/]+\/costs(\?|$)/.test(c)
  const costsOnLoad = calls.filter(isCosts)
  expect(costsOnLoad).toHaveLength(1)
  expect(onLoad).toBeLessThanOrEqual(15)

  const adds = 8
  for (let i = 1; i <= adds; i++) {
    await page
      .getByRole('button', { name: /Add (item|the first item)/ })
      .first()
      .click()
    const dialog = page.getByRole('dialog', { name: 'Add a line item' })
    await dialog.getByRole('combobox', { name: 'Service' }).click()
    await page.getByRole('option', { name: 'AWS Lambda', exact: true }).click()
    await dialog.getByLabel('Invocations per month').fill(String(i * 1000))
    await dialog.getByLabel('Average duration (ms)').fill('100')
    await dialog.getByLabel('Memory (MB)').fill('128')
    await dialog.getByRole('button', { name: 'Add item' }).click()
    await expect(page.getByTestId('line-item-row')).toHaveCount(i)
  }
  await expect(page.getByText(/too many requests|rate limit/i)).toHaveCount(0)
  expect(statuses.filter((s) => s === 429)).toEqual([])
  const costs = calls.filter(isCosts)
  // One costs answer per change, shared by every panel.
  expect(costs.length).toBeLessThanOrEqual(1 + adds)
  // The load and eight adds within a minute stay under the default limit with room to spare.
  expect(calls.length).toBeLessThan(GENERAL_LIMIT_PER_MINUTE * 0.8)
})

test('the scenario page is in tabs kept in the URL; settings are editable and the scenario can be cloned', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Tabbed', tags: ['dev'] })
  await page.goto(`/scenarios/${scenario.id}?tab=budgets`)
  await expect(page.getByRole('tab', { name: 'Budgets' })).toHaveAttribute('aria-selected', 'true')
  await expect(page.getByRole('tab')).toHaveText([
    'Costs & line items',
    'Usage & ingest',
    'What-if',
    'Budgets',
    'Sharing & reports',
  ])
  await page.getByRole('tab', { name: 'What-if' }).click()
  await expect(page).toHaveURL(/\?tab=what-if$/)
  await page.reload()
  await expect(page.getByRole('tab', { name: 'What-if' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: 'Costs & line items' }).click()
  await expect(page).toHaveURL(new RegExp(`/scenarios/${scenario.id}$`))
  await expect(page.getByRole('button', { name: /Add (item|the first item)/ }).first()).toBeVisible()

  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenario settings' })
  await expect(dialog.getByLabel('Name')).toHaveValue('Tabbed')
  await dialog.getByLabel('Name').fill('')
  await expect(dialog.getByText('Give the scenario a name')).toBeVisible()
  await dialog.getByLabel('Name').fill('Tabbed (renamed)')
  await dialog.getByLabel('Description').fill('Now with a description')
  await dialog.getByLabel('Tags').fill('prod')
  await dialog.getByLabel('Tags').press('Enter')
  await dialog.getByRole('combobox', { name: 'Region' }).fill('eu-west-1')
  await page.getByRole('option', { name: /\(eu-west-1\)/ }).click()
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Tabbed (renamed)', level: 1 })).toBeVisible()
  await expect(page.getByTestId('scenario-description')).toHaveText('Now with a description')
  const saved = await (
    await request.get(`/api/v1/scenarios/${scenario.id}`, {
      headers: { authorization: `Bearer ${account.accessToken}` },
    })
  ).json()
  expect(saved).toMatchObject({ name: 'Tabbed (renamed)', region: 'eu-west-1', tags: ['dev', 'prod'] })

  await page.getByRole('button', { name: 'More actions' }).click()
  await page.getByRole('menuitem', { name: 'Clone scenario' }).click()
  await expect(page.getByRole('heading', { name: 'Tabbed (renamed) (copy)', level: 1 })).toBeVisible()
  await expect(page).not.toHaveURL(new RegExp(scenario.id))
})

test('screenshots of the scenario page tabs at 1280 and 390 px', async ({ page, request, account, snap }) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Screens')
  for (const [width, label] of [
    [1280, 'desktop'],
    [390, 'phone'],
  ] as const) {
    await page.setViewportSize({ width, height: 900 })
    for (const tab of ['overview', 'usage', 'what-if']) {
      await page.goto(`/scenarios/${scenario.id}?tab=${tab}`)
      await expect(page.getByTestId('cost-total')).toBeVisible()
      await expect(page.getByRole('tab', { selected: true }).first()).toBeVisible()
      await snap(`weba-scenario-${tab}-${label}`)
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  }
})

test('the copied curl snippet works as pasted in a shell with the chosen key in the environment', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Snippet check' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  const key = (await apiAs(request, account.accessToken, 'post', '/api/v1/api-keys', {
    name: 'snippet shipper',
    scopes: ['write:ingest'],
  })) as { key: string; key_prefix: string }
  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  const curl = page.getByLabel('curl command')
  const before = await curl.textContent()
  await page.getByRole('combobox', { name: 'API key' }).click()
  await page.getByRole('option', { name: /snippet shipper/ }).click()
  await expect(curl).not.toHaveText(before ?? '')
  await expect(curl).toContainText(`“snippet shipper” (${key.key_prefix}…)`)
  await page.getByRole('button', { name: 'Copy curl command' }).click()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  // Pasted into bash with the key in the environment, as the snippet says; curl prints the status.
  const status = execFileSync(
    'bash',
    ['-c', copied.replace(/^curl /m, "curl -s -o /dev/null -w '%{http_code}' ")],
    {
      env: { PATH: process.env.PATH ?? '', MOCKUPAWS_API_KEY: key.key },
    },
  ).toString()
  expect(status).toBe('200')
  await page.getByRole('tab', { name: 'mockupaws ingest' }).click()
  await expect(page.getByLabel('CLI command')).not.toContainText('MOCKUPAWS_API_KEY=')
})

test('each line item shows its own cost and its calculation, params by their labels', async ({
  page,
  request,
  account,
  snap,
}) => {
  // Two Lambda items without the free tier: AWS's example ($35.33) and a tenth of it ($3.53).
  const scenario = await createPricedScenario(request, account.accessToken, 'Per item')
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/items`, {
    service: 'lambda',
    label: 'small function',
    params: { invocations: 1_000_000, avg_duration_ms: 200, memory_mb: 1024 },
  })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByTestId('cost-modelled')).toHaveText('$38.87')
  const rows = page.getByTestId('line-item-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.getByTestId('line-item-cost')).toHaveText(['$35.33', '$3.53'])
  await expect(rows.first()).toContainText('Memory (MB): 1,024')
  await expect(rows.first()).not.toContainText('memory_mb')

  await page.getByRole('button', { name: 'Show calculation of small function' }).click()
  const calc = page.getByTestId('item-calculation')
  await expect(calc.getByRole('row')).toHaveCount(4) // header, requests, GB-seconds, total
  await expect(calc).toContainText('Requests')
  await expect(calc).toContainText('1,000,000 requests')
  await expect(calc).toContainText('200,000 GB-seconds')
  await expect(calc.getByRole('row').last()).toContainText('$3.53')
  await snap('weba-line-item-calculation')
})

test('usage shows every event type with a legend, PII grouped by kind; compare fits and labels every service', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Many types' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  const types = ['sqs.send', 'sqs.receive', 'sqs.delete', 'sns.publish', 's3.get', 's3.put', 's3.list', 'log']
  const events = types.map((type) =>
    type === 'log'
      ? { type, message: 'mail jane.doe@example.com or john@example.com, again jane.doe@example.com' }
      : { type, bytes: 1024 },
  )
  const sent = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${account.accessToken}`, 'x-scenario-id': scenario.id },
    data: { events },
  })
  expect(sent.status(), await sent.text()).toBe(200)
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  for (const type of types) await expect(page.getByTestId(`events-${type}`)).toHaveText('1')
  const legend = page.getByTestId('usage-chart').locator('.recharts-legend-wrapper')
  for (const type of types) await expect(legend).toContainText(type)
  await expect(page.getByTestId('pii-row')).toHaveCount(1)
  await expect(page.getByTestId('pii-row')).toContainText('email')
  await expect(page.getByTestId('pii-row')).not.toContainText('jane.doe@example.com')
  await snap('weba-usage-tab')

  // Compare: a scenario with many services against the empty one; the last Δ column is in view.
  const wide = await createPricedScenario(request, account.accessToken, 'Wide')
  for (const [service, params] of [
    ['s3', { storage_gb: 100, put_requests: 10_000, get_requests: 2_000_000 }],
    ['sqs', { requests: 1_000_000, queue_type: 'standard' }],
    ['sns', { publishes: 1_000_000, http_deliveries: 0, email_deliveries: 0, sqs_deliveries: 0 }],
    ['data_transfer', { gb_out: 50 }],
    ['cloudwatch_logs', { ingested_gb: 20, stored_gb: 50 }],
    ['apigateway', { api_type: 'http', requests: 10_000_000 }],
    ['dynamodb', { read_request_units: 1_000_000, write_request_units: 1_000_000, storage_gb: 10 }],
  ] as const) {
    await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${wide.id}/items`, {
      service,
      params,
    })
  }
  await page.goto(`/compare?ids=${scenario.id},${wide.id}`)
  const table = page.getByTestId('compare-table')
  await expect(table).toBeVisible()
  await expect(page.getByTestId('compare-modelled_monthly')).toBeVisible()
  await expect(page.getByTestId('compare-projected_monthly')).toBeVisible()
  const clipped = await table.evaluate((el) => {
    const scroller = el.closest('.mantine-ScrollArea-viewport') ?? el.parentElement
    return scroller ? scroller.scrollWidth - scroller.clientWidth : 0
  })
  expect(clipped).toBeLessThanOrEqual(1)
  const services = await page.getByTestId('compare-service-row').count()
  await expect(page.locator('.recharts-yAxis .recharts-cartesian-axis-tick')).toHaveCount(services)
  await snap('weba-compare-desktop')
})
