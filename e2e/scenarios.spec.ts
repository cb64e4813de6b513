import type { Page } from '@playwright/test'
import { apiAs, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

async function openNewItem(page: Page, service: string) {
  await page
    .getByRole('button', { name: /Add (item|the first item)/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Add a line item' })
  await dialog.getByRole('combobox', { name: 'Service' }).click()
  await page.getByRole('option', { name: service, exact: true }).click()
  return dialog
}

async function pick(page: Page, scope: ReturnType<Page['getByRole']>, label: string, option?: string) {
  await scope.getByRole('combobox', { name: label }).click()
  const choice = option
    ? page.getByRole('option', { name: option, exact: true })
    : page.getByRole('option').first()
  await choice.click()
}

const moneyPattern = /^\$\d[\d,]*\.\d{2,6}$/

test('a new user sees the empty scenario list', async ({ page, snap }) => {
  await page.goto('/scenarios')
  await expect(page.getByRole('heading', { name: 'No scenarios yet' })).toBeVisible()
  await snap('scenarios-empty')
})

test('create a scenario → add a Lambda item → see the monthly cost and chart', async ({ page, snap }) => {
  await page.goto('/scenarios')
  await page.getByRole('button', { name: 'New scenario' }).click()
  const dialog = page.getByRole('dialog', { name: 'New scenario' })
  await dialog.getByLabel('Name').fill('Checkout API')
  await dialog.getByLabel('Description').fill('Black Friday traffic')
  await dialog.getByLabel('Tags').fill('prod')
  await dialog.getByLabel('Tags').press('Enter')
  await dialog.getByRole('switch', { name: 'Apply the AWS free tier' }).uncheck()
  await dialog.getByRole('button', { name: 'Create scenario' }).click()
  await expect(page.getByRole('heading', { name: 'Checkout API', level: 1 })).toBeVisible()
  await expect(page.getByTestId('scenario-status')).toHaveText('draft')
  await expect(page.getByTestId('cost-total')).toHaveText('$0.00')

  const item = await openNewItem(page, 'AWS Lambda')
  await item.getByLabel('Invocations per month').fill('10000000')
  await item.getByLabel('Average duration (ms)').fill('200')
  await item.getByLabel('Memory (MB)').fill('1024')
  await item.getByRole('button', { name: 'Add item' }).click()
  await expect(page.getByTestId('line-item-row')).toHaveCount(1)
  // 10 M requests ($2.00) + 2,000,000 GB-s x86 ($33.33): AWS's own worked example.
  await expect(page.getByTestId('cost-modelled')).toHaveText('$35.33')
  await expect(page.getByTestId('modelled-preview')).toContainText('$35.33')
  await expect(page.getByTestId('cost-by-service-table')).toContainText('AWS Lambda')
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await snap('scenario-detail')
})

test('start from a template: its assumptions are shown, and the scenario opens with its items priced', async ({
  page,
}) => {
  await page.goto('/scenarios?new=1')
  const dialog = page.getByRole('dialog', { name: 'New scenario' })
  await pick(page, dialog, 'Start from', 'Serverless API')
  await expect(dialog.getByTestId('template-summary')).toContainText('10 M API requests a month')
  await dialog.getByLabel('Name').fill('Orders API')
  await dialog.getByRole('button', { name: 'Create scenario' }).click()
  await expect(page.getByRole('heading', { name: 'Orders API', level: 1 })).toBeVisible()
  await expect(page.getByTestId('line-item-row')).toHaveCount(5)
  await expect(page.getByTestId('cost-total')).toHaveText(moneyPattern)
  await expect(page.getByTestId('cost-total')).not.toHaveText('$0.00')
  await expect(page.getByTestId('scenario-description')).toContainText('Assumptions:')
})

test('the create form needs a name and shows it as you type', async ({ page }) => {
  await page.goto('/scenarios?new=1')
  const dialog = page.getByRole('dialog', { name: 'New scenario' })
  await dialog.getByLabel('Name').fill('a')
  await dialog.getByLabel('Name').fill('')
  await expect(dialog.getByText('Give the scenario a name')).toBeVisible()
  await dialog.getByRole('button', { name: 'Create scenario' }).click()
  await expect(dialog).toBeVisible()
})

const services: {
  label: string
  fill: (page: Page, dialog: ReturnType<Page['getByRole']>) => Promise<void>
}[] = [
  { label: 'Amazon SQS', fill: async (_p, d) => d.getByLabel('Requests per month').fill('50000000') },
  {
    label: 'Amazon S3',
    fill: async (_p, d) => {
      await d.getByLabel('Storage (GB)').fill('500')
      await d.getByLabel('PUT/COPY/POST/LIST requests').fill('100000')
      await d.getByLabel('GET requests').fill('1000000')
    },
  },
  {
    label: 'Amazon DynamoDB',
    fill: async (_p, d) => {
      await d.getByLabel('Write request units').fill('10000000')
      await d.getByLabel('Read request units').fill('50000000')
      await d.getByLabel('Storage (GB)').fill('30')
    },
  },
  { label: 'Data transfer', fill: async (_p, d) => d.getByLabel('GB out to the internet').fill('2000') },
  {
    label: 'CloudWatch Logs',
    fill: async (_p, d) => {
      await d.getByRole('textbox', { name: 'Ingested (GB)', exact: true }).fill('100')
      await d.getByRole('textbox', { name: 'Stored (GB)', exact: true }).fill('300')
    },
  },
  {
    label: 'Amazon EC2',
    fill: async (p, d) => {
      await pick(p, d, 'Instance type')
      await d.getByLabel('Instances').fill('3')
    },
  },
  {
    label: 'Amazon Bedrock',
    fill: async (p, d) => {
      // A model with on-demand token rates in us-east-1 (some models are priced for Provisioned Throughput only).
      await pick(p, d, 'Model', 'Nova Lite · amazon.nova-lite')
      await d.getByLabel('Input tokens per month').fill('1600000000')
      await d.getByLabel('Output tokens per month').fill('400000000')
    },
  },
  {
    label: 'Amazon API Gateway',
    fill: async (p, d) => {
      await pick(p, d, 'API type', 'http')
      await d.getByLabel('Requests (messages for WebSocket)').fill('30000000')
    },
  },
  {
    label: 'Amazon SNS',
    fill: async (_p, d) => {
      await d.getByLabel('Publishes per month').fill('20000000')
      await d.getByLabel('HTTP/S deliveries').fill('20000000')
    },
  },
  {
    label: 'Amazon RDS',
    fill: async (p, d) => {
      await pick(p, d, 'Instance class')
      await d.getByLabel('Instances').fill('2')
      await d.getByLabel('Storage per instance (GB)').fill('100')
    },
  },
  {
    label: 'AWS Fargate',
    fill: async (_p, d) => {
      await d.getByLabel('Tasks').fill('4')
      await d.getByLabel('vCPU per task').fill('1')
      await d.getByLabel('Memory per task (GB)').fill('2')
    },
  },
]

for (const service of services) {
  test(`add a ${service.label} item and see its monthly cost`, async ({ page, request, account }) => {
    const scenario = await apiAs(request, account.accessToken, 'post', '/api/v1/scenarios', {
      name: `${service.label} plan`,
      region: 'us-east-1',
      include_free_tier: false,
    })
    await page.goto(`/scenarios/${scenario.id}`)
    const dialog = await openNewItem(page, service.label)
    await service.fill(page, dialog)
    // As a user would: read the estimate, then save (the estimate's lines arriving move the buttons down).
    await expect(dialog.getByTestId('item-preview-cost')).toContainText(/\$\d/)
    await expect(dialog.getByTestId('item-preview')).toHaveAttribute('aria-busy', 'false')
    await dialog.getByRole('button', { name: 'Add item' }).click()
    await expect(dialog).toBeHidden()
    await expect(page.getByTestId('line-item-row')).toHaveCount(1)
    await expect(page.getByTestId('cost-by-service-table')).toContainText(service.label)
    await expect(page.getByTestId('cost-modelled')).toHaveText(moneyPattern)
    await expect(page.getByTestId('cost-modelled')).not.toHaveText('$0.00')
  })
}

test('item params are checked as you type', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'validation' })
  await page.goto(`/scenarios/${scenario.id}`)
  const dialog = await openNewItem(page, 'AWS Lambda')
  await dialog.getByLabel('Memory (MB)').fill('64')
  await expect(dialog.getByText('Must be at least 128')).toBeVisible()
  await dialog.getByLabel('Memory (MB)').fill('20000')
  await expect(dialog.getByText('Must be at most 10,240')).toBeVisible()
  await dialog.getByLabel('Memory (MB)').fill('1024')
  await expect(dialog.getByText('Must be at most 10,240')).toBeHidden()
  await dialog.getByRole('button', { name: 'Add item' }).click()
  await expect(dialog.getByText('Required').first()).toBeVisible()
})

