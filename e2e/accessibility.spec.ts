/**
 * Every page, in light and dark mode, has no serious or critical WCAG 2.1 A/AA violation found by axe-core
 * (injected into the page by @axe-core/playwright).
 */
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { apiAs, createPricedScenario, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** The serious and critical violations of the page as it is now, one line per rule with its first targets. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map(
            (n) =>
              `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n')[1]?.trim()}]` : ''}`,
          )
          .join('; ')}`,
    )
}

async function check(p: Page, path: string, colorScheme: string, ready: (p: Page) => Promise<void>) {
  await p.goto(path)
  await ready(p)
  await expect(p.locator('html')).toHaveAttribute('data-mantine-color-scheme', colorScheme)
  return seriousViolations(p)
}

const heading = (name: string | RegExp) => (p: Page) =>
  expect(p.getByRole('heading', { name, level: 1 })).toBeVisible()

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} mode`, () => {
    test.use({ colorScheme })

    test('the signed-in pages have no serious axe violation', async ({ page, request, account }) => {
      test.setTimeout(240_000)
      const today = await createPricedScenario(request, account.accessToken, 'Checkout today')
      const peak = await createPricedScenario(request, account.accessToken, 'Checkout at peak', 20_000_000)
      await apiAs(request, account.accessToken, 'post', `/api/v1/scenarios/${peak.id}/items`, {
        service: 'ec2',
        params: { instance_type: 'm5.large', count: 2, hours: 730 },
      })
      const budget = await request.put(`/api/v1/scenarios/${today.id}/budget`, {
        headers: { authorization: `Bearer ${account.accessToken}` },
        data: { monthly_budget: '25' },
      })
      expect(budget.status()).toBe(200)
      await apiAs(request, account.accessToken, 'post', '/api/v1/report-schedules', {
        name: 'Monday summary',
        scenario_ids: [today.id],
        formats: ['pdf'],
        frequency: 'weekly',
        day_of_week: 1,
        hour: 8,
        minute: 0,
        timezone: 'Europe/Rome',
        recipients: ['finance@example.com'],
      })
      const pages: [string, string, (p: Page) => Promise<void>][] = [
        ['dashboard', '/', (p) => expect(p.getByTestId('top-scenario-row')).toHaveCount(2)],
        ['scenarios list', '/scenarios', (p) => expect(p.getByTestId('scenario-row')).toHaveCount(2)],
        // The scenario page holds the cost summary, line items, what-if, budget, share links and reports.
        [
          'scenario page (what-if, budget)',
          `/scenarios/${today.id}`,
          async (p) => {
            await expect(p.getByRole('heading', { name: 'Checkout today', level: 1 })).toBeVisible()
            await expect(p.getByText(/what-if/i).first()).toBeVisible()
            await expect(p.getByText(/budget/i).first()).toBeVisible()
          },
        ],
        [
          'scenario what-if tab (purchase options)',
          `/scenarios/${peak.id}?tab=what-if`,
          async (p) => {
            await expect(p.getByTestId('purchase-option-row')).toHaveCount(1)
            await expect(p.getByTestId('purchase-option-not-covered')).toHaveCount(1)
          },
        ],
        [
          'scenario settings (free-tier offers)',
          `/scenarios/${today.id}`,
          async (p) => {
            await p.getByRole('button', { name: 'Settings' }).click()
            // The scenario has no free tier; switched on (not saved), the dialog lists its offers.
            await p.getByRole('switch', { name: 'Apply the AWS free tier' }).check()
            await expect(p.getByRole('checkbox', { name: /Lambda: 1,000,000 requests/ })).toBeChecked()
            await expect(p.getByRole('switch', { name: 'Legacy 12-month free tier' })).toBeVisible()
          },
        ],
        [
          'compare',
          `/compare?ids=${today.id},${peak.id}`,
          (p) => expect(p.getByTestId('total-delta')).toBeVisible(),
        ],
        ['reports', '/reports', heading('Reports')],
        ['schedules', '/schedules', (p) => expect(p.getByTestId('schedule-row')).toHaveCount(1)],
        ['api keys', '/api-keys', heading('API keys')],
        ['rate card', '/rate-card', heading(/rate card/i)],
        ['settings (profile)', '/profile', heading('Profile')],
      ]
      const found: Record<string, string[]> = {}
      for (const [name, path, ready] of pages) {
        const violations = await check(page, path, colorScheme, ready)
        if (violations.length > 0) found[name] = violations
      }
      expect(found, 'serious or critical axe violations per page').toEqual({})
    })

    test('the signed-out pages have no serious axe violation', async ({
      browser,
      request,
      account,
    }, testInfo) => {
      test.setTimeout(120_000)
      const today = await createPricedScenario(request, account.accessToken, 'Checkout today')
      const link = (await apiAs(
        request,
        account.accessToken,
        'post',
        `/api/v1/scenarios/${today.id}/share-links`,
        {
          expires_days: 7,
        },
      )) as { token: string }
      const guest = await browser.newContext({
        baseURL: testInfo.project.use.baseURL,
        storageState: undefined,
        colorScheme,
      })
      const p = await guest.newPage()
      const found: Record<string, string[]> = {}
      for (const [name, path, ready] of [
        ['sign-in', '/login', (q: Page) => expect(q.getByRole('button', { name: 'Sign in' })).toBeVisible()],
        [
          'register',
          '/register',
          (q: Page) => expect(q.getByRole('button', { name: 'Create account' })).toBeVisible(),
        ],
        ['shared page', `/shared/${link.token}`, heading('Checkout today')],
      ] as const) {
        const violations = await check(p, path, colorScheme, ready)
        if (violations.length > 0) found[name] = violations
      }
      await guest.close()
      expect(found, 'serious or critical axe violations per page').toEqual({})
    })
  })
}
