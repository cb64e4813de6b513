import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '@/testing/render'
import { RegisterForm } from './register-form'

describe('RegisterForm', () => {
  it('validates the email as you type and clears the message once it is fixed', async () => {
    const user = userEvent.setup()
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />)
    const email = screen.getByLabelText(/^Email/)
    await user.type(email, 'nope')
    expect(await screen.findByText('Enter a valid email address, like name@example.com')).toBeInTheDocument()
    expect(email).toHaveAttribute('aria-invalid', 'true')
    await user.type(email, '@example.com')
    expect(screen.queryByText('Enter a valid email address, like name@example.com')).not.toBeInTheDocument()
  })

  it('explains the password rules and a mismatched confirmation', async () => {
    const user = userEvent.setup()
    renderWithProviders(<RegisterForm onSuccess={vi.fn()} />)
    await user.type(screen.getByLabelText(/^Password/), 'abc')
    expect(await screen.findByText('Use at least 8 characters')).toBeInTheDocument()
    await user.type(screen.getByLabelText(/^Password/), 'defghij')
    expect(await screen.findByText('Include at least one digit')).toBeInTheDocument()
    await user.type(screen.getByLabelText(/^Password/), '1')
    expect(screen.queryByText('Include at least one digit')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText(/^Confirm password/), 'different1')
    expect(await screen.findByText('The passwords do not match')).toBeInTheDocument()
  })

  it('does not submit an empty form', async () => {
    const user = userEvent.setup()
    const onSuccess = vi.fn()
    renderWithProviders(<RegisterForm onSuccess={onSuccess} />)
    await user.click(screen.getByRole('button', { name: 'Create account' }))
    expect(await screen.findByText('Enter your email address')).toBeInTheDocument()
    expect(onSuccess).not.toHaveBeenCalled()
  })
})
