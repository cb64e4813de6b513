import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { compareItem, coveredItem } from '../../../../test/purchase-options.js'
import type { PurchaseOptionsQuery } from '../../../scenarios/scenarios.schemas.js'
import { bundledCatalog, findNotOffered, findPrice } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { ExactDecimal } from '../../exact-decimal.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

const EBS_PAGE = 'https://aws.amazon.com/ebs/pricing/'
const volumeOnly = { instance_type: 't3.micro', count: 1, hours: 0 }

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  const result = lineItemsToUsage([{ service: 'ec2', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ region, usage: result.usage, includeFreeTier: false, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

/** Two instances for a month under a No Upfront Reserved Instance: covered, nothing upfront, at these monthly figures. */
function expectNoUpfrontReservation(
  region: string,
  type: string,
  offeringClass: 'standard' | 'convertible',
  term: '1y' | '3y',
  monthly: string,
  onDemandMonthly: string,
) {
  const result = compareItem('ec2', { instance_type: type, count: 2, hours: 730 }, region, {
    commitment: 'reserved_instances',
    term,
    payment: 'no_upfront',
    offering_class: offeringClass,
  })
  const item = coveredItem(result)
  expect(item.offer_usage_types).toEqual([`ec2.reserved_hours.${offeringClass}_${term}_no_upfront.${type}`])
  expect(item.on_demand_monthly).toBe(onDemandMonthly)
  expect(item.upfront).toBe('0')
  expect(item.monthly).toBe(monthly)
  expect(result.not_covered).toEqual([])
}

describe(`EC2 instances, EBS volumes (${EBS_PAGE}) and public IPv4 addresses`, () => {
  it('prices an item saved before EBS params existed exactly as before', () => {
    expect(rows(cost({ instance_type: 'm5.large', count: 2, hours: 730 }))).toEqual({
      'ec2.instance_hours.m5.large': '140.16',
    })
  })

  it('prices current-generation types from the Region’s own rate', () => {
    expect(rows(cost({ instance_type: 'm7i.xlarge', count: 1, hours: 730 }))).toEqual({
      'ec2.instance_hours.m7i.xlarge': '147.168',
    })
    expect(rows(cost({ instance_type: 'c7g.2xlarge', count: 1, hours: 100 }, 'eu-central-1'))).toEqual({
      'ec2.instance_hours.c7g.2xlarge': '32.98',
    })
  })

  it('bills gp3 IOPS and throughput only above the free 3,000 IOPS and 125 MB/s', () => {
    const priced = cost({
      ...volumeOnly,
      count: 2,
      ebs_volume_type: 'gp3',
      ebs_volume_gb: 100,
      ebs_iops: 4000,
      ebs_throughput_mbps: 250,
    })
    // 2 volumes × (100 GB × $0.08, 1,000 IOPS × $0.005, 125 MB/s × $0.04)
    expect(rows(priced)).toEqual({
      'ec2.ebs_gb_month.gp3': '16',
      'ec2.ebs_iops_month.gp3': '10',
      'ec2.ebs_throughput_mbps_month.gp3': '10',
    })
    const baseline = cost({ ...volumeOnly, ebs_volume_gb: 100, ebs_iops: 3000, ebs_throughput_mbps: 125 })
    expect(rows(baseline)).toEqual({ 'ec2.ebs_gb_month.gp3': '8' })
  })

  it('bills io1/io2 IOPS, HDD and magnetic volumes, snapshots, for the hours held', () => {
    expect(rows(cost({ ...volumeOnly, ebs_volume_type: 'io2', ebs_volume_gb: 30, ebs_iops: 300 }))).toEqual({
      'ec2.ebs_gb_month.io2': '3.75',
      'ec2.ebs_iops_month.io2': '19.5',
    })
    expect(rows(cost({ ...volumeOnly, ebs_volume_type: 'st1', ebs_volume_gb: 500, ebs_hours: 365 }))).toEqual(
      {
        'ec2.ebs_gb_month.st1': '11.25',
      },
    )
    const magnetic = cost({
      ...volumeOnly,
      ebs_volume_type: 'standard',
      ebs_volume_gb: 20,
      ebs_io_requests: 1_000_000,
      ebs_snapshot_gb: 10,
    })
    expect(rows(magnetic)).toEqual({
      'ec2.ebs_gb_month.standard': '1',
      'ec2.ebs_io_requests.standard': '0.05',
      'ec2.ebs_snapshot_gb_month': '0.5',
    })
  })

  it('bills public IPv4 addresses per address-hour in each Region', () => {
    const priced = cost(
      { instance_type: 't3.micro', count: 3, hours: 730, public_ipv4_addresses: 1 },
      'eu-west-1',
    )
    expect(rows(priced)['ec2.public_ipv4_hours']).toBe('10.95')
  })

  it('prices EBS at each Region’s own rates from the EBS rate map', () => {
    // Ireland: 100 GB gp3 × $0.088 + 1,000 IOPS above the baseline × $0.0055 + 25 MB/s above 125 × $0.044
    const ireland = cost(
      { ...volumeOnly, ebs_volume_gb: 100, ebs_iops: 4000, ebs_throughput_mbps: 150 },
      'eu-west-1',
    )
    expect(rows(ireland)).toEqual({
      'ec2.ebs_gb_month.gp3': '8.8',
      'ec2.ebs_iops_month.gp3': '5.5',
      'ec2.ebs_throughput_mbps_month.gp3': '1.1',
    })
    // São Paulo: 100 GB gp2 × $0.19 and 10 GB of snapshots × $0.068
    const saoPaulo = cost(
      { ...volumeOnly, ebs_volume_type: 'gp2', ebs_volume_gb: 100, ebs_snapshot_gb: 10 },
      'sa-east-1',
    )
    expect(rows(saoPaulo)).toEqual({ 'ec2.ebs_gb_month.gp2': '19', 'ec2.ebs_snapshot_gb_month': '0.68' })
  })

  it('bills snapshot archive, archive retrievals, fast snapshot restore and EBS direct APIs for the whole item', () => {
    const snapshotFeatures = {
      ...volumeOnly,
      count: 3,
      ebs_snapshot_archive_gb: 1000,
      ebs_snapshot_archive_retrieval_gb: 100,
      ebs_fast_snapshot_restore_dsu_hours: 10,
      ebs_direct_list_requests: 2_000_000,
      ebs_direct_get_units: 10_000,
      ebs_direct_put_units: 10_000,
    }
    // São Paulo: 1,000 × $0.017, 100 × $0.0408, 10 × $1.43, 2,000 × $0.0011, 10 × $0.0057, 10 × $0.011;
    // the instance count does not multiply them.
    expect(rows(cost(snapshotFeatures, 'sa-east-1'))).toEqual({
      'ec2.ebs_snapshot_archive_gb_month': '17',
      'ec2.ebs_snapshot_archive_retrieval_gb': '4.08',
      'ec2.ebs_fast_snapshot_restore_dsu_hours': '14.3',
      'ec2.ebs_direct_api_requests.list': '2.2',
      'ec2.ebs_direct_api_units.get': '0.057',
      'ec2.ebs_direct_api_units.put': '0.11',
    })
  })

  it('reports EBS a Region’s rate map does not list as unpriced, never $0', () => {
    // The rate map lists no io2 in São Paulo and no EBS at all in Taipei.
    const io2 = cost(
      { ...volumeOnly, ebs_volume_type: 'io2', ebs_volume_gb: 100, ebs_iops: 1000 },
      'sa-east-1',
    )
    expect(io2.total).toBe('0')
    expect(io2.unpriced.map((row) => row.usage_type).sort()).toEqual([
      'ec2.ebs_gb_month.io2',
      'ec2.ebs_iops_month.io2',
    ])
    const taipei = cost({ ...volumeOnly, ebs_volume_gb: 100 }, 'ap-east-2')
    expect(taipei.unpriced.map((row) => row.usage_type)).toEqual(['ec2.ebs_gb_month.gp3'])
  })

  it('refuses EBS params that do not apply to the volume type', () => {
    const fields = (params: Record<string, unknown>) => {
      const result = validateLineItem('ec2', { ...volumeOnly, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(fields({ ebs_volume_type: 'gp2', ebs_iops: 100 })).toEqual(['params.ebs_iops'])
    expect(fields({ ebs_volume_type: 'io2', ebs_volume_gb: 100, ebs_iops: 40_000 })).toEqual([
      'params.ebs_iops',
    ])
    expect(fields({ ebs_volume_type: 'io1', ebs_volume_gb: 100 })).toEqual(['params.ebs_iops'])
    expect(fields({ ebs_volume_type: 'st1', ebs_throughput_mbps: 500 })).toEqual([
      'params.ebs_throughput_mbps',
    ])
    expect(fields({ ebs_volume_type: 'gp3', ebs_io_requests: 5 })).toEqual(['params.ebs_io_requests'])
    expect(fields({ ebs_volume_type: 'gp4' })).toEqual(['params.ebs_volume_type'])
  })

  it('imports an instance’s root volume from a Terraform plan', () => {
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            {
              address: 'aws_instance.web',
              mode: 'managed',
              type: 'aws_instance',
              values: {
                instance_type: 'm7g.large',
                root_block_device: [{ volume_type: 'gp3', volume_size: 50, iops: 3000, throughput: 125 }],
              },
            },
          ],
        },
      },
    }
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      {
        instance_type: 'm7g.large',
        count: 1,
        hours: 730,
        ebs_volume_type: 'gp3',
        ebs_volume_gb: 50,
        ebs_iops: 3000,
        ebs_throughput_mbps: 125,
      },
    ])
  })

  it('bills surplus CPU credits of T instances in unlimited mode (Infracost instance golden: 1,460 vCPU-hours = $73.00)', () => {
    const priced = cost({ instance_type: 't3.medium', count: 1, hours: 730, cpu_credit_vcpu_hours: 1460 })
    expect(rows(priced)).toEqual({
      'ec2.instance_hours.t3.medium': '30.368',
      'ec2.cpu_credit_vcpu_hours.t3': '73',
    })
    // t3a is not named on the EC2 On-Demand page's unlimited-mode table: unpriced, never $0.
    const t3a = cost({ instance_type: 't3a.micro', count: 1, hours: 730, cpu_credit_vcpu_hours: 10 })
    expect(t3a.unpriced.map((u) => u.usage_type)).toEqual(['ec2.cpu_credit_vcpu_hours.t3a'])
    const refused = validateLineItem(
      'ec2',
      { instance_type: 'm5.large', count: 1, hours: 730, cpu_credit_vcpu_hours: 5 },
      bundledCatalog,
    )
    expect(refused).toMatchObject({
      ok: false,
      details: [
        {
          field: 'params.cpu_credit_vcpu_hours',
          reason: 'only burstable (T family) instances in unlimited mode bill CPU credits',
        },
      ],
    })
  })

  // EC2 On-Demand page, "T2/T3/T4g Unlimited Mode Pricing": $0.04 per vCPU-hour for T4g, $0.05 for T3 (Linux, RHEL
  // and SLES), $0.096 for T3 on Windows, "the same for all instance sizes ... and across all regions".
  it('bills surplus credits at the page’s rate in every Region, Windows at its own', () => {
    const credits = (params: Record<string, unknown>, region: string) =>
      rows(cost({ count: 1, hours: 0, cpu_credit_vcpu_hours: 100, ...params }, region))
    expect(credits({ instance_type: 't4g.micro' }, 'eu-west-1')).toEqual({
      'ec2.cpu_credit_vcpu_hours.t4g': '4',
    })
    // RHEL's credits take the Linux rate (its instance-hours are unpriced: no RHEL rate is sourced)
    expect(credits({ instance_type: 't3.large', operating_system: 'rhel' }, 'sa-east-1')).toEqual({
      'ec2.cpu_credit_vcpu_hours.t3': '5',
    })
    expect(credits({ instance_type: 't3.medium', operating_system: 'windows' }, 'ap-south-1')).toEqual({
      'ec2.cpu_credit_vcpu_hours_windows.t3': '9.6',
    })
    for (const region of Object.keys(bundledCatalog.prices)) {
      for (const [usageType, price] of [
        ['ec2.cpu_credit_vcpu_hours.t3', '0.05'],
        ['ec2.cpu_credit_vcpu_hours_windows.t3', '0.096'],
        ['ec2.cpu_credit_vcpu_hours.t4g', '0.04'],
      ] as const) {
        expect(
          findPrice(bundledCatalog, region, usageType)?.tiers[0]?.price,
          `${usageType} in ${region}`,
        ).toBe(price)
      }
    }
  })

  it('prices Windows at its own rate (Infracost golden: t3.medium 730 hours $43.80), Linux as before', () => {
    const item = { instance_type: 't3.medium', count: 1, hours: 730 }
    expect(rows(cost({ ...item, operating_system: 'windows' }))).toEqual({
      'ec2.instance_hours_windows.t3.medium': '43.8',
    })
    expect(rows(cost({ ...item, operating_system: 'linux', tenancy: 'shared' }))).toEqual(rows(cost(item)))
    expect(rows(cost(item))).toEqual({ 'ec2.instance_hours.t3.medium': '30.368' })
  })

  it('reports RHEL, SUSE, Dedicated Instances and Windows without a figure as unpriced, never $0', () => {
    const unpriced = (params: Record<string, unknown>, region = 'us-east-1') =>
      cost({ instance_type: 't3.medium', count: 2, hours: 100, ...params }, region).unpriced.map((row) => [
        row.usage_type,
        row.quantity,
      ])
    expect(unpriced({ operating_system: 'rhel' })).toEqual([['ec2.instance_hours_rhel.t3.medium', '200']])
    expect(unpriced({ tenancy: 'dedicated' })).toEqual([['ec2.instance_hours_dedicated.t3.medium', '200']])
    expect(unpriced({ operating_system: 'windows', tenancy: 'dedicated' })).toEqual([
      ['ec2.instance_hours_windows_dedicated.t3.medium', '200'],
    ])
    expect(unpriced({ operating_system: 'windows' }, 'sa-east-1')).toEqual([
      ['ec2.instance_hours_windows.t3.medium', '200'],
    ])
    // Burstable and Graviton types get no Windows rate from the per-vCPU licence rule (below).
    expect(unpriced({ instance_type: 't3.large', operating_system: 'windows' })).toEqual([
      ['ec2.instance_hours_windows.t3.large', '200'],
    ])
    expect(unpriced({ instance_type: 'm7g.large', operating_system: 'windows' })).toEqual([
      ['ec2.instance_hours_windows.m7g.large', '200'],
    ])
  })

  it('prices the Windows and Dedicated rates quoted from Price List rows and a bill, each in its own Region only', () => {
    const item = { count: 1, hours: 730 }
    // us-east-1 offer of 2026-09-10: Windows m5.xlarge $0.376, Dedicated Linux m5.xlarge $0.204
    expect(rows(cost({ ...item, instance_type: 'm5.xlarge', operating_system: 'windows' }))).toEqual({
      'ec2.instance_hours_windows.m5.xlarge': '274.48',
    })
    expect(rows(cost({ ...item, instance_type: 'm5.xlarge', tenancy: 'dedicated' }))).toEqual({
      'ec2.instance_hours_dedicated.m5.xlarge': '148.92',
    })
    // eu-west-1 bill line (2022): Windows t3.medium $0.064; Tokyo offer of 2025-09-26: Windows c5.xlarge $0.398
    expect(
      rows(cost({ ...item, instance_type: 't3.medium', operating_system: 'windows' }, 'eu-west-1')),
    ).toEqual({
      'ec2.instance_hours_windows.t3.medium': '46.72',
    })
    expect(
      rows(cost({ ...item, instance_type: 'c5.xlarge', operating_system: 'windows' }, 'ap-northeast-1')),
    ).toEqual({ 'ec2.instance_hours_windows.c5.xlarge': '290.54' })
  })

  // AWS's EC2 User Guide, "Optimize CPUs for License-Included instances": Windows Server is billed at $0.046 per
  // vCPU hour (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/optimize-cpu.html; catalog source
  // ec2-windows-licence-per-vcpu). The two quoted rates above obey it: $0.192 + 4 × $0.046, $0.214 + 4 × $0.046.
  it('prices Windows on x86 types as the Region’s Linux rate plus $0.046 per vCPU-hour', () => {
    const windows = (instance_type: string, region: string) =>
      rows(cost({ instance_type, count: 1, hours: 730, operating_system: 'windows' }, region))
    // $0.17 + 4 × $0.046 = $0.354; $0.107 + 2 × $0.046 = $0.199; $1.608 + 16 × $0.046 = $2.344
    expect(windows('c5.xlarge', 'us-east-1')).toEqual({ 'ec2.instance_hours_windows.c5.xlarge': '258.42' })
    expect(windows('m5.large', 'eu-west-1')).toEqual({ 'ec2.instance_hours_windows.m5.large': '145.27' })
    expect(windows('r6i.4xlarge', 'sa-east-1')).toEqual({
      'ec2.instance_hours_windows.r6i.4xlarge': '1711.12',
    })
  })

  // RHEL's per-vCPU cloud pricing (July 2024): $0.0144 per vCPU-hour up to 8 vCPUs, $0.0108 from 9 to 127 (Red Hat's
  // cost-management query, project-koku/koku 247ad0e; catalog source ec2-rhel-fee-per-vcpu). AWS announced the move as
  // c5.xlarge $0.0024 an hour cheaper than the former $0.06 fee and c5.4xlarge $0.0428 dearer than the former $0.13.
  it('prices RHEL on x86 types as the Region’s Linux rate plus its vCPUs at the band’s rate', () => {
    const rhel = (instance_type: string) =>
      rows(cost({ instance_type, count: 1, hours: 730, operating_system: 'rhel' }))
    // ($0.17 + 4 × $0.0144) × 730; ($0.68 + 16 × $0.0108) × 730
    expect(rhel('c5.xlarge')).toEqual({ 'ec2.instance_hours_rhel.c5.xlarge': '166.148' })
    expect(rhel('c5.4xlarge')).toEqual({ 'ec2.instance_hours_rhel.c5.4xlarge': '622.544' })
  })

  const vcpus: Record<string, number> = { large: 2, xlarge: 4, '2xlarge': 8, '4xlarge': 16 }
  const x86 = /^(c5|c6i|c7i|m5|m6i|m7a|m7i|r5|r6i|r7i)\.(large|xlarge|2xlarge|4xlarge)$/
  const licenceRules = [
    { os: 'windows', perVcpu: () => '0.046' },
    { os: 'rhel', perVcpu: (n: number) => (n <= 8 ? '0.0144' : '0.0108') },
  ]
  for (const { os, perVcpu } of licenceRules) {
    it(`holds every ${os} rate of the x86, non-burstable types to its licence rule, in every Region`, () => {
      let checked = 0
      for (const [region, prices] of Object.entries(bundledCatalog.prices)) {
        for (const usageType of Object.keys(prices)) {
          const type = usageType.replace('ec2.instance_hours.', '')
          if (!usageType.startsWith('ec2.instance_hours.') || !x86.test(type)) continue
          const n = vcpus[type.split('.')[1] ?? ''] ?? 0
          const linux = findPrice(bundledCatalog, region, usageType)?.tiers[0]?.price ?? 'NaN'
          const priced = findPrice(bundledCatalog, region, `ec2.instance_hours_${os}.${type}`)?.tiers[0]
            ?.price
          const expected = new ExactDecimal(linux).plus(new ExactDecimal(perVcpu(n)).times(n))
          expect(priced, `${type} in ${region}`).toBeDefined()
          expect(new ExactDecimal(priced ?? '0').equals(expected), `${type} in ${region}: ${priced}`).toBe(
            true,
          )
          checked += 1
        }
      }
      expect(checked).toBeGreaterThan(1000)
    })
  }

  it('bills SUSE per started instance-hour, the other systems per second as entered', () => {
    const quantity = (params: Record<string, unknown>) =>
      cost({ instance_type: 't3.medium', count: 3, hours: 10.25, ...params }).unpriced[0]?.quantity
    expect(quantity({ operating_system: 'suse' })).toBe('33')
    expect(quantity({ operating_system: 'rhel' })).toBe('30.75')
  })

  it('imports a dedicated-tenancy instance as dedicated and skips Dedicated Hosts', () => {
    const resource = (name: string, values: Record<string, unknown>) => ({
      address: `aws_instance.${name}`,
      mode: 'managed',
      type: 'aws_instance',
      name,
      values: { instance_type: 'm5.large', ...values },
    })
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [resource('a', { tenancy: 'dedicated' }), resource('b', { tenancy: 'host' })],
        },
      },
    }
    const { items, skipped } = planToLineItems(plan)
    expect(items.map((i) => i.params)).toEqual([
      { instance_type: 'm5.large', count: 1, hours: 730, tenancy: 'dedicated' },
    ])
    expect(skipped.map((s) => s.reason)).toEqual(['Dedicated Hosts are billed per host, not modelled'])
  })
})

