import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import { type Scenario, usePricingRegions, useUpdateScenario } from '../api/scenarios-api'
import { scenarioFieldRules } from '../scenario-field-rules'

type SettingsValues = {
  name: string
  description: string
  region: string
  tags: string[]
  include_free_tier: boolean
}

function valuesOf(scenario: Scenario): SettingsValues {
  return {
    name: scenario.name,
    description: scenario.description ?? '',
    region: scenario.region,
    tags: scenario.tags,
    include_free_tier: scenario.include_free_tier,
  }
}

/**
 * Name, description, region, tags and the free tier of an existing scenario (PATCH /scenarios/:id, the same
 * rules as the create form); only the changed fields are sent. Changing the region reprices every item.
 */
export function ScenarioSettingsModal({
  scenario,
  opened,
  onClose,
}: {
  scenario: Scenario
  opened: boolean
  onClose: () => void
}) {
  const regions = usePricingRegions()
  const update = useUpdateScenario(scenario.id)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<SettingsValues>({
    mode: 'controlled',
    initialValues: valuesOf(scenario),
    validateInputOnChange: true,
    validate: scenarioFieldRules,
  })
  const close = () => {
    setFormError(null)
    onClose()
  }
  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    const before = valuesOf(scenario)
    const description = values.description.trim() || null
    const body = {
      ...(values.name.trim() !== before.name ? { name: values.name.trim() } : {}),
      ...(description !== scenario.description ? { description } : {}),
      ...(values.region !== before.region ? { region: values.region } : {}),
      ...(values.tags.join('\n') !== before.tags.join('\n') ? { tags: values.tags } : {}),
      ...(values.include_free_tier !== before.include_free_tier
        ? { include_free_tier: values.include_free_tier }
        : {}),
    }
    if (Object.keys(body).length === 0) return close()
    try {
      await update.mutateAsync(body)
      notifications.show({ message: 'Scenario settings saved.' })
      close()
    } catch (error) {
      setFormError(
        applyServerErrors(form, error, ['name', 'description', 'region', 'tags', 'include_free_tier']),
      )
    }
  })
  return (
    <Modal opened={opened} onClose={close} title="Scenario settings" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert" title="The settings were not saved">
              {formError}
            </Alert>
          )}
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
          <Select
            label="Region"
            description="Changing it reprices every line item at that region's prices."
            required
            searchable
            allowDeselect={false}
            data={(regions.data?.regions ?? []).map((r) => ({
              value: r.code,
              label: `${r.name} (${r.code})`,
            }))}
            nothingFoundMessage={regions.isError ? 'Could not load regions' : 'No region'}
            {...form.getInputProps('region')}
          />
          <TagsInput label="Tags" placeholder="Type a tag and press Enter" {...form.getInputProps('tags')} />
          <Switch
            label="Apply the AWS free tier"
            {...form.getInputProps('include_free_tier', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={update.isPending}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
