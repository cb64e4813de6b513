import type { Page } from '@playwright/test'
import { apiAs, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

async function createKey(page: Page, name: string, options: { scopes?: string[]; expiry?: string } = {}) {
  await page
    .getByRole('button', { name: /Create (key|your first key)/ })
    .first()
    .click()
  const dialog = page.getByRole('dialog', { name: 'Create an API key' })
  await dialog.getByLabel('Name').fill(name)
  if (options.scopes) {
    await dialog.getByRole('checkbox', { name: /write:ingest/ }).uncheck()
    for (const scope of options.scopes)
      await dialog.getByRole('checkbox', { name: new RegExp(scope) }).check()
  }
  if (options.expiry) {
    await dialog.getByRole('combobox', { name: 'Expires' }).click()
    await page.getByRole('option', { name: options.expiry, exact: true }).click()
  }
  await dialog.getByRole('button', { name: 'Create key' }).click()
  const secret = page.getByTestId('new-api-key')
  await expect(secret).toBeVisible()
  const key = (await secret.textContent()) ?? ''
  expect(key).toMatch(/^mk_[A-Za-z0-9_-]{40,}$/)
  return key
}

async function closeSecret(page: Page) {
  await page.getByRole('button', { name: 'I have stored it' }).click()
  await expect(page.getByTestId('new-api-key')).toBeHidden()
}

test('a new user sees the empty state with a call to action', async ({ page, snap }) => {
  await page.goto('/api-keys')
  await expect(page.getByRole('heading', { name: 'No API keys yet' })).toBeVisible()
  await snap('api-keys-empty')
})

test('create a key → copy it from the show-once dialog → it is listed by prefix only', async ({
  page,
  snap,
}) => {
  await page.goto('/api-keys')
  const key = await createKey(page, 'staging backend')
  await expect(page.getByText('You will not see this key again')).toBeVisible()
  await snap('api-key-created')
  await page.getByRole('button', { name: 'Copy key' }).click()
  await expect(page.getByRole('button', { name: 'Copied' })).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key)
  await closeSecret(page)
  const row = page.getByTestId(`api-key-row-${key.slice(0, 12)}`)
  await expect(row).toContainText('staging backend')
  await expect(row).toContainText('write:ingest')
  await expect(row).toContainText('active')
  await expect(page.getByText(key)).toHaveCount(0)
  await snap('api-keys')
})

test('the created key authenticates against the API and its last use shows up', async ({ page, request }) => {
  await page.goto('/api-keys')
  const key = await createKey(page, 'reader', { scopes: ['read:scenarios'] })
  await closeSecret(page)
  const row = page.getByTestId(`api-key-row-${key.slice(0, 12)}`)
  await expect(row.getByRole('cell').nth(5)).toHaveText('Never')
  const res = await request.get('/api/v1/scenarios', { headers: { 'x-api-key': key } })
  expect(res.status()).toBe(200)
  await page.reload()
  await expect(row.getByRole('cell').nth(5)).not.toHaveText('Never')
})

test('revoke asks for confirmation, then the key stops working', async ({ page, request }) => {
  await page.goto('/api-keys')
  const key = await createKey(page, 'to revoke')
  await closeSecret(page)
  await page.getByRole('button', { name: 'Revoke to revoke' }).click()
  const dialog = page.getByRole('dialog', { name: 'Revoke this key?' })
  await expect(dialog).toContainText(key.slice(0, 12))
  await dialog.getByRole('button', { name: 'Revoke key' }).click()
  await expect(page.getByText('Key “to revoke” revoked.')).toBeVisible()
  await expect(page.getByTestId(`api-key-row-${key.slice(0, 12)}`)).toContainText('Revoked')
  const res = await request.get('/api/v1/pricing/regions', { headers: { 'x-api-key': key } })
  expect(res.status()).toBe(401)
  expect((await res.json()).error).toBe('invalid_api_key')
})

test('cancelling a revoke keeps the key active', async ({ page }) => {
  await page.goto('/api-keys')
  const key = await createKey(page, 'keep me')
  await closeSecret(page)
  await page.getByRole('button', { name: 'Revoke keep me' }).click()
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId(`api-key-row-${key.slice(0, 12)}`)).toContainText('active')
})

test('rotate shows a new key once; the old one is revoked and the new one works', async ({
  page,
  request,
}) => {
  await page.goto('/api-keys')
  const oldKey = await createKey(page, 'rotating')
  await closeSecret(page)
  await page.getByRole('button', { name: 'Rotate rotating' }).click()
  await page
    .getByRole('dialog', { name: 'Rotate this key?' })
    .getByRole('button', { name: 'Rotate key' })
    .click()
  const newKey = (await page.getByTestId('new-api-key').textContent()) ?? ''
  expect(newKey).not.toBe(oldKey)
  await closeSecret(page)
  await expect(page.getByTestId(`api-key-row-${oldKey.slice(0, 12)}`)).toContainText('Revoked')
  await expect(page.getByTestId(`api-key-row-${newKey.slice(0, 12)}`)).toContainText('active')
  expect((await request.get('/api/v1/pricing/regions', { headers: { 'x-api-key': oldKey } })).status()).toBe(
    401,
  )
  expect((await request.get('/api/v1/pricing/regions', { headers: { 'x-api-key': newKey } })).status()).toBe(
    200,
  )
})

