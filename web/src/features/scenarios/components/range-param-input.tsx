import { Group, Input, SimpleGrid, Switch } from '@mantine/core'
import {
  isRangeValue,
  type ParamField,
  RANGE_POINT_LABELS,
  RANGE_POINTS,
  type RangeValue,
  toggleRange,
} from '../service-fields'
import { QuantityInput } from './quantity-input'

type NumberField = Extract<ParamField, { kind: 'number' }>

/**
 * A count or hours param that may be uncertain: one number, or `{min, typical, max}` behind the "Range"
 * switch (typical prices every cost block; min and max price the modelled range).
 */
export function RangeParamInput({
  field,
  value,
  onChange,
  error,
}: {
  field: NumberField
  value: unknown
  onChange: (value: unknown) => void
  error?: string
}) {
  const ranged = isRangeValue(value)
  const setPoint = (point: keyof RangeValue) => (next: number | string) =>
    onChange({ ...(value as RangeValue), [point]: next })
  return (
    <Input.Wrapper
      labelElement="div"
      label={
        <Group gap="xs" component="span">
          {field.label}
          <Switch size="xs" label="Range" checked={ranged} onChange={() => onChange(toggleRange(value))} />
        </Group>
      }
      description={
        ranged ? 'min, typical and max: typical is priced, min/max give the range' : field.description
      }
      error={error}
      required={field.required}
    >
      {ranged ? (
        <SimpleGrid cols={3} spacing="xs">
          {RANGE_POINTS.map((point) => (
            <QuantityInput
              key={point}
              aria-label={`${field.label} ${point}`}
              placeholder={RANGE_POINT_LABELS[point]}
              value={value[point]}
              onChange={setPoint(point)}
              error={Boolean(error)}
            />
          ))}
        </SimpleGrid>
      ) : (
        <QuantityInput aria-label={field.label} value={value} onChange={onChange} error={Boolean(error)} />
      )}
    </Input.Wrapper>
  )
}
