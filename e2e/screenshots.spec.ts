/**
 * A screenshot of every page in light and dark mode (e2e/screenshots/<page>-<scheme>.png), with data on it.
 */
import type { Page } from '@playwright/test'
import { apiAs, createPricedScenario, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

for (const colorScheme of ['light', 'dark'] as const) {
  test(`every page in ${colorScheme} mode`, async ({ page, browser, request, account, snap }, testInfo) => {
    // Fourteen pages, a report to wait for and two guest pages: a minute was too short on a loaded CI machine.
    test.setTimeout(120_000)
    const today = await createPricedScenario(request, account.accessToken, 'Checkout today')
    const peak = await createPricedScenario(request, account.accessToken, 'Checkout at peak', 20_000_000)
    await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${today.id}/reports`, {
      format: 'pdf',
    })
    await apiAs(request, account.accessToken, 'post', '/api/v1/report-schedules', {
      name: 'Monday summary',
      scenario_ids: [today.id, peak.id],
      formats: ['pdf', 'csv'],
      frequency: 'weekly',
      day_of_week: 1,
      hour: 8,
      minute: 0,
      timezone: 'Europe/Rome',
      recipients: ['finance@example.com'],
    })
    await page.emulateMedia({ colorScheme })
    const shoot = async (name: string, path: string, ready: (p: Page) => Promise<void>) => {
      await page.goto(path)
      await ready(page)
      await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme)
      await snap(`${name}-${colorScheme}`)
    }
    const heading = (name: string) => (p: Page) =>
      expect(p.getByRole('heading', { name, level: 1 })).toBeVisible()

    await shoot('dashboard', '/', async (p) => {
      await expect(p.getByTestId('top-scenario-row')).toHaveCount(2)
    })
    await shoot('scenarios', '/scenarios', async (p) => {
      await expect(p.getByTestId('scenario-row')).toHaveCount(2)
    })
    await shoot('scenario-detail', `/scenarios/${today.id}`, async (p) => {
      await expect(p.getByTestId('line-item-row')).not.toHaveCount(0)
      await expect(p.getByTestId('cost-total')).toHaveText(/^\$/)
    })
    await shoot('scenario-sharing', `/scenarios/${today.id}?tab=sharing`, async (p) => {
      await expect(p.getByTestId('report-row').first()).toHaveAttribute('data-status', 'ready', {
        timeout: 20_000,
      })
    })
    await shoot('compare', `/compare?ids=${today.id},${peak.id}`, async (p) => {
      await expect(p.getByTestId('total-delta')).toHaveText('+$35.33')
    })
    await shoot('reports', '/reports', async (p) => {
      await expect(p.getByTestId('report-row')).toHaveCount(1)
    })
    await shoot('schedules', '/schedules', async (p) => {
      await expect(p.getByTestId('schedule-row')).toHaveCount(1)
    })
    await shoot('schedule-form', '/schedules?new=1', async (p) => {
      await expect(p.getByTestId('schedule-preview')).toContainText('next:')
    })
    await shoot('api-keys', '/api-keys', heading('API keys'))
    await shoot('profile', '/profile', heading('Profile'))
    await shoot('not-found', '/no-such-page', async (p) => {
      await expect(p.getByRole('heading', { level: 1 })).toBeVisible()
    })

    const guest = await browser.newContext({
      baseURL: testInfo.project.use.baseURL,
      storageState: undefined,
      colorScheme,
    })
    const guestPage = await guest.newPage()
    for (const [name, path, button] of [
      ['login', '/login', 'Sign in'],
      ['register', '/register', 'Create account'],
    ] as const) {
      await guestPage.goto(path)
      await expect(guestPage.getByRole('button', { name: button })).toBeVisible()
      await guestPage.screenshot({
        path: testInfo
          .outputPath(`${name}-${colorScheme}.png`)
          .replace(/.*/, snapPath(`${name}-${colorScheme}`)),
        fullPage: true,
      })
    }
    await guest.close()
  })
}

function snapPath(name: string): string {
  return new URL(`./screenshots/${name}.png`, import.meta.url).pathname
}
