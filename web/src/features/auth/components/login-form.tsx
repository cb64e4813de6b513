import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { applyServerErrors } from '@/lib/form-errors'
import { validateEmail, validatePasswordPresent } from '../auth-validation'
import { useAuth } from '../hooks/use-auth'

export function LoginForm({ onSuccess }: { onSuccess: () => void }) {
  const { login } = useAuth()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validateInputOnChange: true,
    validate: { email: validateEmail, password: validatePasswordPresent },
  })

  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    try {
      await login({ email: values.email.trim(), password: values.password })
      onSuccess()
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['email', 'password']))
    }
  })

  return (
    <form onSubmit={submit} noValidate aria-label="Sign in">
      <Stack>
        {formError && (
          <Alert color="red" role="alert" title="Could not sign in">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Email"
          type="email"
          autoComplete="email"
          required
          data-autofocus
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={form.submitting} fullWidth>
          Sign in
        </Button>
        <Text size="sm" ta="center">
          No account yet?{' '}
          <Anchor component={Link} to={paths.register}>
            Create one
          </Anchor>
        </Text>
      </Stack>
    </form>
  )
}
