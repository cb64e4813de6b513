import { apiAs, createPricedScenario, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

test('share a scenario: the link shows its costs without sign-in, nothing else, until revoked', async ({
  page,
  browser,
  request,
  account,
  snap,
}) => {
  // AWS's Lambda worked example without the free tier: $35.33 a month.
  const scenario = await createPricedScenario(request, account.accessToken, 'Shared checkout')
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  const panel = page.getByTestId('share-links-panel')
  await expect(panel.getByText('No share links yet.')).toBeVisible()
  await panel.getByRole('combobox', { name: 'Expires after' }).click()
  await page.getByRole('option', { name: '30 days', exact: true }).click()
  await panel.getByRole('button', { name: 'Create link' }).click()

  const created = page.getByRole('dialog', { name: 'Copy your share link' })
  await expect(created.getByText('You will not see this link again')).toBeVisible()
  const url = (await created.getByTestId('new-share-link').textContent()) ?? ''
  expect(url).toMatch(/\/shared\/ms_[A-Za-z0-9_-]{43}$/)
  // Scripts are pointed at the API of the server this page came from, not at the web page.
  const token = url.split('/shared/')[1] ?? 'missing'
  await expect(created.getByText(`${new URL(page.url()).origin}/api/v1/shared/${token}`)).toBeVisible()
  await created.getByRole('button', { name: 'Done' }).click()
  const row = panel.getByTestId('share-link-row')
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('active')
  await expect(row).toContainText('List')
  await expect(row).toContainText(url.split('/shared/')[1]?.slice(0, 12) ?? 'missing')

  // A visitor: a fresh browser context, no cookies, no storage.
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const guest = await visitor.newPage()
  const guestProblems: string[] = []
  guest.on('pageerror', (err) => guestProblems.push(err.message))
  guest.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) guestProblems.push(msg.text())
  })
  await guest.goto(url)
  await expect(guest.getByTestId('shared-name')).toHaveText('Shared checkout')
  await expect(guest.getByTestId('cost-total')).toHaveText('$35.33')
  await expect(guest.getByTestId('shared-prices')).toContainText('AWS list prices')
  await expect(guest.getByTestId('cost-by-service-table')).toContainText('AWS Lambda')
  await expect(guest.locator('.recharts-bar-rectangle').first()).toBeVisible()
  // Nothing to follow into the app, and the app itself still asks for a sign-in.
  await expect(guest.getByRole('link')).toHaveCount(0)
  await expect(guest.getByRole('navigation')).toHaveCount(0)
  await guest.screenshot({ path: 'e2e/screenshots/shared-link.png', fullPage: true })
  await guest.goto('/scenarios')
  await expect(guest).toHaveURL(/\/login\?next=%2Fscenarios$/)
  const api = await visitor.request.get(`/api/v1/scenarios/${scenario.id}`)
  expect(api.status()).toBe(401)

  // Revoke with confirmation: the link page then says so.
  await row.getByRole('button', { name: 'Revoke' }).click()
  const confirm = page.getByRole('dialog', { name: 'Revoke this share link?' })
  await confirm.getByRole('button', { name: 'Revoke link' }).click()
  await expect(confirm).toBeHidden()
  await expect(row).toContainText('revoked')
  await expect(row.getByRole('button', { name: 'Revoke' })).toHaveCount(0)
  await guest.goto(url)
  await expect(guest.getByTestId('shared-unavailable')).toContainText('This link has expired or was revoked')
  await expect(guest.getByTestId('cost-total')).toHaveCount(0)
  expect(guestProblems).toEqual([])
  await visitor.close()
  await snap('scenario-share-links')
})

test('an unknown or malformed link says it has expired or was revoked', async ({ browser }) => {
  const visitor = await browser.newContext({ storageState: { cookies: [], origins: [] } })
  const guest = await visitor.newPage()
  for (const token of ['ms_unknownunknownunknownunknownunknownunknownun', 'not-a-token']) {
    await guest.goto(`/shared/${token}`)
    await expect(guest.getByTestId('shared-unavailable')).toBeVisible()
  }
  await visitor.close()
})

test('the share links list shows each link state', async ({ page, request, account }) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Several links')
  const base = `/api/v1/scenarios/${scenario.id}/share-links`
  await apiAs(request, account.accessToken, 'post', base, { expires_days: 1 })
  const revoked = (await apiAs(request, account.accessToken, 'post', base, { expires_days: 90 })) as {
    id: string
  }
  await apiAs(request, account.accessToken, 'delete', `${base}/${revoked.id}`)
  await page.goto(`/scenarios/${scenario.id}?tab=sharing`)
  const rows = page.getByTestId('share-link-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'revoked' })).toHaveCount(1)
  await expect(rows.filter({ hasText: 'active' })).toHaveCount(1)
})
