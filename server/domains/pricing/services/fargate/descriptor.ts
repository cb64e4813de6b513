import { Type } from '@sinclair/typebox'
import { architecture, d, hours, instanceCount, optional, pointOf, strict } from '../params.js'
import { asArray, asNumber, asRecord, firstBlock } from '../plan-values.js'
import {
  defineService,
  exactUsageTypes,
  savingsPlanRateType,
  type ValidationDetail,
  withSavingsPlanRate,
} from '../service-descriptor.js'
import { fargateExamples } from './examples.js'

/** Ephemeral storage included with every task. */
const FREE_EPHEMERAL_GB = 20

/** Windows tasks bill at least 15 minutes. */
const WINDOWS_MINIMUM_HOURS = 0.25

/**
 * Fargate bills vCPU-hours and GB-hours = tasks × size × hours, and configured ephemeral storage above the
 * 20 GB included with every task as GB-hours. Windows tasks (x86 only) bill their own vCPU and GB rates plus an
 * OS licence fee per vCPU-hour, per minute with a 15-minute minimum: a task's monthly hours are billed as at
 * least 0.25 (the minimum of one run; many short runs of one task are the user's to enter).
 *
 * Pods of Amazon EKS on Fargate bill the same way (vCPU-hours and GB-hours of the pod's billed size) at the
 * Fargate rates AWS lists under EKS; they run Linux on x86_64 only, with the 20 GB of ephemeral storage included.
 */