test('the create form checks name and scopes as you type', async ({ page }) => {
  await page.goto('/api-keys')
  await page.getByRole('button', { name: 'Create your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an API key' })
  await dialog.getByLabel('Name').fill('x')
  await dialog.getByLabel('Name').fill('')
  await expect(dialog.getByText('Give the key a name')).toBeVisible()
  await dialog.getByRole('checkbox', { name: /write:ingest/ }).uncheck()
  await expect(dialog.getByText('Choose at least one scope')).toBeVisible()
  await dialog.getByRole('button', { name: 'Create key' }).click()
  await expect(page.getByTestId('new-api-key')).toHaveCount(0)
})

test('a custom expiry is bounded to 1–365 days and shows in the list', async ({ page }) => {
  await page.goto('/api-keys')
  await page.getByRole('button', { name: 'Create your first key' }).click()
  const dialog = page.getByRole('dialog', { name: 'Create an API key' })
  await dialog.getByLabel('Name').fill('short lived')
  await dialog.getByRole('combobox', { name: 'Expires' }).click()
  await page.getByRole('option', { name: 'Custom' }).click()
  const days = dialog.getByLabel('Days until it expires')
  await days.fill('400')
  await expect(dialog.getByText('Enter 1 to 365 days')).toBeVisible()
  await days.fill('10')
  await expect(dialog.getByText('Enter 1 to 365 days')).toBeHidden()
  await dialog.getByRole('button', { name: 'Create key' }).click()
  await closeSecret(page)
  const expected = new Date(Date.now() + 10 * 86_400_000).toLocaleDateString('en-US', {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  })
  await expect(page.getByRole('row', { name: /short lived/ })).toContainText(expected)
})

test('a key that never expires says so', async ({ page }) => {
  await page.goto('/api-keys')
  await createKey(page, 'forever', { expiry: 'Never' })
  await closeSecret(page)
  await expect(
    page
      .getByRole('row', { name: /forever/ })
      .getByRole('cell')
      .nth(4),
  ).toHaveText('Never')
})

test('a key without write:ingest cannot send events', async ({ page, request, account }) => {
  const scenario = await apiAs(request, account.accessToken, 'post', '/api/v1/scenarios', {
    name: 'scope check',
    region: 'us-east-1',
  })
  await apiAs(request, account.accessToken, 'patch', `/api/v1/scenarios/${scenario.id}`, {
    status: 'running',
  })
  await page.goto('/api-keys')
  const key = await createKey(page, 'read only', { scopes: ['read:scenarios'] })
  const res = await request.post('/api/v1/ingest', {
    headers: { 'x-api-key': key, 'x-scenario-id': scenario.id },
    data: { type: 'log', message: 'hello' },
  })
  expect(res.status()).toBe(403)
  expect((await res.json()).error).toBe('insufficient_scope')
})

test('more than 20 keys are paginated', async ({ page, request, account }) => {
  for (let i = 0; i < 21; i++) {
    await apiAs(request, account.accessToken, 'post', '/api/v1/api-keys', {
      name: `bulk ${i}`,
      scopes: ['read:scenarios'],
    })
  }
  await page.goto('/api-keys')
  await expect(page.getByRole('row')).toHaveCount(21)
  await page.getByRole('button', { name: 'Page 2' }).click()
  await expect(page.getByRole('row')).toHaveCount(2)
})

test('Escape closes the create dialog and returns focus to the page', async ({ page }) => {
  await page.goto('/api-keys')
  await page.getByRole('button', { name: 'Create key' }).first().click()
  await expect(page.getByRole('dialog', { name: 'Create an API key' })).toBeVisible()
  await expect(page.getByRole('dialog').getByLabel('Name')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('dialog')).toHaveCount(0)
})

test('a failing list shows an error with a retry that recovers', async ({ page }) => {
  await page.route('**/api/v1/api-keys?*', (route) =>
    route.fulfill({ status: 503, json: { error: 'unavailable', message: 'The database is unavailable.' } }),
  )
  await page.goto('/api-keys')
  await expect(page.getByRole('alert')).toContainText('The database is unavailable.')
  await page.unroute('**/api/v1/api-keys?*')
  await page.getByRole('button', { name: 'Try again' }).click()
  await expect(page.getByRole('heading', { name: 'No API keys yet' })).toBeVisible()
})

test('a server validation error is shown in the create dialog', async ({ page }) => {
  await page.route('**/api/v1/api-keys', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({
          status: 422,
          json: {
            error: 'validation_error',
            message: 'The request is invalid.',
            details: [{ field: 'name', reason: 'is reserved' }],
          },
        })
      : route.fallback(),
  )
  await page.goto('/api-keys')
  await page.getByRole('button', { name: 'Create key' }).first().click()
  const dialog = page.getByRole('dialog', { name: 'Create an API key' })
  await dialog.getByLabel('Name').fill('admin')
  await dialog.getByRole('button', { name: 'Create key' }).click()
  await expect(dialog.getByText('Is reserved')).toBeVisible()
  await expect(dialog.getByRole('alert')).toContainText('The request is invalid.')
})
