import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/fargate/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  const result = lineItemsToUsage([{ service: 'fargate', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ region, usage: result.usage, includeFreeTier: false, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const task = { tasks: 1, vcpu: 1, memory_gb: 2, hours: 730 }

describe(`Fargate Windows at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an item saved before the operating system param existed exactly as before (Linux)', () => {
    // 730 × $0.04048 and 1,460 × $0.004445
    expect(rows(cost(task))).toEqual({
      'fargate.vcpu_hours.x86_64': '29.5504',
      'fargate.gb_hours.x86_64': '6.4897',
    })
    expect(rows(cost({ ...task, operating_system: 'linux' }))).toEqual(rows(cost(task)))
  })

  it('bills Windows vCPU and GB at their own rates plus the OS licence fee per vCPU-hour', () => {
    // 730 × $0.046552, 1,460 × $0.00511175, 730 × $0.046
    expect(rows(cost({ ...task, operating_system: 'windows' }))).toEqual({
      'fargate.vcpu_hours.windows': '33.98296',
      'fargate.gb_hours.windows': '7.463155',
      'fargate.windows_license_vcpu_hours': '33.58',
    })
  })

  it('bills a Windows task at least 15 minutes, a Linux one as entered', () => {
    const short = { tasks: 4, vcpu: 2, memory_gb: 4, hours: 0.1 }
    const windows = rows(cost({ ...short, operating_system: 'windows' }))
    // 4 tasks × 0.25 h × 2 vCPU = 2 vCPU-hours
    expect(windows['fargate.windows_license_vcpu_hours']).toBe('0.092')
    expect(rows(cost(short))['fargate.vcpu_hours.x86_64']).toBe('0.032384')
  })

  it('refuses Windows on Arm', () => {
    const result = validateLineItem(
      'fargate',
      { ...task, operating_system: 'windows', architecture: 'arm64' },
      bundledCatalog,
    )
    expect(result.ok ? [] : result.details.map((detail) => detail.field)).toEqual(['params.architecture'])
  })

  it('reports Windows unpriced where the rate map has no Windows rates, never $0', () => {
    const priced = cost({ ...task, operating_system: 'windows' }, 'ap-southeast-6')
    expect(priced.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'fargate.gb_hours.windows',
      'fargate.vcpu_hours.windows',
      'fargate.windows_license_vcpu_hours',
    ])
  })

  it('imports a Windows task definition as a Windows item, a Linux one without the param', () => {
    const plan = (family: string) => ({
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_ecs_service.app',
              mode: 'managed',
              type: 'aws_ecs_service',
              values: { launch_type: 'FARGATE', desired_count: 2 },
            },
            {
              address: 'aws_ecs_task_definition.app',
              mode: 'managed',
              type: 'aws_ecs_task_definition',
              values: {
                cpu: '1024',
                memory: '2048',
                runtime_platform: [{ operating_system_family: family, cpu_architecture: 'X86_64' }],
              },
            },
          ],
        },
      },
    })
    const windows = planToLineItems(plan('WINDOWS_SERVER_2022_CORE')).items[0]?.params
    expect(windows).toEqual({
      tasks: 2,
      vcpu: 1,
      memory_gb: 2,
      hours: 730,
      architecture: 'x86_64',
      ephemeral_storage_gb: 20,
      operating_system: 'windows',
    })
    const linux = planToLineItems(plan('LINUX')).items[0]?.params
    expect(linux).not.toHaveProperty('operating_system')
  })
})

describe('EKS pods on Fargate at the Fargate rates AWS lists under EKS', () => {
  it('bills pod vCPU-hours and GB-hours at the EKS rate map’s rates', () => {
    // 730 × $0.04048 and 1,460 × $0.004445, the ECS Linux x86 rates in us-east-1
    expect(rows(cost({ ...task, orchestrator: 'eks' }))).toEqual({
      'fargate.eks_vcpu_hours': '29.5504',
      'fargate.eks_gb_hours': '6.4897',
    })
    // São Paulo: 2 pods × 0.5 vCPU × 730 h × $0.0696, 2 × 1 GB × 730 × $0.0076
    expect(
      rows(cost({ tasks: 2, vcpu: 0.5, memory_gb: 1, hours: 730, orchestrator: 'eks' }, 'sa-east-1')),
    ).toEqual({ 'fargate.eks_vcpu_hours': '50.808', 'fargate.eks_gb_hours': '11.096' })
  })

  it('reproduces Infracost’s EKS Fargate profile golden (1 vCPU and 1 GB for 730 hours: $29.55 + $3.24)', () => {
    const priced = rows(cost({ tasks: 1, vcpu: 1, memory_gb: 1, hours: 730, orchestrator: 'eks' }))
    expect(
      [priced['fargate.eks_vcpu_hours'], priced['fargate.eks_gb_hours']].map((c) => Number(c).toFixed(2)),
    ).toEqual(['29.55', '3.24'])
  })

  it('refuses what EKS pods on Fargate do not offer', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('fargate', { ...task, orchestrator: 'eks', ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({})).toEqual([])
    expect(refused({ architecture: 'arm64' })).toEqual(['params.architecture'])
    expect(refused({ operating_system: 'windows' })).toEqual(['params.operating_system'])
    expect(refused({ ephemeral_storage_gb: 30 })).toEqual(['params.ephemeral_storage_gb'])
  })
})
