import { Alert, Button, Group, List, Modal, Select, Stack, Switch, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import { coverageWords, usePricingCoverage } from '../api/coverage-api'
import {
  type Scenario,
  type ScenarioTemplate,
  useCreateScenario,
  useScenarioTemplates,
} from '../api/scenarios-api'
import { SCENARIO_FIELDS, scenarioFieldRules } from '../scenario-field-rules'
import { ScenarioFields } from './scenario-fields'

/** The template's line items and what they assume, so the user knows what they start from. */
function TemplateSummary({ template }: { template: ScenarioTemplate }) {
  return (
    <Stack gap={4} data-testid="template-summary">
      <Text size="sm">
        {template.description} Starts with {template.items.length} line items; edit them after creating.
      </Text>
      <List size="sm" spacing={2}>
        {template.assumptions.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
    </Stack>
  )
}

export function CreateScenarioModal({
  opened,
  onClose,
  onCreated,
}: {
  opened: boolean
  onClose: () => void
  onCreated: (scenario: Scenario) => void
}) {
  const coverage = usePricingCoverage()
  const templates = useScenarioTemplates()
  const create = useCreateScenario()
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      name: '',
      description: '',
      region: 'us-east-1',
      tags: [] as string[],
      include_free_tier: true,
      apply_rate_card: true,
      template: '' as string,
    },
    validateInputOnChange: true,
    validate: scenarioFieldRules,
  })
  const regionCoverage = coverage.data?.regions.find((r) => r.code === form.values.region)
  const close = () => {
    form.reset()
    setFormError(null)
    onClose()
  }
  const chosen = templates.data?.templates.find((t) => t.id === form.values.template)
  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    try {
      const scenario = await create.mutateAsync({
        name: values.name.trim(),
        // Left empty with a template, the template's description and assumptions become the description.
        ...(values.description.trim() || !chosen ? { description: values.description.trim() || null } : {}),
        region: values.region,
        ...(values.tags.length > 0 || !chosen ? { tags: values.tags } : {}),
        include_free_tier: values.include_free_tier,
        apply_rate_card: values.apply_rate_card,
        ...(chosen ? { template: chosen.id } : {}),
      })
      form.reset()
      onCreated(scenario)
    } catch (error) {
      setFormError(applyServerErrors(form, error, [...SCENARIO_FIELDS, 'template']))
    }
  })
  return (
    <Modal opened={opened} onClose={close} title="New scenario" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert" title="The scenario was not created">
              {formError}
            </Alert>
          )}
          <Select
            label="Start from"
            description="A blank scenario, or a template with line items and stated assumptions."
            allowDeselect={false}
            data={[
              { value: '', label: 'Blank scenario' },
              ...(templates.data?.templates ?? []).map((t) => ({ value: t.id, label: t.name })),
            ]}
            {...form.getInputProps('template')}
          />
          {chosen && <TemplateSummary template={chosen} />}
          <ScenarioFields
            form={form}
            region={{
              renderOption: ({ option }) => {
                const covered = coverage.data?.regions.find((r) => r.code === option.value)
                return (
                  <Stack gap={0}>
                    <Text size="sm">{option.label}</Text>
                    {covered && (
                      <Text size="xs" c="dimmed">
                        {coverageWords(covered)}
                      </Text>
                    )}
                  </Stack>
                )
              },
              description: regionCoverage ? `Prices: ${coverageWords(regionCoverage)}` : undefined,
              inputWrapperOrder: ['label', 'input', 'description', 'error'],
            }}
          />
          <Switch
            label="Apply my rate card"
            description="Off prices this scenario at catalog prices."
            {...form.getInputProps('apply_rate_card', { type: 'checkbox' })}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create scenario
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
