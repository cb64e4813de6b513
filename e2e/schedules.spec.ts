import type { Locator, Page } from '@playwright/test'
import { apiAs, createPricedScenario, createScenarioViaApi, expect, test } from './fixtures.js'
import { startSmtpInbox } from './smtp-inbox.js'

test.use({ freshAccount: true })

type ScheduleBody = {
  name: string
  scenario_ids: string[]
  formats: ('pdf' | 'csv')[]
  frequency: 'daily' | 'weekly' | 'monthly' | 'cron'
  timezone: string
  hour: number
  minute: number
  day_of_week?: number
  recipients: string[]
  enabled?: boolean
}

async function createScheduleViaApi(
  page: Page,
  token: string,
  body: Partial<ScheduleBody> & { scenario_ids: string[] },
) {
  return apiAs(page.request, token, 'post', '/api/v1/report-schedules', {
    name: 'Weekly costs',
    formats: ['pdf'],
    frequency: 'weekly',
    timezone: 'Europe/Rome',
    hour: 8,
    minute: 0,
    day_of_week: 1,
    recipients: ['finance@example.com'],
    ...body,
  }) as Promise<{ id: string; name: string; next_run_at: string }>
}

async function pickOption(page: Page, scope: Locator, label: string, option: string, search?: string) {
  const box = scope.getByRole('combobox', { name: label })
  await box.click()
  if (search) await box.fill(search)
  await page.getByRole('option', { name: option, exact: true }).click()
}

function openNewSchedule(page: Page) {
  return page.getByRole('dialog', { name: 'New schedule' })
}

function row(page: Page, name: string) {
  return page.getByTestId('schedule-row').filter({ hasText: name })
}

test('a new user sees the empty schedules page with a call to action', async ({ page, snap }) => {
  await page.goto('/schedules')
  await expect(page.getByRole('heading', { name: 'No schedules yet' })).toBeVisible()
  await snap('schedules-empty')
  await page.getByRole('button', { name: 'Create a schedule' }).click()
  await expect(openNewSchedule(page)).toBeVisible()
  await expect(page).toHaveURL(/new=1/)
})

test('create a weekly schedule: the preview says when it runs, the saved schedule shows the server’s next run', async ({
  page,
  request,
  account,
  snap,
}) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Payments' })
  await page.goto('/schedules')
  await page.getByRole('button', { name: 'New schedule' }).click()
  const dialog = openNewSchedule(page)
  await dialog.getByLabel('Name').fill('Monday costs')
  await pickOption(page, dialog, 'Scenarios', 'Payments')
  await dialog.getByRole('checkbox', { name: 'CSV' }).check()
  await dialog.getByText('Weekly', { exact: true }).click()
  await pickOption(page, dialog, 'Day of the week', 'Monday')
  await dialog.getByLabel(/^Time\s*\*?$/).fill('08:00')
  await pickOption(page, dialog, 'Time zone', 'Europe/Rome', 'Europe/Ro')
  await dialog.getByRole('combobox', { name: 'Recipients' }).fill('finance@example.com')
  await dialog.getByRole('combobox', { name: 'Recipients' }).press('Enter')
  const preview = dialog.getByTestId('schedule-preview')
  await expect(preview).toHaveText(
    /^every Monday at 08:00 Europe\/Rome — next: \d{1,2} [A-Z][a-z]{2} \d{4} 08:00$/,
  )
  const previewNext = (await preview.textContent())?.split('next: ')[1]
  await snap('schedule-form')
  await dialog.getByRole('button', { name: 'Create schedule' }).click()

  await expect(dialog).toBeHidden()
  const saved = page.getByTestId('schedule-saved')
  await expect(saved).toContainText('every Monday at 08:00 Europe/Rome')
  // The client-side preview and the server agree on the next run.
  await expect(saved).toContainText(`next: ${previewNext} (Europe/Rome)`)
  await expect(row(page, 'Monday costs')).toContainText('every Monday at 08:00 Europe/Rome')
  await expect(row(page, 'Monday costs').getByTestId('schedule-next-run')).toContainText(previewNext ?? '')
  await expect(row(page, 'Monday costs')).toContainText('PDF + CSV')
  await snap('schedules')
})

