import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { validateEvents } from '../../../ingest/events.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/kinesis/data-firehose/pricing/'
/** Records of 5 KB that make 10 GB (10 × 2^30 / 5,120). */
const RECORDS_PER_10_GB = 2_097_152

function cost(params: Record<string, unknown>, region = 'eu-west-2') {
  return priceItems('firehose', [params], { region, includeFreeTier: true })
}

describe(`Firehose at the rates of ${PAGE} (eu-west-2)`, () => {
  it('bills each record rounded up to 5 KB', () => {
    // 3 KB and 5 KB records both bill 5 KB: 10 GB × $0.035.
    expect(cents(cost({ records: RECORDS_PER_10_GB, avg_record_kb: 3 }).total)).toBe('0.35')
    expect(cents(cost({ records: RECORDS_PER_10_GB, avg_record_kb: 5 }).total)).toBe('0.35')
    // 12 KB bills 15 KB: 30 GB.
    expect(cents(cost({ records: RECORDS_PER_10_GB, avg_record_kb: 12 }).total)).toBe('1.05')
  })

  it('prices ingestion in three bands and adds conversion and VPC delivery (Infracost’s golden figures)', () => {
    // withAllTags: 7,000,000 GB = $17,920 + $46,080 + $118,848 ingested, $147,000 conversion, $70,000 VPC data,
    // 2 AZs × 730 h = $16.06.
    const priced = cost({
      records: 700_000 * RECORDS_PER_10_GB,
      avg_record_kb: 5,
      format_conversion: true,
      vpc_delivery: true,
    })
    expect(cents(priced.total)).toBe('399864.06')
  })

  it('us-east-2: ingestion, conversion and VPC delivery (its offer as quoted), the later bands from the rate map', () => {
    // 10 GB × ($0.029 + $0.018 + $0.01) + 2 AZs × 730 h × $0.01
    const ohio = cost(
      { records: RECORDS_PER_10_GB, avg_record_kb: 5, format_conversion: true, vpc_delivery: true },
      'us-east-2',
    )
    expect(ohio.unpriced).toEqual([])
    expect(cents(ohio.total)).toBe('15.17')
    // 600,000 GB: 512,000 × $0.029 + 88,000 × $0.025 (AWS's Firehose rate map of 2025-05-22, page-rates-firehose)
    const beyond = cost({ records: 60_000 * RECORDS_PER_10_GB, avg_record_kb: 5 }, 'us-east-2')
    expect(beyond.unpriced).toEqual([])
    expect(cents(beyond.total)).toBe('17048.00')
  })

  it('us-east-1: the golden test’s 7,000,000 GB stream at the rate map’s rates, every band', () => {
    // 512,000 × $0.029 + 1,536,000 × $0.025 + 4,952,000 × $0.020 = $152,288 ingested, 7,000,000 × $0.018 conversion,
    // × $0.01 VPC data, 2 AZs × 730 h × $0.01
    const priced = cost(
      { records: 700_000 * RECORDS_PER_10_GB, avg_record_kb: 5, format_conversion: true, vpc_delivery: true },
      'us-east-1',
    )
    expect(priced.unpriced).toEqual([])
    expect(cents(priced.total)).toBe('348302.60')
  })

  it('prices Taipei and New Zealand from the rate map of 2025-12-16 (page-rates-firehose-2025-12)', () => {
    // aws-price-watcher 139e718 processed/kinesisfirehose.json, 'Asia Pacific (Taipei)': 'Per GB of data ingested
    // first 500TB' 0.0324000000, 'Per GB of data format conversion' 0.0198000000, 'Per GB of data delivered to VPC'
    // 0.0090000000, 'Per Hour per AZ for VPC delivery' 0.0126000000:
    // 10 GB × ($0.0324 + $0.0198 + $0.009) + 2 AZs × 730 h × $0.0126 = $0.612 + $18.396
    const params = {
      records: RECORDS_PER_10_GB,
      avg_record_kb: 5,
      format_conversion: true,
      vpc_delivery: true,
    }
    const taipei = cost(params, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(taipei.total).toBe('19.008')
    // 'Asia Pacific (New Zealand)': 0.0388500000, 0.0241500000, 0.0105000000, 0.0136500000:
    // 10 × ($0.03885 + $0.02415 + $0.0105) + 2 × 730 × $0.01365 = $0.735 + $19.929
    expect(cost(params, 'ap-southeast-6').total).toBe('20.664')
  })

  it('refuses Availability Zones without VPC delivery and records above 1,000 KB', () => {
    const azs = lineItemsToUsage(
      [{ service: 'firehose', params: { records: 1, vpc_availability_zones: 3 } }],
      bundledCatalog,
    )
    expect(azs).toMatchObject({ ok: false, details: [{ field: 'params.vpc_availability_zones' }] })
    const big = lineItemsToUsage(
      [{ service: 'firehose', params: { records: 1, avg_record_kb: 1001 } }],
      bundledCatalog,
    )
    expect(big.ok).toBe(false)
  })

  it('meters a put as its bytes rounded up to 5 KB, converted and delivered into a VPC when flagged', () => {
    const usage = meterWire([
      { type: 'firehose.put', bytes: 0 },
      { type: 'firehose.put', bytes: 5121, format_conversion: true, vpc_delivery: true },
    ])
    expect(usage).toEqual({
      'firehose.ingested_gb': 5120 + 10_240,
      'firehose.format_conversion_gb': 10_240,
      'firehose.vpc_data_gb': 10_240,
    })
    expect(validateEvents([{ type: 'firehose.put', bytes: 1000 * 1024 + 1 }])).toMatchObject({
      ok: false,
      problems: [{ field: 'bytes' }],
    })
  })

  it('imports a delivery stream with its format conversion and VPC subnets', () => {
    const plan = terraformPlan([
      planResource('logs', 'aws_kinesis_firehose_delivery_stream', {
        extended_s3_configuration: [{ data_format_conversion_configuration: [{ enabled: true }] }],
        opensearch_configuration: [{ vpc_config: [{ subnet_ids: ['a', 'b', 'c'] }] }],
      }),
      planResource('plain', 'aws_kinesis_firehose_delivery_stream', {
        extended_s3_configuration: [{ bucket_arn: 'arn' }],
      }),
    ])
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      {
        records: 0,
        avg_record_kb: 1,
        format_conversion: true,
        vpc_delivery: true,
        vpc_availability_zones: 3,
      },
      { records: 0, avg_record_kb: 1 },
    ])
  })
})
