import { Alert, Button, Checkbox, Group, Modal, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import { API_KEY_SCOPES, type ApiKeyScope, type CreatedApiKey, useCreateApiKey } from '../api/api-keys-api'

const EXPIRY_CHOICES = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'custom', label: 'Custom' },
  { value: 'never', label: 'Never' },
]

type Values = { name: string; scopes: ApiKeyScope[]; expiry: string; customDays: number | string }

export function CreateApiKeyModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean
  onClose: () => void
  onCreated: (key: CreatedApiKey) => void
}) {
  const create = useCreateApiKey()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { name: '', scopes: ['write:ingest'], expiry: '90', customDays: 30 },
    validateInputOnChange: true,
    validate: {
      name: (v) => (!v.trim() ? 'Give the key a name' : v.length > 100 ? 'Use at most 100 characters' : null),
      scopes: (v) => (v.length === 0 ? 'Choose at least one scope' : null),
      customDays: (v, values) => {
        if (values.expiry !== 'custom') return null
        const days = Number(v)
        return Number.isInteger(days) && days >= 1 && days <= 365 ? null : 'Enter 1 to 365 days'
      },
    },
  })

  const close = () => {
    form.reset()
    setFormError(null)
    onClose()
  }

  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    const days =
      values.expiry === 'never'
        ? undefined
        : values.expiry === 'custom'
          ? Number(values.customDays)
          : Number(values.expiry)
    try {
      const created = await create.mutateAsync({
        name: values.name.trim(),
        scopes: values.scopes,
        ...(days ? { expires_days: days } : {}),
      })
      form.reset()
      onCreated(created)
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['name', 'scopes', 'expires_days']))
    }
  })

  return (
    <Modal opened={opened} onClose={close} title="Create an API key">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            placeholder="e.g. staging backend"
            {...form.getInputProps('name')}
          />
          <Checkbox.Group label="Scopes" withAsterisk {...form.getInputProps('scopes')}>
            <Stack gap={6} mt={6}>
              {API_KEY_SCOPES.map((s) => (
                <Checkbox key={s.value} value={s.value} label={`${s.label} (${s.value})`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Select
            label="Expires"
            data={EXPIRY_CHOICES}
            allowDeselect={false}
            {...form.getInputProps('expiry')}
          />
          {form.values.expiry === 'custom' && (
            <NumberInput
              label="Days until it expires"
              min={1}
              max={365}
              {...form.getInputProps('customDays')}
            />
          )}
          {form.errors.expires_days && (
            <Alert color="red" role="alert">
              {form.errors.expires_days}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create key
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