test('the form checks every field as you type', async ({ page, request, account }) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Anything' })
  await page.goto('/schedules?new=1')
  const dialog = openNewSchedule(page)
  await dialog.getByRole('button', { name: 'Create schedule' }).click()
  await expect(dialog.getByText('Give the schedule a name')).toBeVisible()
  await expect(dialog.getByText('Pick at least one scenario')).toBeVisible()
  await expect(dialog.getByText('Add at least one email address')).toBeVisible()

  await dialog.getByRole('combobox', { name: 'Recipients' }).fill('not-an-email')
  await dialog.getByRole('combobox', { name: 'Recipients' }).press('Enter')
  await expect(dialog.getByText('“not-an-email” is not an email address')).toBeVisible()

  await dialog.getByText('Cron', { exact: true }).click()
  await dialog.getByLabel('Cron expression').fill('every monday')
  await expect(dialog.getByTestId('schedule-preview')).toHaveText('Complete the timing to see when it runs.')
  await dialog.getByLabel('Cron expression').fill('30 6 * * 1-5')
  await expect(dialog.getByTestId('schedule-preview')).toContainText('on cron “30 6 * * 1-5”')
  await expect(dialog.getByTestId('schedule-preview')).toContainText('06:30')
})

test('the time zone picker searches every IANA zone and the preview follows it', async ({
  page,
  request,
  account,
}) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Zones' })
  await page.goto('/schedules?new=1')
  const dialog = openNewSchedule(page)
  await dialog.getByText('Daily', { exact: true }).click()
  await dialog.getByLabel(/^Time\s*\*?$/).fill('18:30')
  await pickOption(page, dialog, 'Time zone', 'Asia/Tokyo', 'Tokyo')
  await expect(dialog.getByTestId('schedule-preview')).toContainText('every day at 18:30 Asia/Tokyo — next:')
  await pickOption(page, dialog, 'Time zone', 'America/New_York', 'New_York')
  await expect(dialog.getByTestId('schedule-preview')).toContainText('every day at 18:30 America/New_York')
})

test('a monthly schedule on the 31st says it runs on the last day of shorter months', async ({
  page,
  request,
  account,
}) => {
  await createScenarioViaApi(request, account.accessToken, { name: 'Month end' })
  await page.goto('/schedules?new=1')
  const dialog = openNewSchedule(page)
  await dialog.getByText('Monthly', { exact: true }).click()
  await dialog.getByLabel('Day of the month').fill('31')
  await pickOption(page, dialog, 'Time zone', 'UTC', 'UTC')
  await expect(dialog.getByTestId('schedule-preview')).toContainText(
    'on the 31st of every month (or the last day of a shorter month) at 08:00 UTC',
  )
})

test('edit a schedule: the new timing shows in the list', async ({ page, account }) => {
  const scenario = await createScenarioViaApi(page.request, account.accessToken, { name: 'Edit me' })
  await createScheduleViaApi(page, account.accessToken, { name: 'To be edited', scenario_ids: [scenario.id] })
  await page.goto('/schedules')
  await page.getByRole('button', { name: 'More actions for To be edited' }).click()
  await page.getByRole('menuitem', { name: 'Edit' }).click()
  const dialog = page.getByRole('dialog', { name: 'Edit schedule' })
  await expect(dialog.getByLabel('Name')).toHaveValue('To be edited')
  await dialog.getByText('Daily', { exact: true }).click()
  await dialog.getByLabel(/^Time\s*\*?$/).fill('18:45')
  await expect(dialog.getByTestId('schedule-preview')).toContainText('every day at 18:45 Europe/Rome')
  await dialog.getByRole('button', { name: 'Save changes' }).click()
  await expect(dialog).toBeHidden()
  await expect(row(page, 'To be edited')).toContainText('every day at 18:45 Europe/Rome')
  await expect(row(page, 'To be edited').getByTestId('schedule-next-run')).toContainText('18:45')
})

test('disable and enable a schedule from the list', async ({ page, account }) => {
  const scenario = await createScenarioViaApi(page.request, account.accessToken, { name: 'Pausable' })
  const schedule = await createScheduleViaApi(page, account.accessToken, {
    name: 'Pause me',
    scenario_ids: [scenario.id],
  })
  await page.goto('/schedules')
  const toggle = page.getByRole('switch', { name: 'Enabled: Pause me' })
  await expect(toggle).toBeChecked()
  // Keyboard: focus the switch and press Space.
  await toggle.focus()
  await page.keyboard.press('Space')
  await expect(page.getByText('“Pause me” paused.')).toBeVisible()
  await expect(row(page, 'Pause me').getByTestId('schedule-next-run')).toHaveText('paused')
  const stored = await apiAs(
    page.request,
    account.accessToken,
    'get',
    `/api/v1/report-schedules/${schedule.id}`,
  )
  expect(stored.enabled).toBe(false)
  await expect(toggle).not.toBeChecked()
  await toggle.focus()
  await page.keyboard.press('Space')
  await expect(page.getByText('“Pause me” enabled.')).toBeVisible()
  await expect(toggle).toBeChecked()
  await expect(row(page, 'Pause me').getByTestId('schedule-next-run')).toContainText('Europe/Rome')
})