test('a server rejection of an item lands on the field', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'server says no' })
  await page.route(`**/api/v1/scenarios/${scenario.id}/items`, (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 422,
          json: {
            error: 'validation_error',
            message: 'The line item is invalid.',
            details: [{ field: 'params.memory_mb', reason: 'must be a multiple of 64' }],
          },
        })
      : route.fallback(),
  )
  await page.goto(`/scenarios/${scenario.id}`)
  const dialog = await openNewItem(page, 'AWS Lambda')
  await dialog.getByLabel('Invocations per month').fill('1000')
  await dialog.getByLabel('Average duration (ms)').fill('100')
  await dialog.getByLabel('Memory (MB)').fill('130')
  await dialog.getByRole('button', { name: 'Add item' }).click()
  await expect(dialog.getByText('Must be a multiple of 64')).toBeVisible()
  await expect(dialog.getByRole('alert')).toContainText('The line item is invalid.')
})

test('the item form prices the item as you type, and the saved item costs the same', async ({
  page,
  request,
  account,
}) => {
  const scenario = await apiAs(request, account.accessToken, 'post', '/api/v1/scenarios', {
    name: 'live preview',
    region: 'us-east-1',
    include_free_tier: false,
  })
  await page.goto(`/scenarios/${scenario.id}`)
  const dialog = await openNewItem(page, 'AWS Lambda')
  const preview = dialog.getByTestId('item-preview')
  await expect(preview).toContainText('Complete the highlighted fields')
  await dialog.getByLabel('Invocations per month').fill('1000000')
  await dialog.getByLabel('Average duration (ms)').fill('200')
  await dialog.getByLabel('Memory (MB)').fill('64')
  await expect(preview).toContainText('Complete the highlighted fields')
  await dialog.getByLabel('Memory (MB)').fill('1024')
  // 1 M requests ($0.20) + 200,000 GB-s x86 at $0.0000166667 ($3.33334).
  await expect(dialog.getByTestId('item-preview-cost')).toContainText('$3.53')
  await dialog.getByLabel('Invocations per month').fill('10000000')
  // AWS's worked example: 10 M requests ($2.00) + 2,000,000 GB-s ($33.33).
  await expect(dialog.getByTestId('item-preview-cost')).toContainText('$35.33')
  await expect(dialog.getByTestId('item-preview-after')).toContainText('$35.33')
  const stored = await apiAs(request, account.accessToken, 'get', `/api/v1/scenarios/${scenario.id}/items`)
  expect(stored.total).toBe(0)
  await dialog.getByRole('button', { name: 'Add item' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('line-item-row')).toHaveCount(1)
  await expect(page.getByTestId('modelled-preview')).toContainText('$35.33')
  await expect(page.getByTestId('cost-modelled')).toHaveText('$35.33')
})

test('a rule only the server knows shows on the field, with no preview until it is fixed', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'server rule' })
  await page.goto(`/scenarios/${scenario.id}`)
  const dialog = await openNewItem(page, 'Amazon API Gateway')
  await pick(page, dialog, 'API type', 'rest')
  await dialog.getByLabel('Requests (messages for WebSocket)').fill('1000000')
  await dialog.getByLabel('Connection minutes (WebSocket)').fill('5000')
  await expect(dialog.getByText('Only websocket APIs bill connection minutes')).toBeVisible()
  await expect(dialog.getByTestId('item-preview-cost')).toBeHidden()
  await pick(page, dialog, 'API type', 'websocket')
  await expect(dialog.getByTestId('item-preview-cost')).toHaveText(/^\$\d/)
  await expect(dialog.getByText('Only websocket APIs bill connection minutes')).toBeHidden()
})

