import { Alert, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { type UseFormReturnType, useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { applyServerErrors } from '@/lib/form-errors'
import {
  type ItemInput,
  type LineItem,
  useCreateItem,
  usePricingServices,
  useUpdateItem,
} from '../api/scenarios-api'
import { type ParamField, paramFields, toParams, validateParam } from '../service-fields'
import { ItemCostPreview } from './item-cost-preview'
import { RangeParamInput } from './range-param-input'

type Values = { service: string; label: string; params: Record<string, unknown> }

function initialParams(fields: ParamField[], existing?: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of fields) {
    params[field.name] = existing?.[field.name] ?? field.defaultValue ?? ''
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
  const fieldsOf = (service: string) => paramFields(services.data?.services.find((s) => s.id === service))
  const create = useCreateItem(scenarioId)
  const update = useUpdateItem(scenarioId)
  const [formError, setFormError] = useState<string | null>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { service: 'lambda', label: '', params: {} },
    validateInputOnChange: true,
    validate: (values) => {
      const errors: Record<string, string | null> = {}
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
    const service = item?.service ?? 'lambda'
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
  const serviceOptions = (services.data?.services ?? []).map((s) => ({ value: s.id, label: s.display_name }))

  // Priced as typed once the form passes its own checks; the server's 422 details land on the fields.
  const previewItem =
    opened && form.isValid()
      ? ({ service: form.values.service, params: toParams(fields, form.values.params) } as ItemInput)
      : null

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
              allowDeselect={false}
              disabled={item !== null}
              {...form.getInputProps('service')}
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

function ParamInput({ field, form }: { field: ParamField; form: UseFormReturnType<Values> }) {
  const path = `params.${field.name}`
  const props = form.getInputProps(path)
  if (field.kind === 'select') {
    const { options } = field
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
