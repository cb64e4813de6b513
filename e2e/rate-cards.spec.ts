import { apiAs, createPricedScenario, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

const usd = (amount: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(Number(amount))

test('a 50% discount on the scenario’s service halves its cost and says so; opting out restores it', async ({
  page,
  request,
  account,
  snap,
}) => {
  // Three page loads and a save: give a loaded machine room (the first load fetches the page's chunks).
  test.slow()
  const scenario = await createPricedScenario(request, account.accessToken, 'Rate card journey')
  const costsUrl = `/api/v1/scenarios/${scenario.id}/costs`
  const full = (
    (await apiAs(request, account.accessToken, 'get', costsUrl)) as { total_monthly: { total: string } }
  ).total_monthly.total
  await page.goto(`/scenarios/${scenario.id}`)
  await expect(page.getByTestId('cost-total')).toHaveText(usd(full), { timeout: 30_000 })
  await expect(page.getByTestId('cost-assumptions')).toContainText('Rate card not applied')

  await page.getByRole('link', { name: 'Rate card' }).click()
  await expect(page.getByRole('heading', { name: 'Rate card', level: 1 })).toBeVisible({ timeout: 30_000 })
  await expect(page.getByText('Pricing snapshots')).toBeVisible()
  await page.getByRole('button', { name: 'Add rule' }).click()
  await page.getByLabel('Percent or price of rule 1').fill('50')
  await page.getByRole('combobox', { name: 'Service of rule 1' }).click()
  await page.getByRole('option', { name: 'lambda', exact: true }).click()
  await page.getByRole('button', { name: 'Save rate card' }).click()
  await expect(page.getByText('Rate card saved.')).toBeVisible()
  await snap('rate-card')

  await page.goto(`/scenarios/${scenario.id}`)
  const half = (
    (await apiAs(request, account.accessToken, 'get', costsUrl)) as { total_monthly: { total: string } }
  ).total_monthly.total
  // AWS's Lambda example: $2.00 of requests + $33.3334 of GB-seconds, each band price halved.
  expect(Number(half) * 2).toBeCloseTo(Number(full), 6)
  await expect(page.getByTestId('cost-total')).toHaveText(usd(half), { timeout: 30_000 })
  await expect(page.getByLabel('Assumptions')).toContainText('Rate card: 50% discount on lambda')
  await expect(page.getByTestId('cost-assumptions')).toContainText('Rate card applied')

  await page.getByLabel('Apply my rate card').click()
  await expect(page.getByTestId('cost-total')).toHaveText(usd(full))
  await expect(page.getByLabel('Assumptions')).toContainText('this scenario opts out')
})