/*
 * AWS Pricing Calculator output for 1 c5.xlarge, Windows Server licence (RunInstances:0002), shared tenancy, in
 * ap-northeast-1, as reproduced in github.com/jtdelia/ec2-priceit examples/aws-calculator-output.md (commit
 * ae128cc, 2025-10-17; catalog source `ec2-calculator-c5-windows-apn1`). Each figure below is one the calculator
 * prints: "Reservation instances (upfront)" / "… Savings Plans instances (upfront)" (`upfront`), "Normalized …
 * (monthly)" (`monthly`), and for Savings Plans "Normalized … monthly price" (`effective_monthly`) and "Total
 * Commitment" (the term's total: 12 months of a 1-year plan, 36 of a 3-year one).
 */
const CALCULATOR = 'AWS Pricing Calculator, c5.xlarge Windows ap-northeast-1 (jtdelia/ec2-priceit)'

describe(`EC2 purchase options priced from the ${CALCULATOR}`, () => {
  const windowsC5 = { instance_type: 'c5.xlarge', count: 1, hours: 730, operating_system: 'windows' }

  const compare = (
    query: PurchaseOptionsQuery,
    params: Record<string, unknown> = windowsC5,
    region = 'ap-northeast-1',
  ) => compareItem('ec2', params, region, query)
  const figuresOf = coveredItem

  it('prices On-Demand at the calculator’s 0.398 USD an hour: 730 hours = 290.54 USD', () => {
    expect(rows(cost(windowsC5, 'ap-northeast-1'))).toEqual({
      'ec2.instance_hours_windows.c5.xlarge': '290.54',
    })
  })

  it.each([
    ['1y', 'no_upfront', '0', '232.87'],
    ['1y', 'partial_upfront', '1368', '113.88'],
    ['1y', 'all_upfront', '2714', '0'],
    ['3y', 'no_upfront', '0', '201.48'],
    ['3y', 'partial_upfront', '3543', '98.55'],
    ['3y', 'all_upfront', '6950', '0'],
  ] as const)(
    'Standard Reserved Instances %s %s: %s USD upfront + %s USD a month',
    (term, payment, upfront, monthly) => {
      const item = figuresOf(compare({ commitment: 'reserved_instances', term, payment }))
      expect(item.on_demand_monthly).toBe('290.54')
      expect(item.upfront).toBe(upfront)
      expect(item.monthly).toBe(monthly)
      expect(item.offer_usage_types[0]).toBe(
        `ec2.reserved_hours.standard_${term}_${payment}.windows.c5.xlarge`,
      )
    },
  )

  // [term, payment, upfront, monthly, normalized monthly price, total commitment over the term]
  type PlanCase = [
    NonNullable<PurchaseOptionsQuery['term']>,
    NonNullable<PurchaseOptionsQuery['payment']>,
    string,
    string,
    string,
    string,
  ]
  const plans: Record<'compute_savings_plan' | 'ec2_instance_savings_plan', PlanCase[]> = {
    compute_savings_plan: [
      ['1y', 'no_upfront', '0', '263.53', '263.53', '3162.36'],
      ['1y', 'partial_upfront', '1541.76', '128.48', '256.96', '3083.52'],
      ['1y', 'all_upfront', '3057.24', '0', '254.77', '3057.24'],
      ['3y', 'no_upfront', '0', '226.3', '226.3', '8146.8'],
      ['3y', 'partial_upfront', '3955.14', '109.865', '219.73', '7910.28'],
      ['3y', 'all_upfront', '7857.72', '0', '218.27', '7857.72'],
    ],
    ec2_instance_savings_plan: [
      ['1y', 'no_upfront', '0', '232.87', '232.87', '2794.44'],
      ['1y', 'partial_upfront', '1366.56', '113.88', '227.76', '2733.12'],
      ['1y', 'all_upfront', '2715.6', '0', '226.3', '2715.6'],
      ['3y', 'no_upfront', '0', '201.48', '201.48', '7253.28'],
      ['3y', 'partial_upfront', '3547.8', '98.55', '197.1', '7095.6'],
      ['3y', 'all_upfront', '6937.92', '0', '192.72', '6937.92'],
    ],
  }
  for (const commitment of ['compute_savings_plan', 'ec2_instance_savings_plan'] as const) {
    const cases = plans[commitment]
    it.each(cases)(
      `${commitment} %s %s: %s USD upfront + %s USD a month (normalized %s, commitment %s)`,
      (term, payment, upfront, monthly, normalized, commitmentTotal) => {
        const plan = commitment === 'compute_savings_plan' ? 'compute' : 'ec2_instance'
        const result = compare({ commitment, term, payment })
        const item = figuresOf(result)
        expect(item.on_demand_monthly).toBe('290.54')
        expect(item.upfront).toBe(upfront)
        expect(item.monthly).toBe(monthly)
        expect(item.effective_monthly).toBe(normalized)
        const overTerm = term === '1y' ? item.total_12_months : item.total_36_months
        expect(overTerm.with_option).toBe(commitmentTotal)
        expect(item.offer_usage_types).toEqual(
          payment === 'no_upfront'
            ? [`ec2.savings_plan_hours.${plan}_${term}_${payment}.windows.c5.xlarge`]
            : [
                `ec2.savings_plan_hours.${plan}_${term}_${payment}.windows.c5.xlarge`,
                `ec2.savings_plan_upfront.${plan}_${term}_${payment}.windows.c5.xlarge`,
              ],
        )
        expect(result.not_covered).toEqual([])
        expect(result.modelled_monthly).toEqual({ on_demand: '290.54', with_option: monthly })
      },
    )
  }

  it('renews a 1-year plan at the same rates: 36 months of Compute 1y Partial Upfront pay three upfront parts', () => {
    const item = figuresOf(
      compare({ commitment: 'compute_savings_plan', term: '1y', payment: 'partial_upfront' }),
    )
    expect(item.total_36_months).toEqual({
      on_demand: '10459.44',
      with_option: '9250.56',
      savings: '1208.88',
    })
  })

  it('covers each instance of the item: 3 instances, Compute 1y Partial Upfront', () => {
    const result = compare(
      { commitment: 'compute_savings_plan', term: '1y', payment: 'partial_upfront' },
      { ...windowsC5, count: 3 },
    )
    expect(result.totals.upfront).toBe('4625.28')
    expect(result.totals.monthly).toBe('385.44')
    expect(result.totals.on_demand_monthly).toBe('871.62')
  })

  it('leaves a Savings Plan unpriced, never $0, where no rate is sourced: another OS, type or Region', () => {
    const reasons = (params: Record<string, unknown>, region: string) => {
      const result = compare(
        { commitment: 'compute_savings_plan', term: '1y', payment: 'no_upfront' },
        params,
        region,
      )
      expect(result.items).toEqual([])
      return result.not_covered.map((entry) => entry.reason)
    }
    // Linux c5.xlarge in the same Region: its On-Demand rate is sourced, its Savings Plans rate is not.
    expect(reasons({ ...windowsC5, operating_system: 'linux' }, 'ap-northeast-1')).toEqual([
      'the catalog has no price for ec2.savings_plan_hours.compute_1y_no_upfront.c5.xlarge in ap-northeast-1',
    ])
    // Windows t3.medium in us-east-1: On-Demand sourced (Infracost golden), no Savings Plans rate.
    expect(reasons({ ...windowsC5, instance_type: 't3.medium' }, 'us-east-1')).toEqual([
      'the catalog has no price for ec2.savings_plan_hours.compute_1y_no_upfront.windows.t3.medium in us-east-1',
    ])
    // The same Windows c5.xlarge in another Region takes nothing from Tokyo's figures.
    expect(reasons(windowsC5, 'ap-northeast-3')).toEqual([
      'the catalog has no price for ec2.savings_plan_hours.compute_1y_no_upfront.windows.c5.xlarge in ap-northeast-3',
    ])
  })

  it('never applies the Windows offers to a Dedicated Instance', () => {
    const result = compare(
      { commitment: 'ec2_instance_savings_plan', term: '3y', payment: 'all_upfront' },
      { ...windowsC5, tenancy: 'dedicated' },
    )
    expect(result.items).toEqual([])
    expect(result.not_covered.map((entry) => entry.reason)).toEqual([
      'no on-demand price for ec2.instance_hours_windows_dedicated.c5.xlarge in ap-northeast-1',
    ])
  })
})

