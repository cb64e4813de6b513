/**
 * One test per bug found so far, so none comes back. Each names the bug it guards against.
 */
import type { Response } from '@playwright/test'
import {
  apiAs,
  createPricedScenario,
  createScenarioViaApi,
  expect,
  expectSignedIn,
  newAccount,
  test,
} from './fixtures.js'

test.use({ freshAccount: true })

test('a reload keeps the session on every page (the access token lives in memory only)', async ({ page }) => {
  for (const [path, heading] of [
    ['/reports', 'Reports'],
    ['/schedules', 'Schedules'],
    ['/compare', 'Compare scenarios'],
    ['/profile', 'Profile'],
  ] as const) {
    await page.goto(path)
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    await page.reload()
    await expectSignedIn(page)
    await expect(page).toHaveURL(new RegExp(`${path}$`))
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
  }
})

test('deleting a scenario from its page never refetches it (the 404 flash of part 1)', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Race me')
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await expect(page.getByRole('heading', { name: 'Race me', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Reports' })).toBeVisible()
  const notFound: string[] = []
  const watch = (res: Response) => {
    if (res.url().includes(scenario.id) && res.status() === 404) notFound.push(res.url())
  }
  page.on('response', watch)
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
  await expect(page.getByText('Scenario not found')).toHaveCount(0)
  // Every request the page still makes after the delete has been answered (no request for 500 ms).
  await page.waitForLoadState('networkidle')
  page.off('response', watch)
  expect(notFound).toEqual([])
})

test('two tabs reloading at once both stay signed in (refresh-token reuse detection)', async ({
  context,
}) => {
  const first = await context.newPage()
  const second = await context.newPage()
  await Promise.all([first.goto('/scenarios'), second.goto('/reports')])
  await Promise.all([expectSignedIn(first), expectSignedIn(second)])
  await Promise.all([first.reload(), second.reload()])
  await Promise.all([expectSignedIn(first), expectSignedIn(second)])
  await first.reload()
  await expectSignedIn(first)
})

test('an expired access token is refreshed and the request replayed (a laptop that slept)', async ({
  page,
  request,
  account,
}) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'After sleep' })
  let refused = false
  await page.route('**/api/v1/scenarios?*', (route) => {
    if (refused) return route.fallback()
    refused = true
    return route.fulfill({ status: 401, json: { error: 'unauthorized', message: 'Token expired.' } })
  })
  await page.goto('/scenarios')
  await expect(page.getByTestId('scenario-row')).toHaveCount(1)
  expect(refused).toBe(true)
  await expectSignedIn(page)
})

test('changing the password keeps this session and signs out every other one', async ({
  page,
  browser,
  account,
}, testInfo) => {
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: undefined })
  const login = await other.request.post('/api/v1/auth/login', {
    data: { email: account.email, password: account.password },
  })
  expect(login.status()).toBe(200)
  const otherPage = await other.newPage()
  await otherPage.goto('/profile')
  await expectSignedIn(otherPage)

  await page.goto('/profile')
  await page.getByLabel('Current password').fill(account.password)
  await page.getByLabel('New password').fill('another-pass-42')
  await page.getByRole('button', { name: 'Change password' }).click()
  await expect(page.getByText('Password changed.')).toBeVisible()
  await expectSignedIn(page)
  await page.goto('/api-keys')
  await expect(page.getByRole('heading', { name: 'API keys', level: 1 })).toBeVisible()
  await page.reload()
  await expectSignedIn(page)

  await otherPage.reload()
  await expect(otherPage).toHaveURL(/\/login\?next=%2Fprofile/)
  await other.close()
})

test('report polling stops once every report is ready (no endless refetching)', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Quiet after')
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/reports`, {
    format: 'csv',
  })
  // The page's timers run on Playwright's clock: real time until the report is ready, then the clock jumps a
  // minute ahead, firing every timer due by then (a polling interval among them) instead of waiting for it.
  await page.clock.install()
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await expect(page.getByTestId('report-row').first()).toHaveAttribute('data-status', 'ready', {
    timeout: 20_000,
  })
  const polls: string[] = []
  page.on('request', (req) => {
    if (req.url().includes(`/scenarios/${scenario.id}/reports`)) polls.push(req.url())
  })
  await page.clock.fastForward(60_000)
  // Requests are reported in the order the page makes them: once this one is seen, a poll fired by the jump
  // would have been seen too.
  const marker = page.waitForRequest((req) => req.url().endsWith('/health'))
  await page.evaluate(() => fetch('/health'))
  await marker
  expect(polls).toEqual([])
})

test('the login page downloads none of the pages behind it (code splitting)', async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, storageState: undefined })
  const page = await context.newPage()
  const scripts: string[] = []
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname)
  })
  await page.goto('/login')
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
  expect(scripts.length).toBeGreaterThan(0)
  expect(scripts.filter((s) => /\/(charts|dashboard|scenario-detail|schedules|compare)-/.test(s))).toEqual([])
  await context.close()
})

test('a compare link with malformed ids asks for scenarios instead of failing', async ({ page }) => {
  await page.goto('/compare?ids=not-a-uuid,also-bad')
  await expect(page.getByRole('heading', { name: 'Compare scenarios', level: 1 })).toBeVisible()
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('signing out and in as someone else never shows the previous user’s data', async ({
  page,
  request,
  account,
}) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Private to the first user' })
  await page.goto('/')
  await expect(page.getByTestId('scenario-row')).toHaveCount(1)
  const second = newAccount()
  const res = await request.post('/api/v1/auth/register', {
    data: { email: second.email, password: second.password, full_name: second.fullName },
  })
  expect(res.status()).toBe(201)
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: 'Log out' }).click()
  await expect(page).toHaveURL(/\/login/)
  await page.getByLabel('Email').fill(second.email)
  await page.getByLabel(/^Password/).fill(second.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('heading', { name: 'No scenarios yet' })).toBeVisible()
  await expect(page.getByText('Private to the first user')).toHaveCount(0)
})

test('stored bytes that are not whole GB raise no false "not priced" warning (exact stock usage)', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Exact storage' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  const { key } = (await apiAs(request, account.accessToken, 'post', '/api/v1/api-keys', {
    name: 'exact storage',
    scopes: ['write:ingest'],
  })) as { key: string }
  // 3,000 GiB and 125,000 bytes = 3000.000000116415321826934814453125 GB: pricing it at 20 significant digits
  // left ~3e-18 GB-month above the bands, shown as "not priced: s3.storage_gb_month".
  const events = [
    ...Array.from({ length: 600 }, () => ({ type: 's3.put', bytes: 5 * 1024 ** 3 })),
    { type: 's3.put', bytes: 125_000 },
  ]
  const sent = await request.post('/api/v1/ingest', {
    headers: { 'x-api-key': key, 'x-scenario-id': scenario.id },
    data: { events },
  })
  expect(sent.status()).toBe(200)
  const costs = await apiAs(request, account.accessToken, 'get', `/api/v1/scenarios/${scenario.id}/costs`)
  expect(costs.total_monthly.unpriced).toEqual([])
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByTestId('cost-observed')).toHaveText(/\$/)
  await expect(page.getByText('Not priced in this region')).toHaveCount(0)
})
