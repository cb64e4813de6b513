import { Alert, Button, Checkbox, Fieldset, Group, Modal, Stack, Switch, Text } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import { formatNumber } from '@/lib/format'
import {
  type Costs,
  type PricingServices,
  type Scenario,
  usePricingServices,
  useScenarioCosts,
  useUpdateScenario,
} from '../api/scenarios-api'
import { SCENARIO_FIELDS, scenarioFieldRules } from '../scenario-field-rules'
import { ScenarioFields } from './scenario-fields'

type SettingsValues = {
  name: string
  description: string
  region: string
  tags: string[]
  include_free_tier: boolean
  legacy_free_tier: boolean
  /** Offer ids switched off; a checked box is an offer that applies. */
  free_tier_disabled_offers: string[]
}

function valuesOf(scenario: Scenario): SettingsValues {
  return {
    name: scenario.name,
    description: scenario.description ?? '',
    region: scenario.region,
    tags: scenario.tags,
    include_free_tier: scenario.include_free_tier,
    legacy_free_tier: scenario.legacy_free_tier,
    free_tier_disabled_offers: scenario.free_tier_disabled_offers,
  }
}

type Offer = PricingServices['services'][number]['free_tier'][number] & { service: string }

/**
 * The free-tier offers worth a switch here: those of the services the scenario's costs use, plus any already
 * switched off (so it can be switched back on); the legacy 12-month offers only while that tier is on.
 */
export function offersToShow(
  services: PricingServices | undefined,
  costs: Costs | undefined,
  values: Pick<SettingsValues, 'legacy_free_tier' | 'free_tier_disabled_offers'>,
): Offer[] {
  const used = new Set([
    ...(costs?.total_monthly.by_service.map((s) => s.service) ?? []),
    ...(costs?.total_monthly.unpriced.map((u) => u.service) ?? []),
  ])
  return (services?.services ?? []).flatMap((service) =>
    service.free_tier
      .filter(
        (offer) =>
          (used.has(service.id) || values.free_tier_disabled_offers.includes(offer.id)) &&
          (!offer.legacy_12_month || values.legacy_free_tier),
      )
      .map((offer) => ({ ...offer, service: service.display_name })),
  )
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
  const services = usePricingServices()
  const costs = useScenarioCosts(scenario.id)
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
      ...(values.legacy_free_tier !== before.legacy_free_tier
        ? { legacy_free_tier: values.legacy_free_tier }
        : {}),
      ...([...values.free_tier_disabled_offers].sort().join('\n') !==
      [...before.free_tier_disabled_offers].sort().join('\n')
        ? { free_tier_disabled_offers: values.free_tier_disabled_offers }
        : {}),
    }
    if (Object.keys(body).length === 0) return close()
    try {
      await update.mutateAsync(body)
      notifications.show({ message: 'Scenario settings saved.' })
      close()
    } catch (error) {
      setFormError(
        applyServerErrors(form, error, [...SCENARIO_FIELDS, 'legacy_free_tier', 'free_tier_disabled_offers']),
      )
    }
  })
  return (
    <Modal
      opened={opened}
      onClose={close}
      title="Scenario settings"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close settings' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert" title="The settings were not saved">
              {formError}
            </Alert>
          )}
          <ScenarioFields
            form={form}
            region={{ description: "Changing it reprices every line item at that region's prices." }}
          />
          {form.values.include_free_tier && (
            <FreeTierFields form={form} offers={offersToShow(services.data, costs.data, form.values)} />
          )}
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

/** The legacy 12-month tier and one box per offer: unticking one switches it off for this scenario. */
function FreeTierFields({ form, offers }: { form: UseFormReturnType<SettingsValues>; offers: Offer[] }) {
  const disabled = form.values.free_tier_disabled_offers
  const toggle = (id: string, applies: boolean) =>
    form.setFieldValue(
      'free_tier_disabled_offers',
      applies ? disabled.filter((o) => o !== id) : [...disabled, id],
    )
  return (
    <Fieldset legend="Free tier offers" variant="filled">
      <Stack gap="sm">
        <Switch
          label="Legacy 12-month free tier"
          description="AWS's 12-month offers for accounts created before 15 July 2025 (e.g. RDS db.t3.micro)."
          {...form.getInputProps('legacy_free_tier', { type: 'checkbox' })}
        />
        {offers.length === 0 ? (
          <Text size="sm" c="dimmed">
            None of this scenario's services has a free-tier offer.
          </Text>
        ) : (
          offers.map((offer) => (
            <Checkbox
              key={offer.id}
              label={`${offer.service}: ${formatNumber(offer.quantity)} ${offer.unit} a month${offer.legacy_12_month ? ' (12-month)' : ''}`}
              description={offer.note}
              checked={!disabled.includes(offer.id)}
              onChange={(e) => toggle(offer.id, e.currentTarget.checked)}
            />
          ))
        )}
        {form.errors.free_tier_disabled_offers && (
          <Text size="sm" c="red" role="alert">
            {form.errors.free_tier_disabled_offers}
          </Text>
        )}
      </Stack>
    </Fieldset>
  )
}
