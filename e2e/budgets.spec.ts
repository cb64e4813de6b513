import { createHmac, randomUUID } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createPricedScenario, expect, test } from './fixtures.js'

test.use({ freshAccount: true })

/** A webhook receiver in the test process: the app posts alerts to it over real HTTP. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/budget-hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

test('a budget below the cost raises one alert, delivered by a signed webhook, with email status in history', async ({
  page,
  account,
}) => {
  // Several requests each evaluate the rules and deliver through the job queue: more than the default budget.
  test.setTimeout(120_000)
  const receiver = await startReceiver()
  try {
    // The Lambda example costs $35.33 a month.
    const scenario = await createPricedScenario(
      page.request,
      account.accessToken,
      `Budgeted ${randomUUID().slice(0, 6)}`,
    )
    await page.goto(`/scenarios/${scenario.id}?tab=budgets`)
    const panel = page.getByRole('region', { name: 'Budget & alerts' })
    await expect(panel.getByText('No budget yet.')).toBeVisible({ timeout: 30_000 })

    const budget = panel.getByLabel('Monthly budget (USD)')
    await budget.fill('abc')
    await expect(panel.getByText('Enter an amount such as 250 or 99.50')).toBeVisible()
    await budget.fill('20')
    await panel.getByRole('button', { name: 'Save budget' }).click()
    await expect(panel.getByTestId('budget-usage')).toContainText('$35.33 of $20.00')
    await expect(panel.getByTestId('budget-usage')).toContainText('over budget')
    await expect(panel.getByRole('heading', { name: 'No alerts yet' })).toBeVisible()

    const form = panel.getByRole('form', { name: 'New alert rule' })
    const recipient = `alerts-${randomUUID().slice(0, 8)}@example.com`
    await form.getByLabel('Email recipients').fill(recipient)
    await form.getByLabel('Webhook URL').fill(receiver.url)
    await form.getByRole('button', { name: 'Add rule' }).click()

    const dialog = page.getByRole('dialog', { name: 'Copy the webhook signing secret' })
    const secret = (await dialog.getByTestId('webhook-secret').textContent()) ?? ''
    expect(secret).toMatch(/^whsec_/)
    await dialog.getByRole('button', { name: 'I have stored it' }).click()
    await expect(dialog).toBeHidden()

    const rule = panel.getByTestId('alert-rule-row')
    await expect(rule).toContainText('Projection above the budget')
    await expect(rule.getByTestId('rule-state')).toHaveText('triggered')

    const alerts = panel.getByTestId('alert-row')
    await expect(alerts).toHaveCount(1)
    await expect(alerts.first()).toContainText('triggered')
    await expect(alerts.first()).toContainText('$35.33 against $20.00')
    await expect(alerts.first().locator('[data-channel="webhook"]')).toHaveText('Webhook: sent', {
      timeout: 20_000,
    })
    // Email goes to the e2e SMTP port, which only listens while the schedules journey runs: any status is shown.
    await expect(alerts.first().locator('[data-channel="email"]')).toHaveText(
      /^Email: (pending|sent|failed)$/,
    )

    expect(receiver.received).toHaveLength(1)
    const [hook] = receiver.received
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(hook?.headers['x-mockupaws-signature'])) ?? []
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${hook?.body}`).digest('hex'))
    expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({
      type: 'budget.alert.triggered',
      scenario: { id: scenario.id, name: scenario.name },
      limit: '20',
    })

    // Saving the same budget again evaluates again: still over, so no second alert.
    await panel.getByRole('button', { name: 'Save budget' }).click()
    await expect(page.getByText('Budget saved.').first()).toBeVisible()
    await expect(alerts).toHaveCount(1)
    expect(receiver.received).toHaveLength(1)
  } finally {
    await receiver.close()
  }
})
