import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { ShowOnceSecret } from './show-once-secret'

function renderSecret(value: string | null) {
  const onClose = vi.fn()
  renderWithProviders(
    <ShowOnceSecret
      value={value}
      onClose={onClose}
      title="Copy the thing"
      warning="You will not see this thing again"
      explanation="Keep it safe."
      valueTestId="the-secret"
      copyLabel="Copy thing"
      confirmLabel="I have stored it"
      footer="Use it wisely."
    />,
  )
  return { onClose }
}

describe('ShowOnceSecret', () => {
  it('shows the value once with its warning, copies it and closes on confirm', async () => {
    const user = userEvent.setup()
    const { onClose } = renderSecret('mk_s3cret')
    const dialog = screen.getByRole('dialog', { name: 'Copy the thing' })
    expect(within(dialog).getByText('You will not see this thing again')).toBeInTheDocument()
    expect(within(dialog).getByTestId('the-secret')).toHaveTextContent(/^mk_s3cret$/)
    expect(within(dialog).getByText('Use it wisely.')).toBeInTheDocument()
    await user.click(within(dialog).getByRole('button', { name: 'Copy thing' }))
    expect(await within(dialog).findByRole('button', { name: 'Copied' })).toBeInTheDocument()
    expect(await navigator.clipboard.readText()).toBe('mk_s3cret')
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }))
    expect(onClose).toHaveBeenCalledOnce()
  })

  it('stays closed without a value', () => {
    renderSecret(null)
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(screen.queryByTestId('the-secret')).not.toBeInTheDocument()
  })
})
