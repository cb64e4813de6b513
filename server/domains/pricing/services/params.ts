/**
 * Building blocks of the params schemas. Each param carries a `title` (the form label, with its unit) and a
 * `description` (what it means), so the contract and the web form say the same thing.
 */
import { type TSchema, Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { ExactDecimal } from '../exact-decimal.js'
import type { RangePoint, ValidationDetail } from './service-descriptor.js'

/** Hours in the longest month (31 days): no monthly line item can run longer. */
export const MAX_HOURS = 744
/** Hours of the average month AWS uses in its calculator; the default for always-on resources. */
export const DEFAULT_HOURS = 730
/** Upper bound for per-month counts (requests, tokens, units): far above any real workload, below float trouble. */
const MAX_COUNT = 1e15
/** Upper bound for stored or transferred gigabytes per month (1 EB). */
const MAX_GB = 1e9

export const strict = { additionalProperties: false } as const

type Labels = { title: string; description: string }

export const count = ({ title, description }: Labels) =>
  Type.Integer({ minimum: 0, maximum: MAX_COUNT, title, description })
export const gigabytes = ({ title, description }: Labels) =>
  Type.Number({ minimum: 0, maximum: MAX_GB, title, description })
export const catalogName = ({ title, description }: Labels) =>
  Type.String({ minLength: 1, maxLength: 100, title, description })

/**
 * A quantity the user is unsure of: `{min, typical, max}` with min ≤ typical ≤ max. `typical` is the point
 * value every cost block uses; the costs answer's `modelled_range` prices all items at min and at max.
 */
const rangeOf = <T extends TSchema>(value: T) =>
  Type.Object({ min: value, typical: value, max: value }, { additionalProperties: false })
/** A plain quantity or its `{min, typical, max}` range. */
const rangeable = <T extends TSchema>(value: T, options: Labels & { default?: number }) =>
  Type.Union([value, rangeOf(value)], options)

export const hours = rangeable(Type.Number({ minimum: 0, maximum: MAX_HOURS }), {
  default: DEFAULT_HOURS,
  title: 'Hours per month',
  description: 'Hours per month, or {min, typical, max}: 730 = always on; a range for machines that sleep.',
})
export const instanceCount = (maximum: number, labels: Labels) =>
  rangeable(Type.Integer({ minimum: 1, maximum }), labels)
/**
 * A param added to a service after its first release is optional without a schema default, so a stored line
 * item keeps exactly the params it was sent with; the descriptor applies the stated value when it is left out.
 */
export const optional = <T extends TSchema>(schema: T) => Type.Optional(schema)
/** Capacity held per hour (DynamoDB RCUs, Lambda provisioned concurrency), or a range; 0 when left out. */
export const capacityUnits = (maximum: number, labels: Labels) =>
  optional(rangeable(Type.Integer({ minimum: 0, maximum }), labels))
/** `hours` for a param added later: the same bounds, 730 when left out. */
export const optionalHours = optional(
  rangeable(Type.Number({ minimum: 0, maximum: MAX_HOURS }), {
    title: 'Hours per month',
    description: 'Hours per month, or {min, typical, max}; 730 (always on) when left out.',
  }),
)

export const architecture = Type.Union([Type.Literal('x86_64'), Type.Literal('arm64')], {
  default: 'x86_64',
  title: 'Architecture',
  description: 'x86_64 or arm64 (Graviton), each with its own price.',
})

export type Ranged = number | { min: number; typical: number; max: number }

/** The value of a plain or ranged quantity at one point of its range. */
export function pointOf(value: Ranged, at: RangePoint = 'typical'): number {
  return typeof value === 'number' ? value : value[at]
}

/** An exact decimal for usage arithmetic. */
export const d = (value: number | string | Decimal): Decimal => new ExactDecimal(value)

/** Hours per month at one point of their range; 730 (always on) when an optional `hours` is left out. */
export function hoursAt(value: Ranged | undefined, at: RangePoint): number {
  return value === undefined ? DEFAULT_HOURS : pointOf(value, at)
}

/**
 * Resource-hours (instance-, node-, broker-, shard-hours): how many run, times the hours each runs, both read
 * at the same point of their ranges; `hours` left out is 730.
 */
export function countHours(count: Ranged, hours: Ranged | undefined, at: RangePoint): Decimal {
  return d(pointOf(count, at)).times(hoursAt(hours, at))
}

/**
 * The params set that belong to another mode of a service (shards on an on-demand stream, OCUs on a managed
 * domain): one detail each, saying which mode they do not apply to (`mode`, e.g. "on_demand streams").
 */
export function fieldsOfOtherMode(
  params: Readonly<Record<string, unknown>>,
  misplaced: readonly string[],
  mode: string,
): ValidationDetail[] {
  return misplaced
    .filter((field) => params[field] !== undefined)
    .map((field) => ({ field: `params.${field}`, reason: `does not apply to ${mode}` }))
}