export const fargate = defineService({
  id: 'fargate',
  usageTypePrefix: 'fargate',
  name: 'AWS Fargate',
  category: 'compute',
  description: 'Serverless containers for ECS and EKS, billed per vCPU-hour and GB-hour.',
  help: 'Tasks (ECS) or pods (EKS) × hours at the task size, per architecture or Windows (with its OS licence fee and 15-minute minimum), and ephemeral storage above 20 GB.',
  params: Type.Object(
    {
      tasks: instanceCount(100_000, {
        title: 'Tasks',
        description: 'Running tasks (or EKS pods), or {min, typical, max}.',
      }),
      vcpu: Type.Number({
        minimum: 0.25,
        maximum: 16,
        title: 'vCPU per task',
        description: 'vCPUs of one task.',
      }),
      memory_gb: Type.Number({
        minimum: 0.5,
        maximum: 120,
        title: 'Memory per task (GB)',
        description: 'Memory of one task, in GB.',
      }),
      hours,
      architecture,
      ephemeral_storage_gb: Type.Integer({
        minimum: 20,
        maximum: 200,
        default: 20,
        title: 'Ephemeral storage (GB)',
        description: 'Configured ephemeral storage per task; 20 GB are included.',
      }),
      orchestrator: optional(
        Type.Union([Type.Literal('ecs'), Type.Literal('eks')], {
          title: 'Orchestrator',
          description:
            'ecs (ECS tasks) or eks (EKS pods on Fargate: Linux x86_64, 20 GB ephemeral storage; vcpu and ' +
            'memory_gb are the billed pod size EKS reports, its requests plus 256 MB rounded up to a Fargate ' +
            'size). ecs when left out.',
        }),
      ),
      operating_system: optional(
        Type.Union([Type.Literal('linux'), Type.Literal('windows')], {
          title: 'Operating system',
          description:
            'Linux, or Windows (x86_64 only: Windows vCPU and GB rates plus an OS licence fee per vCPU-hour, 15-minute minimum). Linux when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['tasks', 'hours'],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (p.operating_system === 'windows' && p.architecture === 'arm64')
      details.push({ field: 'params.architecture', reason: 'Windows tasks run on x86_64 only' })
    if (p.orchestrator === 'eks') {
      if (p.architecture === 'arm64')
        details.push({ field: 'params.architecture', reason: 'EKS pods on Fargate run on x86_64 only' })
      if (p.operating_system === 'windows')
        details.push({ field: 'params.operating_system', reason: 'EKS pods on Fargate run Linux only' })
      if (p.ephemeral_storage_gb > FREE_EPHEMERAL_GB)
        details.push({
          field: 'params.ephemeral_storage_gb',
          reason: 'EKS pods on Fargate have the 20 GB included and no more',
        })
    }
    return details
  },
  toUsage(p, at, sink) {
    const windows = p.operating_system === 'windows'
    const hoursPerTask = pointOf(p.hours, at)
    const billedHours =
      windows && hoursPerTask > 0 ? Math.max(hoursPerTask, WINDOWS_MINIMUM_HOURS) : hoursPerTask
    const taskHours = d(pointOf(p.tasks, at)).times(billedHours)
    if (p.orchestrator === 'eks') {
      sink('fargate.eks_vcpu_hours', taskHours.times(p.vcpu))
      sink('fargate.eks_gb_hours', taskHours.times(p.memory_gb))
      return
    }
    const rates = windows ? 'windows' : p.architecture
    sink(`fargate.vcpu_hours.${rates}`, taskHours.times(p.vcpu))
    sink(`fargate.gb_hours.${rates}`, taskHours.times(p.memory_gb))
    if (windows) sink('fargate.windows_license_vcpu_hours', taskHours.times(p.vcpu))
    sink('fargate.ephemeral_gb_hours', taskHours.times(p.ephemeral_storage_gb - FREE_EPHEMERAL_GB))
  },
  usageTypes: [
    {
      match: 'fargate.vcpu_hours.*',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'Per architecture (x86_64, arm64) or windows.',
    },
    {
      match: 'fargate.gb_hours.*',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Memory, per architecture (x86_64, arm64) or windows.',
    },
    {
      match: 'fargate.windows_license_vcpu_hours',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'Windows OS licence fee per vCPU-hour.',
    },
    {
      match: 'fargate.eks_vcpu_hours',
      unit: 'vCPU-hours',
      kind: 'flow',
      description: 'EKS pods on Fargate (Linux, x86_64).',
    },
    {
      match: 'fargate.eks_gb_hours',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Memory of EKS pods on Fargate (Linux, x86_64).',
    },
    {
      match: 'fargate.savings_plan_vcpu_hours.*',
      unit: 'vCPU-hours',
      kind: 'flow',
      description:
        'Compute Savings Plan rate per vCPU-hour covered: compute_<term>_<payment>.<x86_64|arm64|windows> ' +
        '(purchase-option comparisons read it; line items never emit it).',
    },
    {
      match: 'fargate.savings_plan_gb_hours.*',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Compute Savings Plan rate per GB-hour of memory covered, same suffix as the vCPU rate.',
    },
    {
      match: 'fargate.ephemeral_gb_hours',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Ephemeral storage above 20 GB.',
    },
  ],
  ingest: {},
  sdk: [],
  // AmazonECS Fargate products (Spot discounts and ECS Anywhere have other usagetypes).
  priceList: [
    ...exactUsageTypes('AmazonECS', [
      ['Fargate-vCPU-Hours:perCPU', 'fargate.vcpu_hours.x86_64', 'vCPU-hours'],
      ['Fargate-GB-Hours', 'fargate.gb_hours.x86_64', 'GB-hours'],
      ['Fargate-ARM-vCPU-Hours:perCPU', 'fargate.vcpu_hours.arm64', 'vCPU-hours'],
      ['Fargate-ARM-GB-Hours', 'fargate.gb_hours.arm64', 'GB-hours'],
      ['Fargate-Windows-vCPU-Hours:perCPU', 'fargate.vcpu_hours.windows', 'vCPU-hours'],
      ['Fargate-Windows-GB-Hours', 'fargate.gb_hours.windows', 'GB-hours'],
    ]).map(withSavingsPlanRate),
    ...exactUsageTypes('AmazonECS', [
      ['Fargate-Windows-OS-Hours:perCPU', 'fargate.windows_license_vcpu_hours', 'vCPU-hours'],
      ['Fargate-EphemeralStorage-GB-Hours', 'fargate.ephemeral_gb_hours', 'GB-hours'],
    ]),
  ],
  terraform: {
    aws_ecs_service: (resource) => {
      const { values } = resource
      const onFargate =
        values.launch_type === 'FARGATE' ||
        asArray(values.capacity_provider_strategy).some((s) =>
          String(asRecord(s).capacity_provider ?? '').startsWith('FARGATE'),
        )
      if (!onFargate)
        return { skip: 'only ECS services on Fargate are priced (EC2 capacity is its instances)' }
      const task = resource.taskDefinition()
      const cpu = asNumber(task?.cpu)
      const memory = asNumber(task?.memory)
      if (!task || cpu === undefined || memory === undefined) {
        return { skip: 'its task definition (with cpu and memory) is not in the plan' }
      }
      const ephemeral = asNumber(firstBlock(task.ephemeral_storage).size_in_gib)
      const platform = firstBlock(task.runtime_platform)
      const windows = String(platform.operating_system_family ?? '').startsWith('WINDOWS')
      return {
        params: {
          tasks: Math.max(1, asNumber(values.desired_count) ?? 1),
          vcpu: cpu / 1024,
          memory_gb: memory / 1024,
          hours: 730,
          architecture: platform.cpu_architecture === 'ARM64' ? ('arm64' as const) : ('x86_64' as const),
          ephemeral_storage_gb: Math.max(FREE_EPHEMERAL_GB, ephemeral ?? FREE_EPHEMERAL_GB),
          ...(windows ? { operating_system: 'windows' as const } : {}),
        },
      }
    },
  },
  examples: fargateExamples,
  commitments(p) {
    // Fargate Spot runs ECS tasks on Linux (x86_64, and Arm since September 2024), never EKS pods or Windows.
    const spot = p.orchestrator !== 'eks' && p.operating_system !== 'windows'
    const rates =
      p.orchestrator === 'eks' ? null : p.operating_system === 'windows' ? 'windows' : p.architecture
    const tasks = pointOf(p.tasks)
    const hoursPerTask = pointOf(p.hours)
    const vcpuType = rates ? `fargate.vcpu_hours.${rates}` : 'fargate.eks_vcpu_hours'
    const gbType = rates ? `fargate.gb_hours.${rates}` : 'fargate.eks_gb_hours'
    return {
      usageType: vcpuType,
      held: { instances: tasks, hours: hoursPerTask },
      spot,
      // The vCPU and memory of the tasks; ephemeral storage and the Windows licence fee stay on demand.
      usage: [
        { usageType: vcpuType, quantity: tasks * hoursPerTask * p.vcpu, hours: hoursPerTask },
        { usageType: gbType, quantity: tasks * hoursPerTask * p.memory_gb, hours: hoursPerTask },
      ],
      offer: ({ commitment, term, payment }) => {
        if (commitment !== 'compute_savings_plan') return undefined
        if (!rates) return { uncovered: 'the plan’s rates for EKS pods on Fargate are not priced here' }
        const offer = `compute_${term}_${payment}`
        return { rates: [savingsPlanRateType(vcpuType, offer), savingsPlanRateType(gbType, offer)] }
      },
    }
  },
})
