import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { applyServerErrors } from '@/lib/form-errors'
import { validateEmail, validateNewPassword } from '../auth-validation'
import { useAuth } from '../hooks/use-auth'

export function RegisterForm({ onSuccess }: { onSuccess: () => void }) {
  const { register } = useAuth()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { full_name: '', email: '', password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      full_name: (v) => (v.length > 255 ? 'Use at most 255 characters' : null),
      email: validateEmail,
      password: validateNewPassword,
      confirm: (v, values) => (v === values.password ? null : 'The passwords do not match'),
    },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    try {
      await register({
        email: values.email.trim(),
        password: values.password,
        ...(values.full_name.trim() ? { full_name: values.full_name.trim() } : {}),
      })
      onSuccess()
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['email', 'password', 'full_name']))
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label="Create account">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" title="Could not create the account">
            {formError}
          </Alert>
        )}
        <TextInput label="Full name" autoComplete="name" {...form.getInputProps('full_name')} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          description="8–128 characters with a letter and a digit"
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <PasswordInput
          label="Confirm password"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Create account
        </Button>
        <Text size="sm" ta="center">
          Already have an account?{' '}
          <Anchor component={Link} to={paths.login}>
            Sign in
          </Anchor>
        </Text>
      </Stack>
    </form>
  )
}