test('edit an item and the cost follows; delete it after confirming', async ({ page, request, account }) => {
  const scenario = await apiAs(request, account.accessToken, 'post', '/api/v1/scenarios', {
    name: 'edit me',
    region: 'us-east-1',
    include_free_tier: false,
  })
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/items`, {
    service: 'data_transfer',
    params: { gb_out: 100 },
    label: 'egress',
  })
  await page.goto(`/scenarios/${scenario.id}`)
  const before = (await page.getByTestId('cost-modelled').textContent()) ?? ''
  await page.getByRole('button', { name: 'Edit egress' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit line item' })
  await dialog.getByLabel('GB out to the internet').fill('5000')
  await dialog.getByRole('button', { name: 'Save item' }).click()
  await expect(page.getByTestId('cost-modelled')).not.toHaveText(before)
  await page.getByRole('button', { name: 'Delete egress' }).click()
  await page
    .getByRole('dialog', { name: 'Delete this line item?' })
    .getByRole('button', { name: 'Delete item' })
    .click()
  await expect(page.getByRole('heading', { name: 'No line items' })).toBeVisible()
  await expect(page.getByTestId('cost-modelled')).toHaveText('$0.00')
})

test('status actions walk the lifecycle; an archived scenario is read-only until restored', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'lifecycle' })
  await page.goto(`/scenarios/${scenario.id}`)
  const status = page.getByTestId('scenario-status')
  const actions = page.getByRole('group', { name: 'Status actions' })
  await actions.getByRole('button', { name: 'Start' }).click()
  await expect(status).toHaveText('running')
  await actions.getByRole('button', { name: 'Complete' }).click()
  await expect(status).toHaveText('completed')
  await actions.getByRole('button', { name: 'Archive' }).click()
  await expect(status).toHaveText('archived')
  await expect(page.getByRole('button', { name: /Add (item|the first item)/ })).toHaveCount(0)
  await actions.getByRole('button', { name: 'Restore' }).click()
  await expect(status).toHaveText('completed')
  await expect(page.getByRole('button', { name: 'Add item' })).toBeVisible()
})

test('start → send events with the key over HTTP → counters and chart move', async ({
  page,
  request,
  snap,
}) => {
  await page.goto('/scenarios?new=1')
  await page.getByRole('dialog').getByLabel('Name').fill('Live traffic')
  await page.getByRole('dialog').getByRole('button', { name: 'Create scenario' }).click()
  await expect(page.getByTestId('scenario-status')).toHaveText('draft')
  const scenarioId = page.url().split('/').pop() ?? ''
  await page.getByRole('group', { name: 'Status actions' }).getByRole('button', { name: 'Start' }).click()
  await expect(page.getByTestId('scenario-status')).toHaveText('running')
  await page.getByRole('tab', { name: 'Usage & ingest' }).click()
  await page.getByRole('button', { name: 'Create an ingest key' }).click()
  const curl = page.getByLabel('curl command')
  await expect(curl).toContainText('mk_')
  await expect(curl).toContainText(scenarioId)
  const key = /X-API-Key: (mk_\S+)'/.exec((await curl.textContent()) ?? '')?.[1] ?? ''
  await expect(page.getByTestId('events-total')).toHaveText('0')

  const send = (events: unknown[]) =>
    request.post('/api/v1/ingest', {
      headers: { 'x-api-key': key, 'x-scenario-id': scenarioId },
      data: { events },
    })
  const first = await send([
    { type: 'lambda.invoke', duration_ms: 120, memory_mb: 512 },
    { type: 'lambda.invoke', duration_ms: 80, memory_mb: 512 },
    { type: 'sqs.send', bytes: 2048 },
  ])
  expect(first.status()).toBe(200)
  await expect(page.getByTestId('events-total')).toHaveText('3')
  await expect(page.getByTestId('events-lambda.invoke')).toHaveText('2')
  await expect(page.getByTestId('usage-chart').locator('.recharts-bar-rectangle').first()).toBeVisible()
  await send([
    { type: 'sqs.send', bytes: 100 },
    { type: 'log', message: 'order placed' },
  ])
  await expect(page.getByTestId('events-total')).toHaveText('5')
  await expect(page.getByTestId('usage-table')).toContainText('lambda')
  await expect(page.getByTestId('cost-observed')).toHaveText(moneyPattern)
  await snap('scenario-ingest')
})

test('PII in ingested logs is listed masked', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'pii' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  await expect(page.getByTestId('pii-none')).toBeVisible()
  const res = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${account.accessToken}`, 'x-scenario-id': scenario.id },
    data: { type: 'log', message: 'signup from jane.doe@example.com' },
  })
  expect(res.status()).toBe(200)
  await expect(page.getByTestId('pii-kinds')).toContainText('email: 1')
  await expect(page.getByText('jane.doe@example.com')).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'PII findings by kind (masked)' })).toContainText('***')
})

