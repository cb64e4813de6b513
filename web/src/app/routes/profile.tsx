import { Alert, Button, Card, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { changePassword } from '@/features/auth/api/auth-api'
import {
  validateFullName,
  validateNewPassword,
  validatePasswordPresent,
} from '@/features/auth/auth-validation'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { applyServerErrors } from '@/lib/form-errors'
import { formatDateTime } from '@/lib/format'

/** The account's name, editable (PATCH /auth/me); the header's user menu follows at once. */
function NameForm() {
  const { user, updateProfile } = useAuth()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { full_name: user?.full_name ?? '' },
    validateInputOnChange: true,
    validate: { full_name: validateFullName },
  })
  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    try {
      const fullName = values.full_name.trim()
      await updateProfile({ full_name: fullName })
      form.setInitialValues({ full_name: fullName })
      form.setValues({ full_name: fullName })
      notifications.show({ color: 'green', message: 'Name saved.' })
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['full_name']))
    }
  })
  return (
    <form onSubmit={submit} noValidate aria-label="Change name">
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label="Name"
          autoComplete="name"
          required
          description="Shown in the header menu and on the dashboard."
          {...form.getInputProps('full_name')}
        />
        <Button type="submit" loading={form.submitting} disabled={!form.isDirty()} w="fit-content">
          Save name
        </Button>
      </Stack>
    </form>
  )
}

export function ProfileRoute() {
  const { user, login } = useAuth()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { current_password: '', new_password: '' },
    validateInputOnChange: true,
    validate: { current_password: validatePasswordPresent, new_password: validateNewPassword },
  })
  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    try {
      await changePassword(values)
      // Every refresh token was revoked, this browser's too: sign in again with the new password.
      if (user) await login({ email: user.email, password: values.new_password })
      form.reset()
      notifications.show({ color: 'green', message: 'Password changed. Other devices must sign in again.' })
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['current_password', 'new_password']))
    }
  })
  if (!user) return null
  return (
    <Stack maw={560}>
      <Title order={1}>Profile</Title>
      <Card withBorder>
        <Stack gap="sm">
          <NameForm />
          <TextInput label="Email" value={user.email} readOnly description="The email cannot be changed." />
          <Text size="xs" c="dimmed">
            Member since {formatDateTime(user.created_at)} · last sign-in{' '}
            {formatDateTime(user.last_login_at, 'never')}
          </Text>
        </Stack>
      </Card>
      <Card withBorder>
        <form onSubmit={submit} noValidate aria-label="Change password">
          <Stack>
            <Title order={2} size="h3">
              Change password
            </Title>
            {formError && (
              <Alert color="red" role="alert">
                {formError}
              </Alert>
            )}
            <PasswordInput
              label="Current password"
              autoComplete="current-password"
              required
              {...form.getInputProps('current_password')}
            />
            <PasswordInput
              label="New password"
              description="8–128 characters with a letter and a digit"
              autoComplete="new-password"
              required
              {...form.getInputProps('new_password')}
            />
            <Button type="submit" loading={form.submitting} w="fit-content">
              Change password
            </Button>
          </Stack>
        </form>
      </Card>
    </Stack>
  )
}
