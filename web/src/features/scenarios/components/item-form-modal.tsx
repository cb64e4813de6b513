import {
  Alert,
  Button,
  type ComboboxItem,
  type ComboboxItemGroup,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import { chosenAbout, coverageGaps, relevantToItem, usePricingCoverage } from '../api/coverage-api'
import {
  type ItemInput,
  type LineItem,
  type PricingServices,
  useCreateItem,
  usePricingServices,
  useScenario,
  useUpdateItem,
} from '../api/scenarios-api'
import { formValue, type ParamField, paramFields, toParams, validateParam } from '../service-fields'
import { ItemCostPreview, useLiveItemPreview } from './item-cost-preview'
import { QuantityInput } from './quantity-input'
import { RangeParamInput } from './range-param-input'

type Service = PricingServices['services'][number]

/** The service picker's groups, in the order of the contract's categories. */
const CATEGORY_LABELS: Record<Service['category'], string> = {
  compute: 'Compute',
  storage: 'Storage',
  database: 'Database',
  networking: 'Networking',
  integration: 'Integration',
  analytics: 'Analytics',
  'ai-ml': 'AI/ML',
  security: 'Security',
  management: 'Management',
}

/** Services grouped by category (in the server's order within a group), for a searchable picker. */
export function serviceGroups(services: Service[]): ComboboxItemGroup<ComboboxItem>[] {
  return (Object.keys(CATEGORY_LABELS) as Service['category'][])
    .map((category) => ({
      group: CATEGORY_LABELS[category],
      items: services
        .filter((s) => s.category === category)
        .map((s) => ({ value: s.id, label: s.display_name })),
    }))
    .filter((group) => group.items.length > 0)
}

/** The first service of the picker (the one a new item starts with), or '' when none is published. */
export function firstService(services: Service[] | undefined): string {
  return serviceGroups(services ?? [])[0]?.items[0]?.value ?? ''
}

type Values = { service: string; label: string; params: Record<string, unknown> }

function initialParams(fields: ParamField[], existing?: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of fields) {
    params[field.name] = formValue(field, existing?.[field.name]) ?? field.defaultValue ?? ''
  }
  return params
}

/**
 * Add or edit one line item: the service picks the params inputs, built from the params schema the server
 * publishes (GET /pricing/services), validated as you type.
 */
