import { Select, type SelectProps, Switch, TagsInput, Textarea, TextInput } from '@mantine/core'
import type { GetInputPropsOptions, GetInputPropsReturnType } from '@mantine/form'
import { usePricingRegions } from '../api/scenarios-api'
import type { ScenarioField } from '../scenario-field-rules'

/** Any form holding at least the scenario's own fields: the create dialog's and the settings dialog's. */
type ScenarioFieldsForm = {
  getInputProps: (path: ScenarioField, options?: GetInputPropsOptions) => GetInputPropsReturnType
}

/**
 * Name, description, region, tags and the free-tier switch, the fields the create dialog and the settings
 * dialog share; each dialog adds its own fields around them and says what the region means to it (`region`).
 */
export function ScenarioFields({
  form,
  region,
}: {
  form: ScenarioFieldsForm
  region?: Pick<SelectProps, 'description' | 'renderOption' | 'inputWrapperOrder'>
}) {
  const regions = usePricingRegions()
  return (
    <>
      <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
      <Textarea label="Description" autosize minRows={2} {...form.getInputProps('description')} />
      <Select
        label="Region"
        required
        searchable
        allowDeselect={false}
        data={(regions.data?.regions ?? []).map((r) => ({
          value: r.code,
          label: `${r.name} (${r.code})`,
        }))}
        nothingFoundMessage={regions.isError ? 'Could not load regions' : 'No region'}
        {...form.getInputProps('region')}
        {...region}
      />
      <TagsInput label="Tags" placeholder="Type a tag and press Enter" {...form.getInputProps('tags')} />
      <Switch
        label="Apply the AWS free tier"
        {...form.getInputProps('include_free_tier', { type: 'checkbox' })}
      />
    </>
  )
}
