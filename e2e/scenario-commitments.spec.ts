import { addItemViaApi, apiAs, createPricedScenario, expect, test } from './fixtures.js'

/*
 * Purchase options on the what-if tab and the per-offer free-tier switches of the settings dialog. Rates
 * (catalog, us-east-1): m5.large $0.096 an hour on demand, Standard RI 1 year No Upfront $0.06 an hour.
 */
test('purchase options compare on demand with a commitment; what no rate covers says "not covered", never $0', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Commitments')
  await addItemViaApi(request, account.accessToken, scenario.id, 'ec2', {
    instance_type: 'm5.large',
    count: 2,
    hours: 730,
  })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`/scenarios/${scenario.id}?tab=what-if`)
  const panel = page.getByTestId('purchase-options')
  const table = panel.getByRole('table', { name: 'Purchase options' })
  // 2 × 730 h × $0.096 = $140.16 on demand; × $0.06 = $87.60 under the RI; 12 months save $630.72.
  const ec2 = table.getByTestId('purchase-option-row')
  await expect(ec2).toHaveCount(1)
  await expect(ec2).toContainText('2 × 730 h')
  await expect(ec2).toContainText('$140.16')
  await expect(ec2).toContainText('$87.60')
  await expect(ec2).toContainText('$630.72')
  const lambda = panel.getByTestId('purchase-option-not-covered')
  await expect(lambda).toContainText('Not covered')
  await expect(lambda).toContainText('stays on demand')
  await expect(lambda).not.toContainText('$')
  await snap('webux-purchase-options-1280')

  // Spot at 70 % off: $140.16 × 0.3 = $42.05 a month, no upfront.
  await panel.getByRole('combobox', { name: 'Commitment' }).click()
  await page.getByRole('option', { name: 'Spot', exact: true }).click()
  const discount = panel.getByRole('textbox', { name: 'Spot discount (%)' })
  await discount.fill('70')
  await expect(ec2).toContainText('$42.05')
  await expect(panel.getByRole('combobox', { name: 'Term' })).toHaveCount(0)

  // No bundled Compute Savings Plan rate for m5.large in us-east-1: the row says so and names the missing rate.
  await panel.getByRole('combobox', { name: 'Commitment' }).click()
  await page.getByRole('option', { name: 'Compute Savings Plan', exact: true }).click()
  const unrated = panel
    .getByTestId('purchase-option-not-covered')
    .filter({ hasText: 'ec2.savings_plan_hours.compute_1y_no_upfront.m5.large' })
  await expect(unrated).toContainText('No sourced Compute Savings Plan rate in us-east-1 yet')
  await expect(unrated).not.toContainText('$')

  await page.setViewportSize({ width: 390, height: 844 })
  await panel.scrollIntoViewIfNeeded()
  await snap('webux-purchase-options-390')
})

test('switching one free-tier offer off in the settings raises the modelled cost', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = (await apiAs(request, account.accessToken, 'post', '/api/v1/scenarios', {
    name: 'Free tier offers',
    region: 'us-east-1',
  })) as { id: string }
  // 3 M requests: 2 M billable at $0.20 per million with the free million, 3 M without it; the
  // GB-seconds (3 M × 0.1 s × 0.125 GB = 37,500) stay inside the free 400,000.
  await addItemViaApi(request, account.accessToken, scenario.id, 'lambda', {
    invocations: 3_000_000,
    avg_duration_ms: 100,
    memory_mb: 128,
  })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByTestId('cost-modelled')).toHaveText('$0.40')

  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Scenario settings' })
  const requests = dialog.getByRole('checkbox', { name: /Lambda: 1,000,000 requests a month/ })
  await expect(requests).toBeChecked()
  await expect(dialog.getByRole('checkbox', { name: /Lambda: 400,000 GB-seconds/ })).toBeChecked()
  // The legacy 12-month offers are listed only once that tier is on; RDS is not used here anyway.
  await expect(dialog.getByRole('switch', { name: 'Legacy 12-month free tier' })).not.toBeChecked()
  await requests.uncheck()
  await snap('webux-free-tier-offers-1280')
  await dialog.getByRole('button', { name: 'Save settings' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('cost-modelled')).toHaveText('$0.60')
  const saved = await apiAs(request, account.accessToken, 'get', `/api/v1/scenarios/${scenario.id}`)
  expect(saved.free_tier_disabled_offers).toEqual(['lambda:lambda.requests'])

  await page.setViewportSize({ width: 390, height: 844 })
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(dialog.getByRole('checkbox', { name: /Lambda: 1,000,000 requests a month/ })).not.toBeChecked()
  await snap('webux-free-tier-offers-390')
})
