import { Type } from '@sinclair/typebox'
import { countHours, d, hours, instanceCount, strict } from '../params.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'

/** The instance sizes App Runner offers. */
const VCPU_SIZES = [0.25, 0.5, 1, 2, 4] as const
const MEMORY_SIZES_GB = [0.5, 1, 2, 3, 4, 6, 8, 10, 12] as const
/** Terraform's defaults for `instance_configuration`: 1 vCPU (1024 units) and 2 GB (2048 MB). */
const DEFAULT_VCPU = 1
const DEFAULT_MEMORY_GB = 2

const instanceHours = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 744_000, title, description }))

/**
 * AWS App Runner. Each provisioned container instance is billed for its memory every hour it is deployed, idle
 * or not; while instances serve requests they are active and add their vCPU, and instances App Runner adds beyond
 * the provisioned ones add their memory as well. Memory is one rate whether provisioned or active.
 */
export const apprunner = defineService({
  id: 'apprunner',
  usageTypePrefix: 'apprunner',
  name: 'AWS App Runner',
  category: 'compute',
  description: 'Managed container web services, billed per GB-hour of memory and per active vCPU-hour.',
  help:
    'Instance size, provisioned instances and the hours deployed, the instance-hours spent serving requests ' +
    '(vCPU billed) and the instance-hours of instances scaled out beyond the provisioned ones (memory billed ' +
    'too). The automatic-deployment and build fees are not modelled (no sourced rate).',
  params: Type.Object(
    {
      vcpu: Type.Union(
        VCPU_SIZES.map((size) => Type.Literal(size)),
        { default: DEFAULT_VCPU, title: 'vCPU per instance', description: '0.25, 0.5, 1, 2 or 4 vCPU.' },
      ),
      memory_gb: Type.Union(
        MEMORY_SIZES_GB.map((size) => Type.Literal(size)),
        { default: DEFAULT_MEMORY_GB, title: 'Memory per instance (GB)', description: '0.5 to 12 GB.' },
      ),
      provisioned_instances: instanceCount(25, {
        title: 'Provisioned instances',
        description: 'Instances kept provisioned (the auto scaling minimum, 1 by default).',
      }),
      hours,
      active_instance_hours: instanceHours(
        'Active instance-hours per month',
        'Instance-hours spent processing requests, provisioned and scaled-out instances together.',
      ),
      scaled_out_instance_hours: instanceHours(
        'Scaled-out instance-hours per month',
        'The part of the active instance-hours run by instances beyond the provisioned ones.',
      ),
    },
    strict,
  ),
  rangedParams: ['provisioned_instances', 'hours'],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if ((p.scaled_out_instance_hours ?? 0) > (p.active_instance_hours ?? 0))
      details.push({
        field: 'params.scaled_out_instance_hours',
        reason: 'cannot exceed active_instance_hours (scaled-out instances are active)',
      })
    if (!validSize(p.vcpu, p.memory_gb))
      details.push({
        field: 'params.memory_gb',
        reason: `${p.memory_gb} GB is not offered with ${p.vcpu} vCPU`,
      })
    return details
  },
  toUsage(p, at, sink) {
    const provisionedHours = countHours(p.provisioned_instances, p.hours, at)
    sink('apprunner.provisioned_gb_hours', provisionedHours.times(p.memory_gb))
    sink('apprunner.active_vcpu_hours', d(p.active_instance_hours ?? 0).times(p.vcpu))
    sink('apprunner.active_gb_hours', d(p.scaled_out_instance_hours ?? 0).times(p.memory_gb))
  },
  usageTypes: [
    {
      match: 'apprunner.provisioned_gb_hours',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Provisioned instance memory.',
    },
    {
      match: 'apprunner.active_vcpu_hours',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'Active instance vCPU.',
    },
    {
      match: 'apprunner.active_gb_hours',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Memory of instances scaled out beyond the provisioned ones.',
    },
  ],
  ingest: {},
  sdk: [],
  // No public copy of the AWSAppRunner offer's usage types was found; `pricing import` leaves it untouched.
  // AWSAppRunner products: provisioned memory, and active memory and vCPU.
  priceList: [
    ...exactUsageTypes('AWSAppRunner', [
      ['AppRunner-Provisioned-GB-hours', 'apprunner.provisioned_gb_hours', 'GB-hours'],
      ['AppRunner-GB-hours', 'apprunner.active_gb_hours', 'GB-hours'],
      ['AppRunner-vCPU-hours', 'apprunner.active_vcpu_hours', 'vCPU-hours'],
    ]),
  ],
  terraform: {
    aws_apprunner_service: ({ values }) => {
      const config = firstBlock(values.instance_configuration)
      const vcpu = closest(VCPU_SIZES, parseSize(config.cpu, 1024, 'vcpu') ?? DEFAULT_VCPU)
      const memory = closest(MEMORY_SIZES_GB, parseSize(config.memory, 1024, 'gb') ?? DEFAULT_MEMORY_GB)
      return {
        params: { vcpu, memory_gb: memory, provisioned_instances: 1, hours: 730, active_instance_hours: 0 },
      }
    },
  },
  examples: [],
})

/** The vCPU and memory pairs App Runner accepts (the memory sizes its API reference lists per vCPU size). */
function validSize(vcpu: number, memoryGb: number): boolean {
  if (vcpu === 0.25) return memoryGb === 0.5 || memoryGb === 1
  if (vcpu === 0.5) return memoryGb === 1
  if (vcpu === 1) return memoryGb >= 2 && memoryGb <= 4
  if (vcpu === 2) return memoryGb === 4 || memoryGb === 6
  return memoryGb >= 8
}

/** `"1024"` (units of 1/1024 vCPU, or MB) or `"1 vCPU"` / `"2 GB"`, as Terraform accepts them. */
function parseSize(value: unknown, perUnit: number, unit: 'vcpu' | 'gb'): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^\s*([\d.]+)\s*(vcpu|gb)?\s*$/i.exec(value)
  if (!match?.[1]) return undefined
  const amount = Number(match[1])
  return match[2]?.toLowerCase() === unit ? amount : amount / perUnit
}

function closest<T extends number>(sizes: readonly T[], wanted: number): T {
  return sizes.reduce((best, size) => (Math.abs(size - wanted) < Math.abs(best - wanted) ? size : best))
}

function firstBlock(value: unknown): Record<string, unknown> {
  const block = Array.isArray(value) ? value[0] : undefined
  return typeof block === 'object' && block !== null ? (block as Record<string, unknown>) : {}
}
