import type { ConsoleMessage, Page } from '@playwright/test'
import { apiAs, createPricedScenario, expect, newAccount, test } from './fixtures.js'

/** Every console message of level warning or error, "Failed to load resource" (a 401, a 404) included. */
function consoleNoise(page: Page): string[] {
  const noise: string[] = []
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error' || msg.type() === 'warning') noise.push(`${msg.type()}: ${msg.text()}`)
  })
  return noise
}

test('the API docs carry the product name and load without CSP errors', async ({ page, snap }) => {
  const noise = consoleNoise(page)
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/docs')
  await expect(page).toHaveTitle(/mockupAWS/)
  await expect(page.getByRole('heading', { name: /mockupAWS API/ })).toBeVisible()
  await expect(page.locator('.topbar img')).toHaveAttribute('src', /^data:image\/svg\+xml/)
  await expect(page.getByText('/api/v1/scenarios/{id}/costs').first()).toBeVisible()
  await snap('webux-docs-1280')
  expect(noise).toEqual([])
})

test.describe('signed out', () => {
  test.use({ signedIn: false, storageState: { cookies: [], origins: [] } })

  test('sign-in, register and a public share page log nothing to the console (no 401 from a refresh)', async ({
    page,
    playwright,
    baseURL,
    snap,
  }) => {
    // The owner of the shared scenario works from their own API context: this browser stays signed out.
    const owner = await playwright.request.newContext({ baseURL })
    const account = newAccount()
    const registered = await owner.post('/api/v1/auth/register', {
      data: { email: account.email, password: account.password, full_name: account.fullName },
    })
    const token = (await registered.json()).access_token as string
    const scenario = await createPricedScenario(owner, token, 'Shared quietly')
    const link = await apiAs(owner, token, 'post', `/api/v1/scenarios/${scenario.id}/share-links`, {
      expires_days: 7,
    })
    await owner.dispose()

    const noise = consoleNoise(page)
    const unauthorised: string[] = []
    page.on('response', (res) => {
      if (res.status() === 401) unauthorised.push(res.url())
    })
    await page.goto('/login')
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible()
    await page.goto('/register')
    await expect(page.getByRole('button', { name: /Create account|Register/ })).toBeVisible()
    await page.goto(`/shared/${link.token}`)
    await expect(page.getByText('Shared quietly')).toBeVisible()
    await page.setViewportSize({ width: 390, height: 844 })
    await snap('webux-shared-390')
    expect(unauthorised).toEqual([])
    expect(noise).toEqual([])
  })
})
