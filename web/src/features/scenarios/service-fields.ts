import type { PricingServices } from './api/scenarios-api'
import { parseQuantity, quantityOf } from './quantity'

/** One input of a line item's params form, read from the service's published params schema. */
export type ParamField =
  | {
      name: string
      label: string
      kind: 'number'
      min?: number
      max?: number
      integer?: boolean
      required: boolean
      defaultValue?: number
      description?: string
      /** Also accepts `{min, typical, max}` (the service's `ranged_params`). */
      rangeable?: boolean
    }
  | {
      name: string
      label: string
      kind: 'select'
      /** The choices; none for a free-form name (a text input). */
      options: string[]
      /** What the form shows for a choice that has a name of its own (`choice_labels`): its name and value. */
      optionLabels?: Record<string, string>
      /** A yes/no param: chosen as 'true' or 'false', sent as a boolean. */
      boolean?: true
      required: boolean
      defaultValue?: string
      description?: string
    }

type PricingService = PricingServices['services'][number]
/** The subset of JSON Schema the server publishes for a param (GET /pricing/services: params_schema). */
type ParamSchema = {
  type?: string
  title?: string
  description?: string
  minimum?: number
  maximum?: number
  default?: unknown
  const?: string
  anyOf?: ParamSchema[]
}

function numberField(
  name: string,
  schema: ParamSchema,
  plain: ParamSchema,
  required: boolean,
  rangeable: boolean,
): ParamField {
  return {
    name,
    label: schema.title ?? name,
    kind: 'number',
    min: plain.minimum,
    max: plain.maximum,
    integer: plain.type === 'integer',
    required,
    defaultValue: typeof schema.default === 'number' ? schema.default : undefined,
    description: schema.description,
    rangeable,
  }
}

/**
 * The inputs of a service's line-item form, built from the params schema the server publishes: the title is
 * the label (with its unit), bounds and defaults come from the schema, choices from the catalog.
 */
export function paramFields(service: PricingService | undefined): ParamField[] {
  if (!service) return []
  const schema = service.params_schema as { properties?: Record<string, ParamSchema>; required?: string[] }
  const required = new Set(schema.required ?? [])
  return Object.entries(schema.properties ?? {}).map(([name, property]): ParamField => {
    const isRequired = required.has(name)
    const rangeable = service.ranged_params.includes(name)
    if (rangeable) return numberField(name, property, property.anyOf?.[0] ?? {}, isRequired, true)
    if (property.type === 'integer' || property.type === 'number')
      return numberField(name, property, property, isRequired, false)
    if (property.type === 'boolean') {
      return {
        name,
        label: property.title ?? name,
        kind: 'select',
        options: ['true', 'false'],
        boolean: true,
        required: isRequired,
        defaultValue: typeof property.default === 'boolean' ? String(property.default) : undefined,
        description: property.description,
      }
    }
    const literals = property.anyOf?.flatMap((option) => (option.const === undefined ? [] : [option.const]))
    return {
      name,
      label: property.title ?? name,
      kind: 'select',
      options: literals ?? service.choices[name] ?? [],
      optionLabels: namedChoices(service.choice_labels[name]),
      required: isRequired,
      defaultValue: typeof property.default === 'string' ? property.default : undefined,
      description: property.description,
    }
  })
}

/**
 * A named choice as people search for it: its name, then the value the API takes (`Claude Sonnet 4.5 ·
 * anthropic.claude-sonnet-4-5`), so typing either finds it.
 */
function namedChoices(names: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!names) return undefined
  return Object.fromEntries(Object.entries(names).map(([value, name]) => [value, `${name} · ${value}`]))
}

/** A `{min, typical, max}` value of a rangeable param, as the form holds it (each part may be ''). */
export type RangeValue = { min: unknown; typical: unknown; max: unknown }
export const RANGE_POINTS = ['min', 'typical', 'max'] as const
export const RANGE_POINT_LABELS = { min: 'Min', typical: 'Typical', max: 'Max' } as const

export function isRangeValue(value: unknown): value is RangeValue {
  return typeof value === 'object' && value !== null && RANGE_POINTS.every((point) => point in value)
}

/** A single value widened to a range (all three points equal), or a range narrowed to its typical value. */
export function toggleRange(value: unknown): unknown {
  if (isRangeValue(value)) return value.typical
  return { min: value, typical: value, max: value }
}

/** A stored param for the items list: "2–10 (typical 4)" for a range. */
export function formatParamValue(value: unknown, format: (n: number) => string): string {
  if (isRangeValue(value)) {
    return `${format(Number(value.min))}–${format(Number(value.max))} (typical ${format(Number(value.typical))})`
  }
  return typeof value === 'number' ? format(value) : String(value)
}

/** Each point checked as the plain field, then min ≤ typical ≤ max (server: line-items.ts). */
function validateRange(field: ParamField, range: RangeValue): string | null {
  for (const point of RANGE_POINTS) {
    const problem = validateParam({ ...field, required: true }, range[point])
    if (problem) return `${RANGE_POINT_LABELS[point]}: ${problem.toLowerCase()}`
  }
  const min = quantityOf(range.min)
  const typical = quantityOf(range.typical)
  const max = quantityOf(range.max)
  return min <= typical && typical <= max ? null : 'Needs min ≤ typical ≤ max'
}

/** Checks one param as the user types; the server re-checks everything (and the catalog values). */
export function validateParam(field: ParamField, value: unknown): string | null {
  if (field.kind === 'number' && field.rangeable && isRangeValue(value)) return validateRange(field, value)
  const empty = value === '' || value === undefined || value === null
  if (empty) return field.required ? 'Required' : null
  if (field.kind === 'select') return null
  if (typeof value === 'string') {
    const parsed = parseQuantity(value)
    if (!parsed.ok) return parsed.reason
  }
  const n = quantityOf(value)
  if (!Number.isFinite(n)) return 'Enter a number'
  if (field.integer && !Number.isInteger(n)) return 'Enter a whole number'
  if (field.min !== undefined && n < field.min) return `Must be at least ${field.min}`
  if (field.max !== undefined && n > field.max) return `Must be at most ${field.max.toLocaleString('en-US')}`
  return null
}

/** A stored param as the form holds it: a yes/no param as 'true' or 'false'. */
export function formValue(field: ParamField, stored: unknown): unknown {
  return field.kind === 'select' && field.boolean && typeof stored === 'boolean' ? String(stored) : stored
}

/** Drops empty optional params so the server applies its defaults. */
export function toParams(fields: ParamField[], values: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const field of fields) {
    const value = values[field.name]
    if (value === '' || value === undefined || value === null) continue
    if (isRangeValue(value)) {
      params[field.name] = {
        min: quantityOf(value.min),
        typical: quantityOf(value.typical),
        max: quantityOf(value.max),
      }
    } else if (field.kind === 'number') params[field.name] = quantityOf(value)
    else params[field.name] = field.boolean ? value === 'true' || value === true : value
  }
  return params
}