test('the CLI snippet names the scenario and reads the key from the environment', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'cli' })
  await apiAs(request, account.accessToken, 'post', '/api/v1/api-keys', {
    name: 'shipper',
    scopes: ['write:ingest'],
  })
  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  await page.getByRole('combobox', { name: 'API key' }).click()
  await page.getByRole('option', { name: /shipper/ }).click()
  await page.getByRole('tab', { name: 'mockupaws ingest' }).click()
  const cli = page.getByLabel('CLI command')
  await expect(cli).toContainText(`mockupaws ingest --scenario '${scenario.id}'`)
  await expect(cli).toContainText('MOCKUPAWS_API_KEY must hold the key “shipper”')
  await page.getByRole('button', { name: 'Copy CLI command' }).click()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(scenario.id)
})

test('events are refused until the scenario is started', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'not running' })
  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  await expect(page.getByText('Not accepting events: start the scenario')).toBeVisible()
  const res = await request.post('/api/v1/ingest', {
    headers: { authorization: `Bearer ${account.accessToken}`, 'x-scenario-id': scenario.id },
    data: { type: 'log', message: 'too early' },
  })
  expect(res.status()).toBe(409)
})

test.describe('list', () => {
  test.beforeEach(async ({ request, account }) => {
    const make = (name: string, region: string, status?: string) =>
      createScenarioViaApi(request, account.accessToken, { name, region }).then(async (s) => {
        if (status)
          await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${s.id}`, { status })
      })
    await make('Alpha checkout', 'us-east-1', 'running')
    await make('Beta search', 'eu-west-1')
    await make('Gamma checkout batch', 'eu-west-1')
  })

  test('filter by status', async ({ page, snap }) => {
    await page.goto('/scenarios')
    await expect(page.getByTestId('scenario-row')).toHaveCount(3)
    await snap('scenarios')
    await page.getByRole('combobox', { name: 'Status' }).click()
    await page.getByRole('option', { name: 'running' }).click()
    await expect(page.getByTestId('scenario-row')).toHaveCount(1)
    await expect(page.getByTestId('scenario-row')).toContainText('Alpha checkout')
  })

  test('filter by region', async ({ page }) => {
    await page.goto('/scenarios')
    await page.getByRole('combobox', { name: 'Region' }).click()
    await page.getByRole('option', { name: 'eu-west-1', exact: true }).click()
    await expect(page.getByTestId('scenario-row')).toHaveCount(2)
  })

  test('search by name, kept in the URL across a reload', async ({ page }) => {
    await page.goto('/scenarios')
    await page.getByLabel('Search by name').fill('checkout')
    await expect(page.getByTestId('scenario-row')).toHaveCount(2)
    await expect(page).toHaveURL(/q=checkout/)
    await page.reload()
    await expect(page.getByTestId('scenario-row')).toHaveCount(2)
    await expect(page.getByLabel('Search by name')).toHaveValue('checkout')
  })

  test('no match shows an empty state that clears the filters', async ({ page }) => {
    await page.goto('/scenarios?q=zzz-nothing')
    await expect(page.getByRole('heading', { name: 'No scenario matches' })).toBeVisible()
    await page.getByRole('button', { name: 'Clear filters' }).click()
    await expect(page.getByTestId('scenario-row')).toHaveCount(3)
  })

  test('the dashboard counts scenarios and lists recent ones', async ({ page }) => {
    await page.goto('/')
    await expect(page.getByTestId('dashboard-scenarios')).toHaveText('3')
    await expect(page.getByTestId('scenario-row')).toHaveCount(3)
    await page.getByRole('link', { name: 'Beta search' }).click()
    await expect(page.getByRole('heading', { name: 'Beta search', level: 1 })).toBeVisible()
  })
})

test('more than 10 scenarios are paginated', async ({ page, request, account }) => {
  for (let i = 0; i < 12; i++) await createScenarioViaApi(request, account.accessToken, { name: `bulk ${i}` })
  await page.goto('/scenarios')
  await expect(page.getByTestId('scenario-row')).toHaveCount(10)
  await page.getByRole('button', { name: 'Page 2' }).click()
  await expect(page.getByTestId('scenario-row')).toHaveCount(2)
  await expect(page).toHaveURL(/page=2/)
})

test('delete a scenario after confirming', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'short lived' })
  await page.goto(`/scenarios/${scenario.id}`)
  await page
    .getByRole('group', { name: 'Status actions' })
    .getByRole('button', { name: 'More actions' })
    .click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page
    .getByRole('dialog', { name: 'Delete this scenario?' })
    .getByRole('button', { name: 'Delete scenario' })
    .click()
  await expect(page).toHaveURL(/\/scenarios$/)
  await expect(page.getByRole('heading', { name: 'No scenarios yet' })).toBeVisible()
})

test('an unknown scenario id shows not found', async ({ page }) => {
  await page.goto(`/scenarios/${crypto.randomUUID()}`)
  await expect(page.getByRole('alert')).toContainText('Scenario not found')
  await page.getByRole('link', { name: 'Back to scenarios' }).click()
  await expect(page.getByRole('heading', { name: 'Scenarios', level: 1 })).toBeVisible()
})

test('the detail page works on a phone', async ({ page, request, account, snap }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'on the go' })
  await page.setViewportSize({ width: 375, height: 800 })
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByRole('heading', { name: 'on the go', level: 1 })).toBeVisible()
  await snap('scenario-detail-mobile')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})