test('delete a schedule after confirming', async ({ page, account }) => {
  const scenario = await createScenarioViaApi(page.request, account.accessToken, { name: 'Short' })
  await createScheduleViaApi(page, account.accessToken, { name: 'Delete me', scenario_ids: [scenario.id] })
  await page.goto('/schedules')
  await page.getByRole('button', { name: 'More actions for Delete me' }).click()
  await page.getByRole('menuitem', { name: 'Delete' }).click()
  await page
    .getByRole('dialog', { name: 'Delete this schedule?' })
    .getByRole('button', { name: 'Delete schedule' })
    .click()
  await expect(page.getByText('Schedule “Delete me” deleted.')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'No schedules yet' })).toBeVisible()
})

test.describe('with a real SMTP server', () => {
  // One worker listens on the port the app's SMTP_URL names; these tests run in order in that worker.
  test.describe.configure({ mode: 'default' })
  let inbox: Awaited<ReturnType<typeof startSmtpInbox>>
  test.beforeAll(async () => {
    inbox = await startSmtpInbox()
  })
  test.afterAll(async () => {
    await inbox.close()
  })

  test('run a schedule now: the history turns to succeeded and sent, and the email carries the reports', async ({
    page,
    account,
    snap,
  }) => {
    const scenario = await createPricedScenario(page.request, account.accessToken, 'Mailed scenario')
    const recipient = `${account.email.split('@')[0]}-ops@example.com`
    await createScheduleViaApi(page, account.accessToken, {
      name: 'Mail it',
      scenario_ids: [scenario.id],
      formats: ['pdf', 'csv'],
      recipients: [recipient],
    })
    await page.goto('/schedules')
    await page.getByRole('button', { name: 'Run now: Mail it' }).click()
    await expect(page.getByText('“Mail it” is running')).toBeVisible()
    const drawer = page.getByRole('dialog', { name: 'Run history — Mail it' })
    const run = drawer.getByTestId('run-row').first()
    await expect(run).toHaveAttribute('data-status', 'succeeded', { timeout: 30_000 })
    await expect(run).toHaveAttribute('data-delivery', 'sent', { timeout: 30_000 })
    await expect(run.getByTestId('run-delivery')).toHaveText('sent')
    await expect(run).toContainText('Run now')
    await snap('schedule-history')

    await expect.poll(() => inbox.to(recipient).length).toBe(1)
    const mail = inbox.to(recipient)[0]
    expect(mail?.attachments.map((a) => a.filename?.split('.').pop()).sort()).toEqual(['csv', 'pdf'])
    expect(
      mail?.attachments
        .find((a) => a.filename?.endsWith('.pdf'))
        ?.content.subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')

    await drawer.getByRole('button', { name: 'Close run history' }).click()
    await expect(row(page, 'Mail it').getByTestId('run-status')).toHaveText('succeeded')
  })

  test('the scheduled reports show on the reports page and the run on the dashboard', async ({
    page,
    account,
  }) => {
    const scenario = await createPricedScenario(page.request, account.accessToken, 'Scheduled output')
    const schedule = await createScheduleViaApi(page, account.accessToken, {
      name: 'Feeds the dashboard',
      scenario_ids: [scenario.id],
      recipients: ['dash@example.com'],
    })
    await apiAs(page.request, account.accessToken, 'post', `/api/v1/report-schedules/${schedule.id}/run`)
    await page.goto('/reports')
    const report = page.getByTestId('report-row').filter({ hasText: 'Scheduled output' })
    await expect(report).toContainText('from a schedule')
    await expect(report).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
    await page.goto('/')
    const activity = page.getByTestId('activity-item').filter({ hasText: 'Schedule Feeds the dashboard ran' })
    await expect(activity.getByTestId('run-status')).toHaveText('succeeded', { timeout: 30_000 })
  })

  test('a run whose scenarios are gone fails and its history says why', async ({ page, account }) => {
    const scenario = await createScenarioViaApi(page.request, account.accessToken, { name: 'Vanishing' })
    await createScheduleViaApi(page, account.accessToken, { name: 'Orphan', scenario_ids: [scenario.id] })
    await apiAs(page.request, account.accessToken, 'delete', `/api/v1/scenarios/${scenario.id}`)
    await page.goto('/schedules')
    await page.getByRole('button', { name: 'Run now: Orphan' }).click()
    const drawer = page.getByRole('dialog', { name: 'Run history — Orphan' })
    await expect(drawer.getByTestId('run-row').first()).toHaveAttribute('data-status', 'failed', {
      timeout: 30_000,
    })
    await expect(drawer.getByTestId('run-error').first()).toContainText('No report could be made')
  })
})
