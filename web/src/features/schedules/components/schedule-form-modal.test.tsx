import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import type { Schedule } from '../api/schedules-api'
import { ScheduleFormModal } from './schedule-form-modal'

const scenarios = [{ value: '6f1c3c52-8a43-4f0e-9a55-0d6f3f1a2b3c', label: 'Checkout' }]

function renderForm(schedule: Schedule | null = null) {
  const onSaved = vi.fn()
  renderWithProviders(
    <ScheduleFormModal
      opened
      schedule={schedule}
      scenarios={scenarios}
      onClose={vi.fn()}
      onSaved={onSaved}
    />,
  )
  return { dialog: screen.getByRole('dialog'), onSaved }
}

describe('ScheduleFormModal', () => {
  it('previews the timing in plain words and follows the frequency', async () => {
    const user = userEvent.setup()
    const { dialog } = renderForm({
      id: 'a1b2c3d4-0000-4000-8000-000000000000',
      name: 'Weekly',
      scenario_ids: [],
      formats: ['pdf'],
      frequency: 'weekly',
      cron: null,
      timezone: 'Europe/Rome',
      hour: 8,
      minute: 0,
      day_of_week: 1,
      day_of_month: null,
      recipients: ['a@example.com'],
      enabled: true,
      next_run_at: null,
      last_run_at: null,
      last_status: null,
      email_delivery: 'smtp',
      warnings: [],
      created_at: '2026-11-01T00:00:00Z',
      updated_at: '2026-11-01T00:00:00Z',
    })
    const preview = within(dialog).getByTestId('schedule-preview')
    expect(preview).toHaveTextContent(
      /^every Monday at 08:00 Europe\/Rome — next: \d{1,2} \w{3} \d{4} 08:00$/,
    )
    await user.click(within(dialog).getByText('Daily'))
    expect(preview).toHaveTextContent(/^every day at 08:00 Europe\/Rome — next:/)
    await user.click(within(dialog).getByText('Cron'))
    const cron = within(dialog).getByLabelText(/^Cron expression/)
    await user.clear(cron)
    await user.type(cron, 'whenever')
    expect(preview).toHaveTextContent('Complete the timing to see when it runs.')
    expect(cron).toHaveAttribute('aria-invalid', 'true')
  })

  it('checks recipients as you type them and never submits an invalid form', async () => {
    const user = userEvent.setup()
    const { dialog, onSaved } = renderForm()
    await user.click(within(dialog).getByRole('button', { name: 'Create schedule' }))
    expect(await within(dialog).findByText('Give the schedule a name')).toBeInTheDocument()
    expect(within(dialog).getByText('Pick at least one scenario')).toBeInTheDocument()
    expect(within(dialog).getByText('Add at least one email address')).toBeInTheDocument()
    await user.type(within(dialog).getByRole('combobox', { name: /^Recipients/ }), 'nobody{Enter}')
    expect(await within(dialog).findByText('“nobody” is not an email address')).toBeInTheDocument()
    expect(onSaved).not.toHaveBeenCalled()
  })
})