/*
 * Linux shared-tenancy Reserved Instances, No Upfront, in the main Regions beyond us-east-1 and eu-west-1: AWS's
 * rate maps behind https://aws.amazon.com/ec2/pricing/reserved-instances/pricing/ as committed in
 * github.com/yeo/ec2.shop data/ec2/<region>-reservedinstance[-convertible]-<1y|3y>.json at commit 74c9fd8
 * (fetched 2025-04-05; catalog source `ec2-ri-rate-maps`). Each case is one row of those files: the hourly fee
 * (`price`) and the On-Demand rate it carries (`OnDemand:PricePerUnit`), two instances × 730 hours.
 */
const RI_MAPS = 'EC2 Reserved Instance rate maps of 2025-04-05 (yeo/ec2.shop 74c9fd8)'

describe(`EC2 Linux Reserved Instances in the main Regions (${RI_MAPS})`, () => {
  // [region, type, offering class, term, row's hourly fee, row's On-Demand rate, monthly fees, on-demand monthly]
  it.each([
    ['us-east-2', 'm5.large', 'standard', '1y', '0.06', '0.096', '87.6', '140.16'],
    ['us-west-2', 'c6g.xlarge', 'standard', '3y', '0.0588', '0.136', '85.848', '198.56'],
    ['eu-west-2', 'r6i.large', 'convertible', '1y', '0.1071', '0.148', '156.366', '216.08'],
    ['eu-central-1', 'm7g.large', 'convertible', '3y', '0.0508', '0.0978', '74.168', '142.788'],
    ['ap-southeast-1', 't3.medium', 'standard', '1y', '0.0332', '0.0528', '48.472', '77.088'],
    // Tokyo's $0.092 is also the Standard 3 year No Upfront rate of an AmazonEC2 Price List row (effective 2025-09-30) as
    // printed in github.com/jtdelia/ec2-priceit (examples/global-pricing-list-info.md), a separate copy.
    ['ap-northeast-1', 'c5.xlarge', 'standard', '3y', '0.092', '0.214', '134.32', '312.44'],
    ['ap-south-1', 'm6i.xlarge', 'convertible', '1y', '0.1491', '0.202', '217.686', '294.92'],
    ['sa-east-1', 't4g.small', 'convertible', '3y', '0.0134', '0.0268', '19.564', '39.128'],
  ] as const)(
    '%s %s %s %s No Upfront: $%s an hour against $%s on demand',
    (region, type, offeringClass, term, _hourly, _onDemand, monthly, onDemandMonthly) =>
      expectNoUpfrontReservation(region, type, offeringClass, term, monthly, onDemandMonthly),
  )

  it('leaves a type the Region does not sell, and the offers the maps lack, out: not covered, never $0', () => {
    const reasons = (region: string, params: Record<string, unknown>, query: PurchaseOptionsQuery) => {
      const result = compareItem('ec2', { count: 1, hours: 730, ...params }, region, query)
      expect(result.items).toEqual([])
      return result.not_covered.map((entry) => entry.reason)
    }
    const ri1y = { commitment: 'reserved_instances', term: '1y', payment: 'no_upfront' } as const
    // AWS does not sell m7a in Singapore, Mumbai or São Paulo (AWS's EC2 rate map of 2026-03-23): nothing to reserve
    expect(reasons('sa-east-1', { instance_type: 'm7a.large' }, ri1y)).toEqual([
      'no on-demand price for ec2.instance_hours.m7a.large in sa-east-1',
    ])
    // London's m7a On-Demand rates come from that later map; the reserved maps of 2025-04-05 predate them
    expect(reasons('eu-west-2', { instance_type: 'm7a.large' }, ri1y)).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_no_upfront.m7a.large in eu-west-2',
    ])
    // Only No Upfront offers were mirrored
    expect(
      reasons('eu-central-1', { instance_type: 'm5.large' }, { ...ri1y, payment: 'partial_upfront' }),
    ).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_partial_upfront.m5.large in eu-central-1',
    ])
    // A Windows item never takes the Linux rate (its On-Demand rate is priced; no Windows RI is sourced)
    expect(reasons('us-east-2', { instance_type: 'm5.large', operating_system: 'windows' }, ri1y)).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_no_upfront.windows.m5.large in us-east-2',
    ])
  })

  it('prices the other Regions from the same maps: ca-central-1 and ap-southeast-2', () => {
    // data/ec2/ca-central-1-reservedinstance-1y.json, m5.large row (rate code 6RXASBV82M8GPCBX.4NA7Y494T4.6YS6EN2CT7):
    //   price 0.0670000000, OnDemand:PricePerUnit 0.1070000000 -> 2 × 730 h × 0.067 = 97.82, on demand × 0.107 = 156.22
    // data/ec2/ap-southeast-2-reservedinstance-convertible-3y.json, c6g.xlarge row (FXVD3D6V9MZ9PEQT.Z2E3P23VKM.…):
    //   price 0.0906000000, OnDemand:PricePerUnit 0.1776000000 -> 2 × 730 h × 0.0906 = 132.276, on demand 259.296
    const cases = [
      ['ca-central-1', 'm5.large', 'standard', '1y', '97.82', '156.22'],
      ['ap-southeast-2', 'c6g.xlarge', 'convertible', '3y', '132.276', '259.296'],
    ] as const
    for (const [region, type, offeringClass, term, monthly, onDemandMonthly] of cases)
      expectNoUpfrontReservation(region, type, offeringClass, term, monthly, onDemandMonthly)
  })
})

