import { createPricedScenario, expect, test } from './fixtures.js'

test('on a phone the cost figures sit two by two above the tabs, each item shows its cost, and the dashboard is compact', async ({
  page,
  request,
  account,
  snap,
}) => {
  const scenario = await createPricedScenario(request, account.accessToken, 'Phone layout')
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 844 })
    await page.goto(`/scenarios/${scenario.id}`)
    await expect(page.getByTestId('cost-total')).toHaveText('$35.33')
    const row = page.getByTestId('line-item-row')
    // The item's cost is on screen without scrolling the table sideways.
    const cost = await row.getByTestId('line-item-cost').boundingBox()
    expect((cost?.x ?? Infinity) + (cost?.width ?? 0)).toBeLessThanOrEqual(width)
    await expect(row).toContainText('Memory (MB): 1,024')
    await snap(`webux-scenario-${width}`)
    if (width === 390) {
      const modelled = await page.getByTestId('cost-modelled').boundingBox()
      const observed = await page.getByTestId('cost-observed').boundingBox()
      const tabs = await page.getByRole('tablist').boundingBox()
      // Two figures a row, all of them above the tabs, which start within the first screen.
      expect(observed?.y).toBe(modelled?.y)
      const total = await page.getByTestId('cost-total').boundingBox()
      expect(total?.y ?? Infinity).toBeLessThan(tabs?.y ?? 0)
      expect(tabs?.y ?? Infinity).toBeLessThan(844)
    }
    await page.goto('/')
    await expect(page.getByTestId('dashboard-scenarios')).not.toHaveText('—')
    if (width === 390) {
      const scenarios = await page.getByTestId('dashboard-scenarios').boundingBox()
      const running = await page.getByTestId('dashboard-running').boundingBox()
      expect(running?.y).toBe(scenarios?.y)
    }
    // Regression: the recent scenarios' status, region and tags were nested in a missing cost cell.
    const recent = page.getByTestId('scenario-row').filter({ hasText: 'Phone layout' }).first()
    await expect(recent.getByRole('cell')).toHaveCount(6)
    await expect(recent.getByRole('cell').nth(1)).toHaveText('draft')
    await expect(recent.getByRole('cell').nth(2)).toHaveText('us-east-1')
    await snap(`webux-dashboard-${width}`)
  }
})
