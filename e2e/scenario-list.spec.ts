import { createPricedScenario, createScenarioViaApi, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

test('the list shows each monthly cost from one request, filters by tag and picks scenarios to compare', async ({
  page,
  request,
  account,
  snap,
}) => {
  const priced = await createPricedScenario(request, account.accessToken, 'Priced lambda')
  await request.patch(`/api/v1/scenarios/${priced.id}`, {
    headers: { authorization: `Bearer ${account.accessToken}` },
    data: { tags: ['prod'] },
  })
  const small = await createPricedScenario(request, account.accessToken, 'Small lambda', 1_000_000)
  await createScenarioViaApi(request, account.accessToken, { name: 'Empty staging', tags: ['staging'] })
  const costRequests: string[] = []
  page.on('request', (req) => {
    const path = new URL(req.url()).pathname
    if (/\/costs$|\/portfolio$/.test(path)) costRequests.push(path)
  })

  await page.goto('/scenarios')
  await expect(page.getByTestId('scenario-row')).toHaveCount(3)
  const row = (name: string) => page.getByTestId('scenario-row').filter({ hasText: name })
  await expect(row('Priced lambda').getByTestId('scenario-monthly')).toHaveText('$35.33')
  await expect(row('Empty staging').getByTestId('scenario-monthly')).toHaveText('$0.00')
  expect(costRequests).toEqual(['/api/v1/portfolio'])

  await page.getByRole('combobox', { name: 'Tag' }).click()
  await page.getByRole('option', { name: 'staging', exact: true }).click()
  await expect(page).toHaveURL(/tag=staging/)
  await expect(page.getByTestId('scenario-row')).toHaveCount(1)
  await expect(page.getByTestId('scenario-row')).toContainText('Empty staging')
  await page.goto('/scenarios?tag=prod')
  await expect(page.getByTestId('scenario-row')).toHaveCount(1)
  await expect(page.getByTestId('scenario-row')).toContainText('Priced lambda')

  await page.goto('/scenarios')
  await page.getByRole('checkbox', { name: 'Compare Priced lambda' }).check()
  await expect(page.getByRole('button', { name: 'Compare 1 selected' })).toBeDisabled()
  await page.getByRole('checkbox', { name: 'Compare Small lambda' }).check()
  await page.setViewportSize({ width: 1280, height: 800 })
  await snap('weba-scenarios-list-desktop')
  await page.setViewportSize({ width: 390, height: 800 })
  await snap('weba-scenarios-list-phone')
  await page.getByRole('button', { name: 'Compare 2 selected' }).click()
  await expect(page).toHaveURL(new RegExp(`/compare\\?ids=${priced.id}(,|%2C)${small.id}`))
})
