import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage, unpricedReason } from '../../cost-engine.js'
import { lineItemsToUsage, lineItemToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/lambda/pricing/'

function usageOf(items: Record<string, unknown>[]) {
  const result = lineItemsToUsage(
    items.map((params) => ({ service: 'lambda', params })),
    bundledCatalog,
  )
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return result.usage
}
function cost(items: Record<string, unknown>[], includeFreeTier = false, region = 'us-east-1') {
  return priceUsage({ region, usage: usageOf(items), includeFreeTier, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const cents = (amount: string | undefined) => Number(amount).toFixed(2)

describe(`Lambda pricing depth at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an item saved before these params existed exactly as before', () => {
    expect(rows(cost([{ invocations: 1_000_000, avg_duration_ms: 1000, memory_mb: 1024 }]))).toEqual({
      'lambda.requests': '0.2',
      'lambda.gb_seconds.x86_64': '16.6667',
    })
  })

  it('bills provisioned concurrency all month when its hours are left out, and the item’s duration at the PC rate', () => {
    const priced = cost([
      {
        invocations: 0,
        avg_duration_ms: 0,
        memory_mb: 2048,
        architecture: 'arm64',
        provisioned_concurrency: 1,
      },
    ])
    // 1 × 2 GB × 730 h × 3,600 s = 5,256,000 GB-s × $0.0000033334 (Arm)
    expect(rows(priced)).toEqual({ 'lambda.provisioned_concurrency_gb_seconds.arm64': '17.52035' })
    const served = cost([
      { invocations: 1_000_000, avg_duration_ms: 1000, memory_mb: 1024, provisioned_concurrency: 0 },
    ])
    // provisioned_concurrency 0 is on demand
    expect(Object.keys(rows(served)).sort()).toEqual(['lambda.gb_seconds.x86_64', 'lambda.requests'])
  })

  it('prices a provisioned concurrency range at min, typical and max', () => {
    const params = {
      invocations: 0,
      avg_duration_ms: 0,
      memory_mb: 1024,
      provisioned_concurrency: { min: 1, typical: 2, max: 4 },
      provisioned_hours: { min: 10, typical: 10, max: 20 },
    }
    const validated = validateLineItem('lambda', params, bundledCatalog)
    if (!validated.ok) throw new Error(JSON.stringify(validated.details))
    const gbSeconds = (at: 'min' | 'typical' | 'max') =>
      lineItemToUsage('lambda', validated.params, at)
        .get('lambda.provisioned_concurrency_gb_seconds.x86_64')
        ?.toFixed()
    expect([gbSeconds('min'), gbSeconds('typical'), gbSeconds('max')]).toEqual(['36000', '72000', '288000'])
  })

  it('reproduces each charge of the response streaming example; its $39.04 sums charges rounded to the cent', () => {
    // 3M × 500 ms at 1536 MB: 2M responses of 100 KB and 1M of 7 MB, the 100 GB free streaming already used.
    const items = [
      {
        invocations: 2_000_000,
        avg_duration_ms: 500,
        memory_mb: 1536,
        streamed_mb_per_invocation: 100 / 1024,
      },
      { invocations: 1_000_000, avg_duration_ms: 500, memory_mb: 1536, streamed_mb_per_invocation: 7 },
    ]
    const usage = usageOf(items)
    // 1M × (7 − 6) MB = 976.5625 GB; 100 KB responses stream free
    expect(usage.get('lambda.streamed_gb')?.toFixed()).toBe('976.5625')
    const exhausted = structuredClone(bundledCatalog)
    const lambdaTier = exhausted.services.lambda
    if (!lambdaTier) throw new Error('no lambda service')
    lambdaTier.free_tier = lambdaTier.free_tier.filter(
      (offer) => !offer.usage_types.includes('lambda.streamed_gb'),
    )
    const priced = priceUsage({ region: 'us-east-1', usage, includeFreeTier: true, catalog: exhausted })
    const byType = rows(priced)
    expect(cents(byType['lambda.gb_seconds.x86_64'])).toBe('30.83')
    expect(cents(byType['lambda.requests'])).toBe('0.40')
    expect(cents(byType['lambda.streamed_gb'])).toBe('7.81')
    // unrounded: $30.833395 + $0.40 + $7.8125 = $39.045895
    expect(cents(priced.total)).toBe('39.05')
    // with the month's 100 GB of free streaming still unused, 876.5625 GB are billed
    const fresh = rows(cost(items, true))
    expect(fresh['lambda.streamed_gb']).toBe('7.0125')
  })

  it('bills the Kafka EPU-hours of ESM example 1 ($148); the page bills 60M requests for 1M a day over 30 days', () => {
    const priced = cost(
      [
        {
          invocations: 30_000_000,
          avg_duration_ms: 2000,
          memory_mb: 1024,
          esm_source: 'kafka',
          esm_epu_hours: 800,
        },
      ],
      true,
    )
    const byType = rows(priced)
    expect(byType['lambda.esm_epu_hours.kafka']).toBe('148')
    // 59,600,000 GB-s × $0.0000166667 = $993.33 (the page prints $993.3)
    expect(cents(byType['lambda.gb_seconds.x86_64'])).toBe('993.34')
    // 1M a day × 30 days = 30M invocations (60M seconds); the page bills 60M requests ($12.00), here 29M after
    // the free tier
    expect(byType['lambda.requests']).toBe('5.8')
  })

  it('prices Lambda@Edge, SnapStart and Kafka EPUs in other Regions at their own rates', () => {
    const edge = rows(
      cost(
        [{ invocations: 1_000_000, avg_duration_ms: 100, memory_mb: 1024, deployment: 'edge' }],
        false,
        'eu-west-1',
      ),
    )
    expect(edge).toEqual({ 'lambda.edge_requests': '0.6', 'lambda.edge_gb_seconds': '5.001' })
    const seoul = rows(
      cost(
        [
          {
            invocations: 0,
            avg_duration_ms: 0,
            memory_mb: 1024,
            snapstart_cached_version_hours: 1,
            snapstart_restores: 1000,
            esm_source: 'kafka',
            esm_epu_hours: 10,
          },
        ],
        false,
        'ap-northeast-2',
      ),
    )
    expect(seoul).toEqual({
      'lambda.snapstart_cache_gb_seconds': '0.006618',
      'lambda.snapstart_restore_gb': '0.167459',
      'lambda.esm_epu_hours.kafka': '2.26',
    })
  })

  it('prices SQS provisioned-mode EPUs and tenant isolation in the main Regions at their own rates (2025-12-17 rate map)', () => {
    const item = {
      invocations: 0,
      avg_duration_ms: 0,
      memory_mb: 1024,
      esm_source: 'sqs',
      esm_epu_hours: 1000,
      tenant_isolated_environments: 100_000,
    }
    // 1,000 EPU-hours × the Region's rate; 100,000 environments × 1 GB × $0.000166667.
    const expected: Record<string, string> = {
      'us-east-2': '9.25',
      'us-west-2': '9.25',
      'eu-west-1': '10.35',
      'eu-west-2': '10.65',
      'eu-central-1': '11.05',
      'ap-southeast-1': '11.55',
      'ap-northeast-1': '11.90',
      'ap-south-1': '9.70',
      'sa-east-1': '14.70',
    }
    for (const [region, epu] of Object.entries(expected)) {
      const priced = cost([item], false, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(rows(priced)['lambda.esm_epu_hours.sqs']), region).toBe(epu)
      expect(cents(rows(priced)['lambda.tenant_environment_gb.x86_64']), region).toBe('16.67')
    }
    // The Sao Paulo item all told: $14.70 + $16.67.
    expect(cents(cost([item], false, 'sa-east-1').total)).toBe('31.37')
  })

  it('prices durable functions in the main Regions the 2025-12-17 rate map lists them in, at their own rates', () => {
    // The page's durable example quantities: 4M operations, 104 GB written, 72.8 GB-months retained.
    const item = {
      invocations: 0,
      avg_duration_ms: 0,
      memory_mb: 128,
      durable_operations: 4_000_000,
      durable_data_written_gb: 104,
      durable_data_retained_gb_months: 72.8,
    }
    // Rate map codes Y68w94wIpe… (per operation), oOoyVHfcej… (per GB written), -V_2ZuCr5A… (per GB-month).
    const expected: Record<string, [string, string, string]> = {
      'us-east-1': ['32.00', '26.00', '10.92'], // the page's own example: $8.00/M, $0.25, $0.15
      'us-east-2': ['32.00', '26.00', '10.92'],
      'us-west-2': ['32.00', '26.00', '10.92'],
      'eu-west-1': ['34.40', '27.04', '11.65'], // 4M × $0.0000086, 104 × $0.26, 72.8 × $0.16
      'eu-central-1': ['44.00', '35.36', '14.56'], // 4M × $0.000011, 104 × $0.34, 72.8 × $0.20
      'ap-southeast-1': ['41.20', '33.28', '14.56'], // 4M × $0.0000103, 104 × $0.32, 72.8 × $0.20
    }
    for (const [region, [operations, written, retained]] of Object.entries(expected)) {
      const priced = cost([item], false, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(rows(priced)['lambda.durable_operations']), region).toBe(operations)
      expect(cents(rows(priced)['lambda.durable_written_gb']), region).toBe(written)
      expect(cents(rows(priced)['lambda.durable_retained_gb_months']), region).toBe(retained)
    }
    expect(cents(cost([item], false, 'eu-central-1').total)).toBe('93.92')
    // The map has no durable code in these sections: unpriced, never $0, and not claimed not offered.
    for (const region of ['eu-west-2', 'ap-northeast-1', 'ap-south-1', 'sa-east-1']) {
      const priced = cost([item], false, region)
      expect(priced.unpriced.map((row) => row.usage_type).sort(), region).toEqual([
        'lambda.durable_operations',
        'lambda.durable_retained_gb_months',
        'lambda.durable_written_gb',
      ])
      expect(unpricedReason(bundledCatalog, region, 'lambda.durable_operations'), region).not.toMatch(
        /^AWS does not offer/,
      )
    }
  })

  it('reports what a Region lacks as unpriced, never $0', () => {
    // The 2025-12-17 rate map lists no tenant isolation rate in Asia Pacific (New Zealand).
    const tenant = cost(
      [{ invocations: 0, avg_duration_ms: 0, memory_mb: 1024, tenant_isolated_environments: 10 }],
      false,
      'ap-southeast-6',
    )
    expect(tenant.unpriced.map((row) => row.usage_type)).toEqual(['lambda.tenant_environment_gb.x86_64'])
    const edge = cost(
      [{ invocations: 10, avg_duration_ms: 10, memory_mb: 128, deployment: 'edge' }],
      false,
      'ap-southeast-4',
    )
    expect(edge.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'lambda.edge_gb_seconds',
      'lambda.edge_requests',
    ])
  })

  it('reproduces each charge of the tenant isolation example; its $368.74 rounds $333.334 of compute up', () => {
    // 10M invokes × 2 s at 1024 MB x86, 200K tenant-isolated environments created: $2 + $333.34 + $33.4.
    const priced = cost([
      {
        invocations: 10_000_000,
        avg_duration_ms: 2000,
        memory_mb: 1024,
        tenant_isolated_environments: 200_000,
      },
    ])
    expect(rows(priced)).toEqual({
      'lambda.requests': '2',
      'lambda.gb_seconds.x86_64': '333.334',
      'lambda.tenant_environment_gb.x86_64': '33.4',
    })
    expect(cents(priced.total)).toBe('368.73')
  })

  it('bills Arm tenant-isolated environments as unpriced: the page prints only the x86 figure', () => {
    const priced = cost([
      {
        invocations: 0,
        avg_duration_ms: 0,
        memory_mb: 2048,
        architecture: 'arm64',
        tenant_isolated_environments: 10,
      },
    ])
    expect(priced.unpriced.map((row) => [row.usage_type, row.quantity])).toEqual([
      ['lambda.tenant_environment_gb.arm64', '20'],
    ])
  })

  it('bills Lambda Managed Instances as requests plus a 15% fee on the EC2 On-Demand price, no duration', () => {
    const item = {
      invocations: 100_000_000,
      avg_duration_ms: 200,
      memory_mb: 2048,
      ephemeral_storage_mb: 1024,
      compute: 'managed_instances',
      managed_instance_type: 'm7g.large',
      managed_instances: 3,
    }
    const priced = cost([item])
    // 100M × $0.20 per million; 3 × 730 h × 15% of m7g.large's $0.0816 On-Demand rate ($0.01224)
    expect(rows(priced)).toEqual({
      'lambda.managed_instance_requests': '20',
      'lambda.managed_instance_fee_hours.m7g.large': '26.8056',
    })
    const ec2 = priceUsage({
      region: 'us-east-1',
      usage: (() => {
        const result = lineItemsToUsage(
          [{ service: 'ec2', params: { instance_type: 'm7g.large', count: 3, hours: 730 } }],
          bundledCatalog,
        )
        if (!result.ok) throw new Error(JSON.stringify(result.details))
        return result.usage
      })(),
      includeFreeTier: false,
      catalog: bundledCatalog,
    })
    // The fee is 15% of the instances' own EC2 line item.
    expect(Number(rows(priced)['lambda.managed_instance_fee_hours.m7g.large'])).toBeCloseTo(
      Number(ec2.total) * 0.15,
      6,
    )
    // The requests are not Lambda's free-tier requests.
    expect(cost([item], true).total).toBe(priced.total)
  })

  it('bills the Managed Instances fee at 15% of the same Region’s EC2 rate, and leaves the rest unpriced there', () => {
    const item = {
      invocations: 100_000_000,
      avg_duration_ms: 200,
      memory_mb: 2048,
      compute: 'managed_instances',
      managed_instance_type: 'm7g.large',
      managed_instances: 3,
    }
    // eu-west-1 m7g.large $0.091 an hour (source page-rates-ec2): fee $0.01365, × 3 × 730 h = $29.89.
    // The request rate is sourced for us-east-1 only, so the requests stay unpriced.
    const ireland = cost([item], false, 'eu-west-1')
    expect(cents(rows(ireland)['lambda.managed_instance_fee_hours.m7g.large'])).toBe('29.89')
    expect(ireland.unpriced.map((row) => row.usage_type)).toEqual(['lambda.managed_instance_requests'])
    // ap-northeast-1 c7i.xlarge $0.2247 (page-rates-ec2): fee $0.033705, × 2 × 730 h = $49.21.
    const tokyo = cost(
      [{ ...item, managed_instance_type: 'c7i.xlarge', managed_instances: 2 }],
      false,
      'ap-northeast-1',
    )
    expect(cents(rows(tokyo)['lambda.managed_instance_fee_hours.c7i.xlarge'])).toBe('49.21')
    // eu-west-2 m7a.large $0.13403 (AWS's EC2 rate map of 2026-03-23, page-rates-ec2-2026-03): fee $0.0201045,
    // × 3 × 730 h = $44.03.
    const london = cost([{ ...item, managed_instance_type: 'm7a.large' }], false, 'eu-west-2')
    expect(cents(rows(london)['lambda.managed_instance_fee_hours.m7a.large'])).toBe('44.03')
    // The fee follows the Region's own EC2 rate, never the us-east-1 fee: AWS does not sell m7a in Mumbai (absent
    // from the same map), so its fee there is not offered either, and says so.
    const mumbai = cost([{ ...item, managed_instance_type: 'm7a.large' }], false, 'ap-south-1')
    expect(mumbai.unpriced.map((row) => row.usage_type)).toEqual([
      'lambda.managed_instance_fee_hours.m7a.large',
      'lambda.managed_instance_requests',
    ])
    expect(unpricedReason(bundledCatalog, 'ap-south-1', 'lambda.managed_instance_fee_hours.m7a.large')).toBe(
      'AWS does not offer lambda.managed_instance_fee_hours.m7a.large in ap-south-1 ' +
        '(https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json, as of 2026-03-23)',
    )
  })

  it('prices Regions outside the main ten: SQS EPUs and tenant isolation from the 2025-12-17 rate map, the LMI fee at 15% of the Region’s EC2 rate', () => {
    // iann0036/aws-price-watcher raw/lambda.json (5f413c1, 2025-12-17), unnamed codes Mwt8a0… (SQS EPU-hour) and
    // K5bCBU… (x86 tenant isolation, per GB): 'Africa (Cape Town)' 0.0122000000 and 0.0002210000, 'Asia Pacific (Hong
    // Kong)' 0.0127500000 and 0.0002292000, 'Asia Pacific (Osaka)' 0.0119000000 and 0.0001666670.
    const item = {
      invocations: 0,
      avg_duration_ms: 0,
      memory_mb: 1024,
      esm_source: 'sqs',
      esm_epu_hours: 1000,
      tenant_isolated_environments: 100_000,
    }
    for (const [region, epu, tenant] of [
      ['af-south-1', '12.20', '22.10'],
      ['ap-east-1', '12.75', '22.92'],
      ['ap-northeast-3', '11.90', '16.67'],
    ] as const) {
      const priced = cost([item], false, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(rows(priced)['lambda.esm_epu_hours.sqs']), region).toBe(epu)
      expect(cents(rows(priced)['lambda.tenant_environment_gb.x86_64']), region).toBe(tenant)
    }
    // LMI is sold in all commercial Regions but four since 2026-06-08 (lambda-mi-regions-2026-06). Seoul m7g.large
    // $0.1003 an hour (page-rates-ec2): fee $0.015045, × 3 × 730 h = $32.95; Cape Town m5.large $0.127: fee
    // $0.01905, × 2 × 730 h = $27.81. The request rate stays unpriced outside us-east-1.
    const lmi = {
      invocations: 1_000_000,
      avg_duration_ms: 200,
      memory_mb: 2048,
      compute: 'managed_instances',
      managed_instance_type: 'm7g.large',
      managed_instances: 3,
    }
    const seoul = cost([lmi], false, 'ap-northeast-2')
    expect(cents(rows(seoul)['lambda.managed_instance_fee_hours.m7g.large'])).toBe('32.95')
    expect(seoul.unpriced.map((row) => row.usage_type)).toEqual(['lambda.managed_instance_requests'])
    const capeTown = cost(
      [{ ...lmi, managed_instance_type: 'm5.large', managed_instances: 2 }],
      false,
      'af-south-1',
    )
    expect(cents(rows(capeTown)['lambda.managed_instance_fee_hours.m5.large'])).toBe('27.81')
    // Not sold in Israel (Tel Aviv), Middle East (Bahrain), Middle East (UAE) and Asia Pacific (Auckland) = ap-southeast-6.
    for (const region of ['il-central-1', 'me-south-1', 'me-central-1', 'ap-southeast-6']) {
      expect(
        unpricedReason(bundledCatalog, region, 'lambda.managed_instance_fee_hours.m5.large'),
        region,
      ).toMatch(/^AWS does not offer lambda\.managed_instance_fee_hours\.m5\.large in /)
      expect(unpricedReason(bundledCatalog, region, 'lambda.managed_instance_requests'), region).toMatch(
        /^AWS does not offer lambda\.managed_instance_requests in /,
      )
    }
  })

  it('prices the LMI fee on the c7i and m7i rates of the 2026-03-23 EC2 map outside the main ten', () => {
    // page-rates-ec2-2026-03 (aws-price-watcher processed/ec2.json): 'OnDemand Linux-instancetype-c7i.large',
    // 'Africa (Cape Town)' $0.1197 → fee $0.017955, × 2 × 730 h = $26.21; '…m7i.xlarge', 'EU (Zurich)' $0.26564 → fee
    // $0.039846 × 730 h = $29.09; '…c7i.4xlarge', 'Asia Pacific (Melbourne)' $0.9324 → fee $0.13986 × 730 h = $102.10.
    const lmi = (managed_instance_type: string, managed_instances: number) => ({
      invocations: 1_000_000,
      avg_duration_ms: 200,
      memory_mb: 2048,
      compute: 'managed_instances',
      managed_instance_type,
      managed_instances,
    })
    for (const [region, type, count, total] of [
      ['af-south-1', 'c7i.large', 2, '26.21'],
      ['eu-central-2', 'm7i.xlarge', 1, '29.09'],
      ['ap-southeast-4', 'c7i.4xlarge', 1, '102.10'],
    ] as const) {
      const priced = cost([lmi(type, count)], false, region)
      expect(cents(rows(priced)[`lambda.managed_instance_fee_hours.${type}`]), region).toBe(total)
      expect(
        priced.unpriced.map((row) => row.usage_type),
        region,
      ).toEqual(['lambda.managed_instance_requests'])
    }
  })

  it('refuses Managed Instances params that do not fit the compute type', () => {
    const base = { invocations: 1, avg_duration_ms: 1, memory_mb: 128 }
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('lambda', { ...base, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field).sort()
    }
    expect(refused({ compute: 'managed_instances' })).toEqual([
      'params.managed_instance_type',
      'params.managed_instances',
    ])
    const managed = { compute: 'managed_instances', managed_instance_type: 'm7g.large', managed_instances: 3 }
    expect(refused(managed)).toEqual([])
    expect(refused({ ...managed, provisioned_concurrency: 1 })).toEqual(['params.provisioned_concurrency'])
    expect(refused({ ...managed, deployment: 'edge' })).toEqual(['params.deployment'])
    expect(refused({ ...managed, managed_instance_type: 'x9.huge' })).toEqual([
      'params.managed_instance_type',
    ])
    expect(refused({ managed_instances: 3 })).toEqual(['params.managed_instances'])
    expect(refused({ ...managed, managed_instance_type: 't3.large' })).toEqual([
      'params.managed_instance_type',
    ])
  })

  it('refuses params that do not go together', () => {
    const base = { invocations: 1, avg_duration_ms: 1, memory_mb: 128 }
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('lambda', { ...base, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({ esm_epu_hours: 5 })).toEqual(['params.esm_source'])
    expect(refused({ esm_source: 'sqs' })).toEqual(['params.esm_epu_hours'])
    expect(refused({ deployment: 'edge', architecture: 'arm64' })).toEqual(['params.architecture'])
    expect(refused({ deployment: 'edge', provisioned_concurrency: 2 })).toEqual([
      'params.provisioned_concurrency',
    ])
    expect(refused({ deployment: 'edge', durable_operations: 4 })).toEqual(['params.durable_operations'])
    expect(refused({ provisioned_hours: 8 })).toEqual(['params.provisioned_hours'])
    expect(refused({ streamed_mb_per_invocation: -1 }).length).toBeGreaterThan(0)
  })

  it('imports a Terraform function without any of the new params', () => {
    const plan = {
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_lambda_function.api',
              type: 'aws_lambda_function',
              values: { memory_size: 1024, architectures: ['arm64'] },
            },
          ],
        },
      },
    }
    const imported = planToLineItems(plan)
    expect(imported.items.map((item) => item.params)).toEqual([
      {
        invocations: 0,
        avg_duration_ms: 0,
        memory_mb: 1024,
        architecture: 'arm64',
        ephemeral_storage_mb: 512,
      },
    ])
  })
})
