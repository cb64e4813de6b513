import { readFile } from 'node:fs/promises'
import type { Download, Page } from '@playwright/test'
import { apiAs, createPricedScenario, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

async function saved(download: Download): Promise<Buffer> {
  const path = await download.path()
  return readFile(path)
}

function reportRows(page: Page) {
  return page.getByTestId('report-row')
}

test('generate a PDF on the scenario page, watch it become ready by itself, download it', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Quarterly review')
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  const panel = page.getByRole('region', { name: 'Reports' })
  await expect(panel.getByRole('heading', { name: 'No reports yet' })).toBeVisible()
  await panel.getByRole('button', { name: 'Generate PDF' }).click()
  await expect(page.getByText('PDF report queued')).toBeVisible()
  await expect(reportRows(page)).toHaveCount(1)
  // No reload: the list polls while the report is queued or running.
  await expect(reportRows(page).first()).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  await expect(reportRows(page).first().getByTestId('report-status')).toHaveText('ready')
  await snap('scenario-reports')

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel.getByRole('button', { name: /^Download PDF report/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.pdf$/)
  const bytes = await saved(download)
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
  expect(bytes.length).toBeGreaterThan(1000)
})

test('a CSV report downloads with one row per service and usage type', async ({ page, request, account }) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'CSV export')
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await page.getByRole('button', { name: 'Generate CSV' }).click()
  await expect(reportRows(page).first()).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download CSV report/ }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/\.csv$/)
  const csv = (await saved(download)).toString('utf8')
  expect(csv).toMatch(/lambda/i)
  expect(csv.trim().split('\n').length).toBeGreaterThanOrEqual(3)
})

test('a CSV report with a what-if projection carries the 12 months asked for', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Growth plan')
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await page.getByLabel('Include a 12-month what-if projection').check()
  await page.getByLabel('Traffic scale (×)').fill('10')
  await page.getByLabel('Growth % / month').fill('5')
  await page.getByRole('button', { name: 'Generate CSV' }).click()
  await expect(reportRows(page).first()).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download CSV report/ }).click(),
  ])
  const csv = (await saved(download)).toString('utf8')
  const costs = await apiAs(
    request,
    account.accessToken,
    'get',
    `/api/v1/scenarios/${scenario.id}/costs?scale=10&growth_pct_per_month=5&months=12`,
  )
  // Month 12's usage factor: 10 × 1.05^11.
  expect(costs.what_if[11].usage_factor).toBe('17.103394')
  for (const month of costs.what_if as { month: number; usage_factor: string }[]) {
    expect(csv).toContain(month.usage_factor)
  }
})

test('the reports page lists every scenario’s reports and generates one for a picked scenario', async ({
  page,
  request,
  account,
  snap,
}) => {
  const first = await createPricedScenario(request, account.accessToken, 'Storefront')
  await createScenarioViaApi(request, account.accessToken, { name: 'Back office' })
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${first.id}/reports`, {
    format: 'csv',
  })
  await page.goto('/reports')
  await expect(reportRows(page)).toHaveCount(1)
  await expect(reportRows(page).first()).toContainText('Storefront')

  await page.getByRole('combobox', { name: 'Scenario' }).click()
  await page.getByRole('option', { name: 'Back office' }).click()
  await page.getByRole('button', { name: 'Generate PDF' }).click()
  await expect(reportRows(page)).toHaveCount(2)
  await expect(reportRows(page).filter({ hasText: 'Back office' })).toHaveAttribute('data-status', 'ready', {
    timeout: 20_000,
  })
  await expect(reportRows(page).filter({ hasText: 'Storefront' })).toHaveAttribute('data-status', 'ready')
  await snap('reports')
  await reportRows(page).filter({ hasText: 'Back office' }).getByRole('link', { name: 'Back office' }).click()
  await expect(page.getByRole('heading', { name: 'Back office', level: 1 })).toBeVisible()
})

test('generate buttons wait for a scenario to be picked', async ({ page, request, account }) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Only one' })
  await page.goto('/reports')
  await expect(page.getByRole('button', { name: 'Generate PDF' })).toBeDisabled()
  await expect(page.getByRole('button', { name: 'Generate CSV' })).toBeDisabled()
})

test('delete a report after confirming; cancelling keeps it', async ({ page, request, account }) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Cleanup')
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/reports`, {
    format: 'csv',
  })
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await expect(reportRows(page).first()).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  await page.getByRole('button', { name: /^Delete CSV report/ }).click()
  await page
    .getByRole('dialog', { name: 'Delete this report?' })
    .getByRole('button', { name: 'Cancel' })
    .click()
  await expect(reportRows(page)).toHaveCount(1)
  await page.getByRole('button', { name: /^Delete CSV report/ }).click()
  await page
    .getByRole('dialog', { name: 'Delete this report?' })
    .getByRole('button', { name: 'Delete report' })
    .click()
  await expect(page.getByText('Report deleted.')).toBeVisible()
  await expect(page.getByRole('region', { name: 'Reports' }).getByText('No reports yet')).toBeVisible()
})

test('a new user sees an empty reports page', async ({ page, snap }) => {
  await page.goto('/reports')
  await expect(page.getByRole('heading', { name: 'No reports yet' })).toBeVisible()
  await snap('reports-empty')
})

test('a download that fails shows the server’s message', async ({ page, request, account }) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Gone file')
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/reports`, {
    format: 'pdf',
  })
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  await expect(reportRows(page).first()).toHaveAttribute('data-status', 'ready', { timeout: 20_000 })
  await page.route('**/api/v1/reports/*/download', (route) =>
    route.fulfill({ status: 404, json: { error: 'not_found', message: 'Report not found.' } }),
  )
  await page.getByRole('button', { name: /^Download PDF report/ }).click()
  await expect(page.getByText('Report not found.')).toBeVisible()
})

test('the dashboard counts reports and lists them under recent activity', async ({
  page,
  request,
  account,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Activity feed')
  await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${scenario.id}/reports`, {
    format: 'pdf',
  })
  await page.goto('/')
  await expect(page.getByTestId('dashboard-reports')).toHaveText('1')
  const item = page.getByTestId('activity-item').filter({ hasText: 'PDF report of Activity feed' })
  await expect(item).toBeVisible()
  await expect(item.getByTestId('report-status')).toHaveText('ready', { timeout: 20_000 })
})
