import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import {
  type LineItem,
  type PricingServices,
  useCreateItem,
  usePricingServices,
  useUpdateItem,
} from '../api/scenarios-api'
import { type ParamField, SERVICE_FIELDS, SERVICE_LABELS, toParams, validateParam } from '../service-fields'
import { ItemCostPreview } from './item-cost-preview'
import { RangeParamInput } from './range-param-input'

type Values = { service: string; label: string; params: Record<string, unknown> }

function initialParams(service: string, existing?: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of SERVICE_FIELDS[service] ?? []) {
    params[field.name] = existing?.[field.name] ?? field.defaultValue ?? ''
  }
  return params
}

/** Add or edit one line item: the service picks the params inputs (docs/scenarios.md#line-items), validated as you type. */
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
  const create = useCreateItem(scenarioId)
  const update = useUpdateItem(scenarioId)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { service: 'lambda', label: '', params: initialParams('lambda') },
    validateInputOnChange: true,
    validate: (values) => {
      const errors: Record<string, string | null> = {}
      if (values.label.length > 255) errors.label = 'Use at most 255 characters'
      for (const field of SERVICE_FIELDS[values.service] ?? []) {
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
    const service = item?.service ?? 'lambda'
    form.setValues({ service, label: item?.label ?? '', params: initialParams(service, item?.params) })
    form.resetDirty()
    form.clearErrors()
  }, [opened, item])

  const fields = SERVICE_FIELDS[form.values.service] ?? []
  const catalogService = services.data?.services.find((s) => s.id === form.values.service)
  const serviceOptions = (services.data?.services.map((s) => s.id) ?? Object.keys(SERVICE_FIELDS)).map(
    (id) => ({
      value: id,
      label: SERVICE_LABELS[id] ?? id,
    }),
  )

  // Priced as typed once the form passes its own checks; the server's 422 details land on the fields.
  const previewItem =
    opened && form.isValid()
      ? { service: form.values.service, params: toParams(fields, form.values.params) }
      : null

  const submit = form.onSubmit(async (values) => {
    setFormError(null)
    const body = {
      service: values.service,
      params: toParams(fields, values.params),
      label: values.label.trim() || null,
    }
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
              allowDeselect={false}
              disabled={item !== null}
              {...form.getInputProps('service')}
              onChange={(value) => {
                if (!value) return
                form.setValues({ service: value, params: initialParams(value) })
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
              <ParamInput
                key={`${form.values.service}-${field.name}`}
                field={field}
                catalog={catalogService}
                form={form}
              />
            ))}
          </SimpleGrid>
          <ItemCostPreview scenarioId={scenarioId} itemId={item?.id} item={previewItem} form={form} />
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

function ParamInput({
  field,
  catalog,
  form,
}: {
  field: ParamField
  catalog: PricingServices['services'][number] | undefined
  form: ReturnType<typeof useForm<Values>>
}) {
  const path = `params.${field.name}`
  const props = form.getInputProps(path)
  if (field.kind === 'select') {
    const options = typeof field.options === 'function' ? field.options(catalog) : field.options
    return (
      <Select
        label={field.label}
        description={field.description}
        data={options}
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
    <NumberInput
      label={field.label}
      description={field.description}
      min={field.min}
      max={field.max}
      allowDecimal={!field.integer}
      thousandSeparator=","
      required={field.required}
      {...props}
    />
  )
}