/*
 * AWS's AmazonEC2 Price List product 6C86BEPQVG73ZGGR (m5.large, us-east-1, Linux, Shared, RunInstances), offer of
 * 2020-07-09 (version 20200709223013), as returned by GetProducts and pasted into a public Go test's mock (code search
 * index file id 4580963375; catalog source `ec2-offer-use1-m5large-2020-mock`). Its On-Demand rate and four No Upfront
 * rates equal the catalog's (2025 rate maps); its Partial and All Upfront terms are the only ones the catalog has.
 */
const M5_LARGE_2020 = 'AmazonEC2 Price List, us-east-1 m5.large, offer of 2020-07-09'

describe(`EC2 Linux Partial and All Upfront Reserved Instances (${M5_LARGE_2020})`, () => {
  // Two m5.large for a month, by hand from the rows: upfront = 2 × the 'Upfront Fee' row; monthly = 2 × 730 h × the
  // 'reserved instance applied' row; on demand = 2 × 730 × $0.096 = 140.16. Effective monthly = monthly + upfront / term months.
  // [offering class, term, payment, offer term code, upfront fee, hourly fee, upfront, monthly, effective monthly]
  it.each([
    ['standard', '1y', 'partial_upfront', 'HU7G6KETJZ', '252', '0.029', '504', '42.34', '84.34'],
    ['standard', '1y', 'all_upfront', '6QCMYABX3D', '494', '0', '988', '0', '82.333333'],
    ['standard', '3y', 'partial_upfront', '38NPMPTW36', '505', '0.019', '1010', '27.74', '55.795556'],
    ['standard', '3y', 'all_upfront', 'NQ3QZPMQV9', '949', '0', '1898', '0', '52.722222'],
    ['convertible', '1y', 'partial_upfront', 'CUZHX8X6JH', '294', '0.034', '588', '49.64', '98.64'],
    ['convertible', '1y', 'all_upfront', 'VJWZNREJX2', '577', '0', '1154', '0', '96.166667'],
    ['convertible', '3y', 'partial_upfront', 'R5XV2EPZQZ', '592', '0.023', '1184', '33.58', '66.468889'],
    ['convertible', '3y', 'all_upfront', 'MZU6U2429S', '1161', '0', '2322', '0', '64.5'],
  ] as const)(
    '%s %s %s (term %s): $%s upfront + $%s an hour per reservation',
    (offeringClass, term, payment, _code, _fee, _hourly, upfront, monthly, effective) => {
      const result = compareItem('ec2', { instance_type: 'm5.large', count: 2, hours: 730 }, 'us-east-1', {
        commitment: 'reserved_instances',
        term,
        payment,
        offering_class: offeringClass,
      })
      const item = coveredItem(result)
      const offer = `${offeringClass}_${term}_${payment}`
      expect(item.offer_usage_types).toEqual([
        `ec2.reserved_hours.${offer}.m5.large`,
        `ec2.reserved_upfront.${offer}.m5.large`,
      ])
      expect(item.on_demand_monthly).toBe('140.16')
      expect(item.upfront).toBe(upfront)
      expect(item.monthly).toBe(monthly)
      expect(item.effective_monthly).toBe(effective)
      expect(result.not_covered).toEqual([])
    },
  )

  it('agrees with the catalog’s No Upfront rates and prices no other type or Region from it', () => {
    // The same product's No Upfront rows: 4NA7Y494T4 $0.06, BPH4J8HBKS $0.041, 7NE97W5U4E $0.071, Z2E3P23VKM $0.049
    const noUpfront = {
      standard_1y_no_upfront: '0.06',
      standard_3y_no_upfront: '0.041',
      convertible_1y_no_upfront: '0.071',
      convertible_3y_no_upfront: '0.049',
    }
    for (const [offer, rate] of Object.entries(noUpfront))
      expect(
        findPrice(bundledCatalog, 'us-east-1', `ec2.reserved_hours.${offer}.m5.large`)?.tiers[0]?.price,
      ).toBe(rate)
    const notCovered = (region: string, type: string) =>
      compareItem('ec2', { instance_type: type, count: 1, hours: 730 }, region, {
        commitment: 'reserved_instances',
        term: '1y',
        payment: 'partial_upfront',
      }).not_covered.map((entry) => entry.reason)
    expect(notCovered('us-east-1', 'm5.xlarge')).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_partial_upfront.m5.xlarge in us-east-1',
    ])
    expect(notCovered('us-east-2', 'm5.large')).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_partial_upfront.m5.large in us-east-2',
    ])
  })
})

