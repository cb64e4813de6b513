import type { Page } from '@playwright/test'
import { apiAs, createPricedScenario, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

async function pickScenario(page: Page, name: string) {
  await page.getByRole('combobox', { name: 'Scenarios' }).click()
  await page.getByRole('option', { name, exact: true }).click()
}

test('compare two scenarios and read the delta against the first', async ({
  page,
  request,
  account,
  snap,
}) => {
  // 10 M vs 20 M Lambda requests of AWS's worked example: $35.33 vs $70.67 a month.
  await createPricedScenario(request, account.accessToken, 'Today')
  await createPricedScenario(request, account.accessToken, 'Black Friday', 20_000_000)
  await page.goto('/compare')
  await expect(page.getByText('Pick at least two scenarios')).toBeVisible()
  await pickScenario(page, 'Today')
  await pickScenario(page, 'Black Friday')
  await page.keyboard.press('Escape')

  const table = page.getByTestId('compare-table')
  await expect(table.getByRole('columnheader', { name: 'Δ Black Friday' })).toBeVisible()
  const total = page.getByTestId('compare-total')
  await expect(total).toContainText('$35.33')
  await expect(total).toContainText('$70.67')
  await expect(page.getByTestId('total-delta')).toHaveText('+$35.33')
  // Services first, then their usage types by impact: GB-seconds moved more than requests.
  await expect(page.getByTestId('compare-service-row')).toHaveCount(1)
  await expect(page.getByTestId('compare-service-row')).toContainText('AWS Lambda')
  const usage = page.getByTestId('compare-usage-row')
  await expect(usage).toHaveCount(2)
  await expect(usage.first()).toContainText('+$33.33')
  await expect(usage.nth(1)).toContainText('+$2.00')
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await expect(page).toHaveURL(/\/compare\?ids=[0-9a-f-]{36}(%2C|,)[0-9a-f-]{36}$/)
  await snap('compare')
})

test('a shared comparison link opens the same comparison, and the first id is the base', async ({
  page,
  request,
  account,
}) => {
  const small = await createPricedScenario(request, account.accessToken, 'Small')
  const big = await createPricedScenario(request, account.accessToken, 'Big', 20_000_000)
  await page.goto(`/compare?ids=${big.id},${small.id}`)
  await expect(page.getByTestId('total-delta')).toHaveText('−$35.33')
  await expect(page.getByRole('columnheader', { name: 'Δ Small' })).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('total-delta')).toHaveText('−$35.33')
})

test('three scenarios get a delta column each against the first', async ({ page, request, account }) => {
  const a = await createPricedScenario(request, account.accessToken, 'One', 1_000_000)
  const b = await createPricedScenario(request, account.accessToken, 'Two', 2_000_000)
  const c = await createScenarioViaApi(request, account.accessToken, { name: 'Empty' })
  await page.goto(`/compare?ids=${a.id},${b.id},${c.id}`)
  await expect(page.getByTestId('total-delta')).toHaveCount(2)
  await expect(page.getByRole('columnheader', { name: 'Δ Two' })).toBeVisible()
  await expect(page.getByRole('columnheader', { name: 'Δ Empty' })).toBeVisible()
  await expect(page.getByTestId('total-delta').nth(1)).toHaveText(/^−\$/)
})

test('removing a scenario from the picker updates the link and asks for a second one', async ({
  page,
  request,
  account,
}) => {
  const a = await createPricedScenario(request, account.accessToken, 'Keep')
  const b = await createPricedScenario(request, account.accessToken, 'Drop')
  await page.goto(`/compare?ids=${a.id},${b.id}`)
  await expect(page.getByTestId('compare-table')).toBeVisible()
  // Backspace in the picker removes the last scenario, as in any tags field.
  await page.getByRole('combobox', { name: 'Scenarios' }).click()
  await page.keyboard.press('Backspace')
  await expect(page).toHaveURL(new RegExp(`ids=${a.id}$`))
  await expect(page.getByText('Pick at least two scenarios')).toBeVisible()
})

test('copy link puts the comparison URL on the clipboard', async ({ page, request, account }) => {
  const a = await createPricedScenario(request, account.accessToken, 'Left')
  const b = await createPricedScenario(request, account.accessToken, 'Right')
  await page.goto(`/compare?ids=${a.id},${b.id}`)
  await page.getByRole('button', { name: 'Copy link' }).click()
  await expect(page.getByText('Link to this comparison copied.')).toBeVisible()
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied).toMatch(new RegExp(`/compare\\?ids=${a.id},${b.id}$`))
})

test('a link naming a deleted scenario says so', async ({ page, request, account }) => {
  const a = await createPricedScenario(request, account.accessToken, 'Still here')
  const b = await createScenarioViaApi(request, account.accessToken, { name: 'Gone' })
  await apiAs(request, account.accessToken, 'delete', `/api/v1/scenarios/${b.id}`)
  await page.goto(`/compare?ids=${a.id},${b.id}`)
  await expect(page.getByRole('alert')).toContainText('A scenario in this comparison no longer exists')
})

test('with fewer than two scenarios the page explains what is needed', async ({ page, request, account }) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Lonely' })
  await page.goto('/compare')
  await expect(page.getByRole('heading', { name: 'Not enough scenarios' })).toBeVisible()
})
