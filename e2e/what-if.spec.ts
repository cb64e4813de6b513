import type { APIRequestContext } from '@playwright/test'
import { apiAs, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

const usd = (amount: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(amount))

/** A running scenario with observed SQS traffic (what-if scales observed usage, not line items). */
async function scenarioWithTraffic(request: APIRequestContext, token: string, name: string) {
  const scenario = await createScenarioViaApi(request, token, { name })
  await apiAs(request, token, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
    include_free_tier: false,
  })
  const events = Array.from({ length: 200 }, () => JSON.stringify({ type: 'sqs.send', bytes: 100_000 }))
  const res = await request.post('/api/v1/ingest', {
    headers: {
      authorization: `Bearer ${token}`,
      'x-scenario-id': scenario.id,
      'content-type': 'application/x-ndjson',
    },
    data: events.join('\n'),
  })
  expect(res.status()).toBe(200)
  return scenario
}

test('set scale 10 → the table shows 12 months priced like the API and the chart renders', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await scenarioWithTraffic(request, account.accessToken, 'Launch traffic')
  // Completed: the page stops polling, so the figures hold still while the test reads them.
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'completed',
  })
  await page.goto(`/scenarios/${scenario.id}?tab=what-if`)
  const panel = page.getByTestId('what-if-panel')
  const rows = panel.getByTestId('what-if-row')
  // Without growth the twelve equal months are one row, with the running total beside it.
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toContainText('1–12')
  await expect(rows.first()).toContainText('×1')

  await panel.getByLabel('Scale (× traffic)').fill('10')
  await expect(rows.first()).toContainText('×10')
  await expect(rows).toHaveCount(1)
  const expected = (await apiAs(
    request,
    account.accessToken,
    'get',
    `/api/v1/scenarios/${scenario.id}/costs?scale=10&months=12`,
  )) as { what_if: { total: string }[] }
  await expect(rows.first()).toContainText(usd(expected.what_if[0]?.total ?? ''))
  await expect(rows.first()).toContainText(usd(expected.what_if[11]?.total ?? ''))
  const year = expected.what_if.reduce((sum, m) => sum + Number(m.total), 0)
  await expect(panel.getByTestId('what-if-grand-total')).toHaveText(usd(year.toFixed(6)))
  await expect(rows.first()).toContainText('Amazon SQS')
  // A flat line has no height, so the chart is checked by its surface and a path through all 12 months.
  await expect(panel.locator('.recharts-surface').first()).toBeVisible()
  await expect(panel.locator('.recharts-line-curve')).toHaveAttribute('d', /^M[^M]*(L[^L]+){11}$/)

  // Growth compounds month by month: month 12 is 10 × 1.05^11 of the traffic.
  await panel.getByLabel('Growth % per month').fill('5')
  await expect(rows).toHaveCount(12)
  await expect(rows.nth(11)).toContainText('×17.1034')

  // Out of range: the field says so and the last valid table stays.
  await panel.getByLabel('Months').fill('40')
  await expect(panel.getByText('Must be from 1 to 36')).toBeVisible()
  await expect(rows).toHaveCount(12)
  await panel.getByLabel('Months').fill('24')
  await expect(rows).toHaveCount(24)
  await snap('scenario-what-if')
})

test('a ranged line item: enter {min, typical, max} instances and see the modelled min – max', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, { name: 'Autoscaling fleet' })
  await page.goto(`/scenarios/${scenario.id}`)
  await page
    .getByRole('button', { name: /Add (item|the first item)/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Add a line item' })
  await dialog.getByRole('combobox', { name: 'Service' }).click()
  await page.getByRole('option', { name: 'Amazon EC2', exact: true }).click()
  await dialog.getByRole('combobox', { name: 'Instance type' }).click()
  await page.getByRole('option', { name: 'm5.large', exact: true }).click()
  await dialog.getByLabel('Instances').fill('4')
  const instances = dialog.getByRole('switch', { name: 'Range' }).first()
  await instances.check({ force: true })
  await dialog.getByLabel('Instances min').fill('5')
  await expect(dialog.getByText('Needs min ≤ typical ≤ max')).toBeVisible()
  await dialog.getByLabel('Instances min').fill('2')
  await dialog.getByLabel('Instances max').fill('10')
  await expect(dialog.getByText('Needs min ≤ typical ≤ max')).toBeHidden()
  await dialog.getByRole('button', { name: 'Add item' }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByTestId('line-item-row')).toContainText('Instances: 2–10 (typical 4)')
  const costs = (await apiAs(
    request,
    account.accessToken,
    'get',
    `/api/v1/scenarios/${scenario.id}/costs`,
  )) as {
    modelled_range: { min: string; max: string }
  }
  await expect(page.getByTestId('cost-range-modelled')).toHaveText(
    `${usd(costs.modelled_range.min)} – ${usd(costs.modelled_range.max)}`,
  )
  await expect(page.getByTestId('cost-range-percentiles')).toBeVisible()
})