/*
 * AWS's EC2 On-Demand rate map of 2026-03-23 (hawkFilePublicationDate 2026-03-23T18:41:22Z) as committed in
 * github.com/iann0036/aws-price-watcher at commit 03bc3d59f (processed/ec2.json; catalog source
 * `page-rates-ec2-2026-03`): its rows 'OnDemand Linux-instancetype-m7a.<size>' list EU (London) and not Asia Pacific
 * (Singapore), Asia Pacific (Mumbai) or South America (Sao Paulo).
 */
const RATE_MAP_2026_03 = "AWS's EC2 rate map of 2026-03-23 (iann0036/aws-price-watcher 03bc3d59f)"

describe(`EC2 m7a in the main Regions (${RATE_MAP_2026_03})`, () => {
  it.each([
    // [type, count, hours, the map's EU (London) rate, cost]
    ['m7a.large', 2, 730, '0.13403', '195.68'],
    ['m7a.xlarge', 1, 730, '0.26806', '195.68'],
    ['m7a.2xlarge', 1, 100, '0.53612', '53.61'],
    ['m7a.4xlarge', 3, 730, '1.07224', '2348.21'],
  ] as const)('eu-west-2 %s × %i for %i hours at $%s an hour: $%s', (type, count, hours, rate, total) => {
    const priced = priceItems('ec2', [{ instance_type: type, count, hours }], {
      region: 'eu-west-2',
      includeFreeTier: false,
    })
    const row = priced.by_service[0]?.by_usage_type[0]
    expect(row?.usage_type).toBe(`ec2.instance_hours.${type}`)
    expect(row?.unit_price).toBe(rate)
    expect(cents(priced.total)).toBe(total)
    expect(priced.unpriced).toEqual([])
  })

  it.each(['ap-southeast-1', 'ap-south-1', 'sa-east-1'])(
    '%s: AWS does not sell m7a there, so it is reported as not offered, never $0 and never another Region’s rate',
    (region) => {
      for (const type of ['m7a.large', 'm7a.xlarge', 'm7a.2xlarge', 'm7a.4xlarge']) {
        const priced = priceItems('ec2', [{ instance_type: type, count: 1, hours: 730 }], {
          region,
          includeFreeTier: false,
        })
        expect(priced.total).toBe('0')
        expect(priced.unpriced.map((row) => [row.usage_type, row.reason])).toEqual([
          [
            `ec2.instance_hours.${type}`,
            `AWS does not offer ec2.instance_hours.${type} in ${region} ` +
              '(https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json, as of 2026-03-23)',
          ],
        ])
      }
      // The claim covers every operating system, tenancy and offer of the type, not other types
      for (const usageType of [
        'ec2.instance_hours_windows.m7a.large',
        'ec2.instance_hours_dedicated.m7a.xlarge',
        'ec2.reserved_hours.standard_1y_no_upfront.m7a.2xlarge',
        'ec2.savings_plan_hours.compute_1y_no_upfront.m7a.4xlarge',
      ]) {
        expect(findNotOffered(bundledCatalog, region, usageType)?.source, usageType).toBe(
          'page-rates-ec2-2026-03',
        )
      }
      expect(findNotOffered(bundledCatalog, region, 'ec2.instance_hours.m7i.large')).toBeUndefined()
      expect(findPrice(bundledCatalog, region, 'ec2.instance_hours.m7i.large')).toBeDefined()
    },
  )
})

