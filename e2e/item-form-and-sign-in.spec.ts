/**
 * The sign-in page says what the product is and the app has a favicon; the item form's service picker is
 * searchable, grouped by category, and numbers take "10M"; the create dialog shows region coverage.
 * Screenshots at 1280 px and 390 px (e2e/screenshots/).
 */
import type { Page } from '@playwright/test'
import { createScenarioViaApi, expect, test } from './fixtures.js'

/** The scenario page at a phone or desktop width, its "Add a line item" dialog open. */
async function openItemForm(page: Page, scenarioId: string, width: number) {
  await page.setViewportSize({ width, height: width === 390 ? 844 : 900 })
  await page.goto(`/scenarios/${scenarioId}`)
  await page.getByRole('button', { name: 'Add item' }).click()
  const dialog = page.getByRole('dialog', { name: 'Add a line item' })
  return { dialog, picker: dialog.getByRole('combobox', { name: 'Service' }) }
}

test.describe('signed out', () => {
  test.use({ signedIn: false, storageState: { cookies: [], origins: [] } })

  test('the sign-in page says what mockupAWS is and the favicon is served', async ({
    page,
    request,
    snap,
  }) => {
    await page.goto('/login')
    await expect(page.getByTestId('product-tagline')).toContainText('self-hosted AWS cost simulator')
    const icon = await page.locator('link[rel="icon"]').getAttribute('href')
    expect(icon).toBe('/favicon.svg')
    const res = await request.get(icon ?? '')
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toContain('image/svg+xml')
    await snap('sign-in-1280')
    await page.setViewportSize({ width: 390, height: 844 })
    await snap('sign-in-390')
  })
})

test('the item form finds services by what they do and reads 10M', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, {
    name: 'Picker',
    region: 'ap-east-2',
  })
  for (const width of [1280, 390]) {
    const { dialog, picker } = await openItemForm(page, scenario.id, width)
    await expect(picker).not.toHaveValue('')
    await picker.click()
    await expect(page.getByRole('option').first()).toBeVisible()
    await snap(`item-form-picker-${width}`)
    await picker.fill('websocket')
    await expect(page.getByRole('option', { name: /API Gateway/ })).toBeVisible()
    await page.getByRole('option', { name: /API Gateway/ }).click()
    await dialog.getByRole('combobox', { name: 'API type' }).click()
    await page.getByRole('option', { name: 'http', exact: true }).click()
    const requests = dialog.getByRole('textbox', { name: /Requests/ })
    await requests.fill('10M')
    await expect(dialog.getByText('= 10,000,000')).toBeVisible()
    // Taipei has no HTTP API price (no rate map lists it; SES, the example before, is not sold there at all): said
    // before saving, and the figure is "No price", never $0.00.
    await expect(dialog.getByTestId('missing-prices')).toContainText('can still be saved')
    await expect(dialog.getByTestId('item-preview-cost')).toHaveText('No price in ap-east-2')
    // Once priced, the warning names the price this item needs (HTTP requests), not the REST or WebSocket rates.
    await expect(dialog.getByTestId('missing-prices')).toContainText('for apigw.requests.http. The item')
    await snap(`item-form-${width}`)
    await page.keyboard.press('Escape')
  }
})

test('the item form prices a current Bedrock model found by its name', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createScenarioViaApi(request, account.accessToken, {
    name: 'LLM chat',
    region: 'us-east-1',
  })
  for (const width of [1280, 390]) {
    const { dialog, picker } = await openItemForm(page, scenario.id, width)
    await picker.click()
    await picker.fill('bedrock')
    await page.getByRole('option', { name: /Amazon Bedrock/ }).click()
    const model = dialog.getByRole('combobox', { name: 'Model' })
    await model.click()
    await model.fill('sonnet 4.5')
    await expect(page.getByRole('option', { name: /Claude Sonnet 4\.5/ })).toBeVisible()
    await snap(`item-form-bedrock-models-${width}`)
    await page.getByRole('option', { name: /Claude Sonnet 4\.5/ }).click()
    await dialog.getByRole('textbox', { name: /Input tokens/ }).fill('1M')
    await dialog.getByRole('textbox', { name: /Output tokens/ }).fill('1M')
    // bedrock-price-list-2026-10: us-east-1 in-Region rates $0.0033 and $0.0165 per 1,000 tokens
    await expect(dialog.getByTestId('item-preview-cost')).toHaveText('$19.80 / month')
    await snap(`item-form-bedrock-${width}`)
    await page.keyboard.press('Escape')
  }
})

test('the create dialog says how complete each region is', async ({ page, snap }) => {
  await page.goto('/scenarios?new=1')
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText(/^Prices: /)).toBeVisible()
  await dialog.getByRole('combobox', { name: 'Region' }).click()
  await expect(page.getByRole('option').first()).toContainText(/all prices|services fully priced|no prices/)
  await snap('create-scenario-regions-1280')
})

test("the rate card's override picks its usage type from a searchable list", async ({ page, snap }) => {
  await page.goto('/rate-card')
  await page.getByRole('button', { name: 'Add rule' }).click()
  const rule = page.getByTestId('rate-card-rule').last()
  await rule.getByLabel(/^Kind of/).click()
  await page.getByRole('option', { name: /override/i }).click()
  const usageType = rule.getByLabel(/^Usage type of/)
  await usageType.click()
  await usageType.fill('storage_gb_month')
  await expect(page.getByRole('option', { name: 's3.storage_gb_month', exact: true })).toBeVisible()
  await snap('rate-card-usage-type-1280')
  await page.getByRole('option', { name: 's3.storage_gb_month', exact: true }).click()
  await expect(usageType).toHaveValue('s3.storage_gb_month')
})