export function ItemFormModal({
  scenarioId,
  opened,
  item,
  onClose,
}: {
  scenarioId: string
  opened: boolean
  item: LineItem | null
  onClose: () => void
}) {
  const services = usePricingServices()
  const scenario = useScenario(scenarioId)
  const coverage = usePricingCoverage()
  const fieldsOf = (service: string) => paramFields(services.data?.services.find((s) => s.id === service))
  const create = useCreateItem(scenarioId)
  const update = useUpdateItem(scenarioId)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { service: '', label: '', params: {} },
    validateInputOnChange: true,
    validate: (values) => {
      const errors: Record<string, string | null> = {}
      if (!values.service) errors.service = 'Choose a service'
      if (values.label.length > 255) errors.label = 'Use at most 255 characters'
      for (const field of fieldsOf(values.service)) {
        const problem = validateParam(field, values.params[field.name])
        if (problem) errors[`params.${field.name}`] = problem
      }
      return errors
    },
  })

  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the dialog opens for an item
  useEffect(() => {
    if (!opened) return
    setFormError(null)
    const service = item?.service ?? firstService(services.data?.services)
    form.setValues({
      service,
      label: item?.label ?? '',
      params: initialParams(fieldsOf(service), item?.params),
    })
    form.resetDirty()
    form.clearErrors()
  }, [opened, item, services.data])

  const catalogService = services.data?.services.find((s) => s.id === form.values.service)
  const fields = paramFields(catalogService)
  const serviceOptions = serviceGroups(services.data?.services ?? [])
  const describe = (id: string) => services.data?.services.find((s) => s.id === id)?.description
  const region = scenario.data?.region
  const serviceName = catalogService?.display_name ?? form.values.service

  // Priced as typed once the form passes its own checks; the server's 422 details land on the fields.
  const previewItem =
    opened && form.isValid()
      ? ({ service: form.values.service, params: toParams(fields, form.values.params) } as ItemInput)
      : null
  const live = useLiveItemPreview(scenarioId, previewItem, item?.id)
  // The last verdict on this service's item while the form is valid (kept while the next one loads); a disabled
  // query keeps its placeholder too, so an invalid form has none.
  const verdict =
    live.body !== null && live.preview.data?.service === form.values.service ? live.preview.data : undefined
  const serviceGaps =
    region && form.values.service
      ? coverageGaps(
          coverage.data,
          region,
          form.values.service,
          relevantToItem(catalogService?.choices ?? {}, form.values.params),
        )
      : { notOffered: [], missing: [], serviceNotOffered: false }
  // The prices this item needs once the server has priced it (a Standard bucket needs no Express One Zone
  // price); until then, the service's gaps in the region that concern the chosen model or type. A service AWS
  // does not sell in the region at all is said so whatever the params.
  const gaps =
    verdict && !serviceGaps.serviceNotOffered
      ? {
          notOffered: verdict.price_gaps.not_offered,
          missing: verdict.price_gaps.missing,
          serviceNotOffered: false,
        }
      : serviceGaps

  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    // The service comes from the server's list, so the body is one branch of the contract's union.
    const body = {
      service: values.service,
      params: toParams(fields, values.params),
      label: values.label.trim() || null,
    } as ItemInput
    try {
      if (item) await update.mutateAsync({ itemId: item.id, body })
      else await create.mutateAsync(body)
      onClose()
    } catch (error) {
      setFormError(applyServerErrors(form, error, ['service', 'label', 'params']))
    }
  })

  return (
    <Modal opened={opened} onClose={onClose} title={item ? 'Edit line item' : 'Add a line item'} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          {formError && (
            <Alert color="red" role="alert" title="The item was not saved">
              {formError}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Service"
              data={serviceOptions}
              searchable
              // Typing finds a service by its name, id or what it does ("queue", "object storage").
              filter={({ options, search }) => {
                const words = search.toLowerCase().trim().split(/\s+/).filter(Boolean)
                const matches = (o: ComboboxItem) => {
                  const text = `${o.label} ${o.value} ${describe(o.value) ?? ''}`.toLowerCase()
                  return words.every((w) => text.includes(w))
                }
                return options
                  .map((o) => ('group' in o ? { ...o, items: o.items.filter(matches) } : o))
                  .filter((o) => ('group' in o ? o.items.length > 0 : matches(o as ComboboxItem)))
              }}
              // The option's accessible name is the service's name; its description is read out under the
              // field once chosen (the field's description), not with every option.
              renderOption={({ option }) => (
                <Stack gap={0}>
                  <Text size="sm">{option.label}</Text>
                  <Text size="xs" c="dimmed" aria-hidden>
                    {describe(option.value)}
                  </Text>
                </Stack>
              )}
              maxDropdownHeight={360}
              nothingFoundMessage="No service matches"
              placeholder="Search services"
              allowDeselect={false}
              disabled={item !== null}
              {...form.getInputProps('service')}
              description={describe(form.values.service)}
              onChange={(value) => {
                if (!value) return
                form.setValues({ service: value, params: initialParams(fieldsOf(value)) })
                form.clearErrors()
              }}
            />
            <TextInput
              label="Label"
              placeholder="optional, e.g. checkout API"
              {...form.getInputProps('label')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {fields.map((field) => (
              <ParamInput key={`${form.values.service}-${field.name}`} field={field} form={form} />
            ))}
          </SimpleGrid>
          {gaps.notOffered.length > 0 && (
            <Alert color="orange" title={`Not offered in ${region}`} data-testid="not-offered">
              AWS does not offer{' '}
              {gaps.serviceNotOffered
                ? serviceName
                : (chosenAbout(gaps.notOffered, catalogService?.choices ?? {}, form.values.params) ??
                  listed(gaps.notOffered))}{' '}
              in <span style={{ whiteSpace: 'nowrap' }}>{region}</span>. The item can still be saved; that
              usage is shown as &ldquo;no price&rdquo;, never as $0.00.
            </Alert>
          )}
          {gaps.missing.length > 0 && (
            <Alert color="yellow" title={`Missing prices in ${region}`} data-testid="missing-prices">
              The catalog has no price in {region} for {listed(gaps.missing)}. The item can still be saved;
              that usage is shown as &ldquo;no price&rdquo;, never as $0.00.
            </Alert>
          )}
          <ItemCostPreview live={live} form={form} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending}>
              {item ? 'Save item' : 'Add item'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** Usage types as a short list: the first few, then how many more. */
function listed(usageTypes: string[], shown = 4): string {
  if (usageTypes.length <= shown) return usageTypes.join(', ')
  return `${usageTypes.slice(0, shown).join(', ')} and ${usageTypes.length - shown} more`
}

function ParamInput({ field, form }: { field: ParamField; form: UseFormReturnType<Values> }) {
  const path = `params.${field.name}`
  const props = form.getInputProps(path)
  if (field.kind === 'select' && field.options.length === 0) {
    // A name the catalog cannot list (a MemoryDB node type before any is priced) is typed in.
    return (
      <TextInput
        label={field.label}
        description={field.description}
        required={field.required}
        {...props}
        value={(props.value as string) ?? ''}
      />
    )
  }
  if (field.kind === 'select') {
    const { options, optionLabels } = field
    return (
      <Select
        label={field.label}
        description={field.description}
        data={options.map((value) => ({ value, label: optionLabels?.[value] ?? value }))}
        searchable={options.length > 8}
        required={field.required}
        clearable={!field.required}
        {...props}
        value={(props.value as string) || null}
        onChange={(value) => form.setFieldValue(path, value ?? '')}
      />
    )
  }
  if (field.rangeable) {
    return <RangeParamInput field={field} value={props.value} onChange={props.onChange} error={props.error} />
  }
  return (
    <QuantityInput
      label={field.label}
      description={field.description}
      required={field.required}
      value={props.value}
      onChange={props.onChange}
      onBlur={props.onBlur}
      onFocus={props.onFocus}
      error={props.error}
    />
  )
}
