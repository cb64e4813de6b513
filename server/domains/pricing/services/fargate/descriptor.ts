import { Type } from '@sinclair/typebox'
import { architecture, d, hours, instanceCount, pointOf, strict } from '../params.js'
import { asArray, asNumber, asRecord, firstBlock } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { fargateExamples } from './examples.js'

/** Ephemeral storage included with every task. */
const FREE_EPHEMERAL_GB = 20

/**
 * Fargate bills vCPU-hours and GB-hours = tasks × size × hours, and configured ephemeral storage above the
 * 20 GB included with every task as GB-hours.
 */
export const fargate = defineService({
  id: 'fargate',
  usageTypePrefix: 'fargate',
  name: 'AWS Fargate',
  category: 'compute',
  description: 'Serverless containers for ECS and EKS, billed per vCPU-hour and GB-hour.',
  help: 'Linux tasks: tasks × hours at the task size, per architecture, and ephemeral storage above 20 GB.',
  params: Type.Object(
    {
      tasks: instanceCount(100_000, {
        title: 'Tasks',
        description: 'Running tasks, or {min, typical, max}.',
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
    },
    strict,
  ),
  rangedParams: ['tasks', 'hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    const taskHours = d(pointOf(p.tasks, at)).times(pointOf(p.hours, at))
    sink(`fargate.vcpu_hours.${p.architecture}`, taskHours.times(p.vcpu))
    sink(`fargate.gb_hours.${p.architecture}`, taskHours.times(p.memory_gb))
    sink('fargate.ephemeral_gb_hours', taskHours.times(p.ephemeral_storage_gb - FREE_EPHEMERAL_GB))
  },
  usageTypes: [
    { match: 'fargate.vcpu_hours.*', unit: 'vCPU-hours', kind: 'flow', description: 'Per architecture.' },
    { match: 'fargate.gb_hours.*', unit: 'GB-hours', kind: 'flow', description: 'Memory, per architecture.' },
    {
      match: 'fargate.ephemeral_gb_hours',
      unit: 'GB-hours',
      kind: 'flow',
      description: 'Ephemeral storage above 20 GB.',
    },
  ],
  ingestEvents: [],
  sdk: [],
  priceList: [],
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
      return {
        params: {
          tasks: Math.max(1, asNumber(values.desired_count) ?? 1),
          vcpu: cpu / 1024,
          memory_gb: memory / 1024,
          hours: 730,
          architecture:
            firstBlock(task.runtime_platform).cpu_architecture === 'ARM64'
              ? ('arm64' as const)
              : ('x86_64' as const),
          ephemeral_storage_gb: Math.max(FREE_EPHEMERAL_GB, ephemeral ?? FREE_EPHEMERAL_GB),
        },
      }
    },
  },
  examples: fargateExamples,
})
