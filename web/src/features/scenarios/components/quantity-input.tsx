import { TextInput, type TextInputProps } from '@mantine/core'
import { formatQuantity, parseQuantity } from '../quantity'

/**
 * A number field that takes "10M" or "1.5k" as well as "1,500": the form keeps the typed text (checked by
 * validateParam, converted by toParams), and the field says which number it read.
 */
export function QuantityInput({
  value,
  onChange,
  description,
  ...props
}: Omit<TextInputProps, 'value' | 'onChange'> & { value: unknown; onChange: (value: string) => void }) {
  const text = typeof value === 'number' ? formatQuantity(value) : typeof value === 'string' ? value : ''
  const parsed = text.trim() ? parseQuantity(text) : null
  const reading =
    parsed?.ok && formatQuantity(parsed.value) !== text.trim() ? `= ${formatQuantity(parsed.value)}` : null
  return (
    <TextInput
      inputMode="decimal"
      autoComplete="off"
      {...props}
      value={text}
      onChange={(event) => onChange(event.currentTarget.value)}
      description={reading ?? description}
    />
  )
}
