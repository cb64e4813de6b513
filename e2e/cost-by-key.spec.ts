import { apiAs, createScenarioViaApi, expect, test } from './fixtures.js'

const invoke = { type: 'lambda.invoke', duration_ms: 900_000, memory_mb: 10_240, architecture: 'x86_64' }

test('the scenario shows which API key drives the ingested cost', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'per-key spend' })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
    include_free_tier: false,
  })
  const keyFor = async (name: string) =>
    (
      await apiAs(request, account.accessToken, 'post', '/api/v1/api-keys', {
        name,
        scopes: ['write:ingest'],
      })
    ).key as string
  const send = async (key: string, events: number) => {
    const res = await request.post('/api/v1/ingest', {
      headers: { 'x-api-key': key, 'x-scenario-id': scenario.id },
      data: { events: Array.from({ length: events }, () => invoke) },
    })
    expect(res.status()).toBe(200)
  }

  await page.goto(`/scenarios/${scenario.id}?tab=usage`)
  await expect(page.getByText('No ingested usage yet')).toBeVisible()
  await send(await keyFor('checkout-service'), 3)
  await send(await keyFor('search-service'), 1)

  // The panel polls while the scenario runs: the heavier sender comes first with three quarters of the cost.
  const rows = page.getByTestId('cost-by-key-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(0)).toContainText('checkout-service')
  await expect(rows.nth(1)).toContainText('search-service')
  await expect(page.getByRole('progressbar', { name: /checkout-service: 75\.0%/ })).toBeVisible()
  await expect(page.getByRole('progressbar', { name: /search-service: 25\.0%/ })).toBeVisible()
  await snap('scenario-cost-by-key')
})
