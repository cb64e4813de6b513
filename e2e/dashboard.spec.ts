import { apiAs, createPricedScenario, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

test('monthly cost per tag, never summed across alternatives, and the costliest scenarios', async ({
  page,
  request,
  account,
  snap,
}) => {
  const small = await createPricedScenario(request, account.accessToken, 'Small shop')
  const big = await createPricedScenario(request, account.accessToken, 'Big shop', 20_000_000)
  await createScenarioViaApi(request, account.accessToken, { name: 'Idle' })
  for (const { id } of [small, big]) {
    await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${id}`, { tags: ['shop'] })
  }
  await page.goto('/')
  await expect(page.getByTestId('dashboard-scenarios')).toHaveText('3')
  await expect(page.getByTestId('dashboard-top-cost')).toHaveText('$70.67')
  // The tag sums its two scenarios ($35.3334 + $70.6668), computed by the server in decimals.
  const groups = page.getByTestId('dashboard-group-row')
  await expect(groups).toHaveCount(2)
  await expect(groups.first()).toContainText('shop')
  await expect(groups.first()).toContainText('2')
  await expect(groups.first()).toContainText('$106.00')
  await expect(groups.nth(1)).toContainText('Untagged')
  await expect(groups.nth(1)).toContainText('$0.00')
  const top = page.getByTestId('top-scenario-row')
  await expect(top).toHaveCount(2)
  await expect(top.first()).toContainText('Big shop')
  await expect(top.first()).toContainText('$70.67')
  await expect(top.nth(1)).toContainText('Small shop')
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await snap('dashboard')
  await top.first().getByRole('link', { name: 'Big shop' }).click()
  await expect(page.getByRole('heading', { name: 'Big shop', level: 1 })).toBeVisible()
})

test('a new user sees an empty dashboard whose quick action creates a scenario', async ({ page, snap }) => {
  await page.goto('/')
  await expect(page.getByRole('heading', { name: 'No scenarios yet' })).toBeVisible()
  await expect(page.getByTestId('dashboard-top-cost')).toHaveText('$0.00')
  await snap('dashboard-empty')
  await page.getByRole('group', { name: 'Quick actions' }).getByRole('link', { name: 'New scenario' }).click()
  await expect(page.getByRole('dialog', { name: 'New scenario' })).toBeVisible()
})

test('quick actions lead to compare, reports and a new schedule', async ({ page }) => {
  await page.goto('/')
  const actions = page.getByRole('group', { name: 'Quick actions' })
  await actions.getByRole('link', { name: 'Compare' }).click()
  await expect(page.getByRole('heading', { name: 'Compare scenarios', level: 1 })).toBeVisible()
  await page.goBack()
  await actions.getByRole('link', { name: 'Reports' }).click()
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()
  await page.goBack()
  await actions.getByRole('link', { name: 'Schedule a report' }).click()
  await expect(page.getByRole('dialog', { name: 'New schedule' })).toBeVisible()
})

test('ingested events show up under recent activity with their count', async ({ page, request, account }) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Live traffic' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  const res = await request.post('/api/v1/ingest', {
    headers: {
      authorization: `Bearer ${account.accessToken}`,
      'x-scenario-id': scenario.id,
      'content-type': 'application/x-ndjson',
    },
    data: ['one', 'two', 'three'].map((message) => JSON.stringify({ type: 'log', message })).join('\n'),
  })
  expect(res.status()).toBe(200)
  await page.goto('/')
  await expect(page.getByTestId('dashboard-running')).toHaveText('1')
  await expect(page.getByTestId('activity-item').filter({ hasText: 'Live traffic' })).toContainText(
    '3 events ingested into Live traffic',
  )
})