describe(`EC2 c7i and m7i outside the main Regions (${RATE_MAP_2026_03})`, () => {
  it('prices Regions outside the main ten at the rate map of 2026-03-23 (page-rates-ec2-2026-03)', () => {
    const hours = (instance_type: string, region: string, operating_system = 'linux') =>
      rows(cost({ instance_type, count: 1, hours: 730, operating_system }, region))
    // processed/ec2.json 'OnDemand Linux-instancetype-m7i.large', 'Africa (Cape Town)': $0.13335 × 730 h
    expect(hours('m7i.large', 'af-south-1')).toEqual({ 'ec2.instance_hours.m7i.large': '97.3455' })
    // Windows = the same Linux rate + 2 vCPUs × $0.046 = $0.22535 × 730 h
    expect(hours('m7i.large', 'af-south-1', 'windows')).toEqual({
      'ec2.instance_hours_windows.m7i.large': '164.5055',
    })
    // '…m7i.4xlarge', 'EU (Zurich)': $1.06256; RHEL + 16 vCPUs × $0.0108 = $1.23536 × 730 h
    expect(hours('m7i.4xlarge', 'eu-central-2', 'rhel')).toEqual({
      'ec2.instance_hours_rhel.m7i.4xlarge': '901.8128',
    })
    // '…c7i.xlarge', 'Asia Pacific (Hyderabad)': $0.1785 × 730 h; '…m7i.2xlarge', 'Israel (Tel Aviv)': $0.47188
    expect(hours('c7i.xlarge', 'ap-south-2')).toEqual({ 'ec2.instance_hours.c7i.xlarge': '130.305' })
    expect(hours('m7i.2xlarge', 'il-central-1')).toEqual({ 'ec2.instance_hours.m7i.2xlarge': '344.4724' })
    const entry = findPrice(bundledCatalog, 'ap-southeast-4', 'ec2.instance_hours.c7i.large')
    expect(entry?.source).toBe('page-rates-ec2-2026-03')
    expect(entry?.confidence).toBe('price-list')
    expect(entry?.as_of).toBe('2026-03-23')
  })

  it('finds no other Region for the catalog types in the whole 2026-03-23 map: the families it does not list there are not offered', () => {
    const linux = (instance_type: string, region: string) =>
      cost({ instance_type, count: 1, hours: 730 }, region)
    // Rows read whole (every type, every catalog Region) rebuild the catalog's figures, e.g.
    // 'OnDemand Linux-instancetype-t3.medium', 'Asia Pacific (Thailand)': $0.0475 × 730 h = $34.675;
    // '…c6g.large', 'Mexico (Central)': $0.0714 × 730 h = $52.122
    expect(rows(linux('t3.medium', 'ap-southeast-7'))).toEqual({ 'ec2.instance_hours.t3.medium': '34.675' })
    expect(rows(linux('c6g.large', 'mx-central-1'))).toEqual({ 'ec2.instance_hours.c6g.large': '52.122' })
    // No size of c5 lists Asia Pacific (Malaysia), of t3a Africa (Cape Town), of c6i Middle East (UAE): AWS does
    // not sell them there, in any operating system or purchase option, and Lambda has no fee for them there
    for (const [type, region] of [
      ['c5.large', 'ap-southeast-5'],
      ['t3a.large', 'af-south-1'],
      ['c6i.large', 'me-central-1'],
    ] as const) {
      const priced = linux(type, region)
      expect(priced.total, `${type} ${region}`).toBe('0')
      expect(priced.unpriced.map((row) => [row.usage_type, row.reason])).toEqual([
        [
          `ec2.instance_hours.${type}`,
          `AWS does not offer ec2.instance_hours.${type} in ${region} ` +
            '(https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/USD/current/ec2.json, as of 2026-03-23)',
        ],
      ])
      for (const usageType of [
        `ec2.instance_hours_windows.${type}`,
        `ec2.reserved_hours.standard_1y_no_upfront.${type}`,
      ])
        expect(findNotOffered(bundledCatalog, region, usageType)?.source, usageType).toBe(
          'page-rates-ec2-2026-03',
        )
    }
    expect(
      findNotOffered(bundledCatalog, 'ap-southeast-5', 'lambda.managed_instance_fee_hours.c5.large')?.source,
    ).toBe('page-rates-ec2-2026-03')
    // A family the map lists there keeps its price: m7a in Stockholm
    expect(findNotOffered(bundledCatalog, 'eu-north-1', 'ec2.instance_hours.m7a.large')).toBeUndefined()
    expect(findPrice(bundledCatalog, 'eu-north-1', 'ec2.instance_hours.m7a.large')).toBeDefined()
  })
})
