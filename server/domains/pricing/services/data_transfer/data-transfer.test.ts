import { describe, expect, it } from 'vitest'
import { priceItems } from '../../../../test/priced-items.js'
import { bundledCatalog } from '../../catalog.js'
import { MAIN_REGIONS } from '../../coverage.js'
import { validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/ec2/pricing/on-demand/ (Data Transfer)'

function cost(params: Record<string, unknown>, region = 'us-east-1', includeFreeTier = false) {
  return priceItems('data_transfer', [params], { region, includeFreeTier })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

describe(`Data transfer across AZs and Regions at the rates of ${PAGE}`, () => {
  it('prices an item saved before these params existed exactly as before', () => {
    expect(rows(cost({ gb_out: 1000 }))).toEqual({ 'data_transfer.out_gb': '90' })
  })

  it('bills a GB moved between Availability Zones in both directions, $0.01 each', () => {
    expect(rows(cost({ gb_out: 0, gb_cross_az: 1000 }))).toEqual({ 'data_transfer.cross_az_gb': '20' })
  })

  it('bills transfer to other Regions at the sending Region’s rate, and US East to US East at $0.01', () => {
    expect(rows(cost({ gb_out: 0, gb_inter_region: 1000, gb_us_east_inter_region: 1000 }))).toEqual({
      'data_transfer.inter_region_gb': '20',
      'data_transfer.us_east_inter_region_gb': '10',
    })
    expect(rows(cost({ gb_out: 0, gb_inter_region: 1000 }, 'ap-southeast-2'))).toEqual({
      'data_transfer.inter_region_gb': '98',
    })
    expect(rows(cost({ gb_out: 0, gb_inter_region: 750 }, 'af-south-1'))).toEqual({
      'data_transfer.inter_region_gb': '110.25',
    })
  })

  it('keeps the 100 GB free allowance on internet egress only', () => {
    expect(rows(cost({ gb_out: 50, gb_cross_az: 50, gb_inter_region: 50 }, 'us-east-1', true))).toEqual({
      'data_transfer.out_gb': '0',
      'data_transfer.cross_az_gb': '1',
      'data_transfer.inter_region_gb': '1',
    })
  })

  // The page with Middle East (UAE) selected: $0.11, $0.085, $0.077, $0.055 per GB in bands of 10, 40, 100 TB and
  // above; "$0.01/GB in each direction" across Availability Zones in every Region. 10,240 × $0.11 + 10,240 × $0.085.
  it('prices Middle East (UAE) egress in its bands and cross-AZ transfer in every Region', () => {
    expect(rows(cost({ gb_out: 20480, gb_cross_az: 100 }, 'me-central-1'))).toEqual({
      'data_transfer.out_gb': '1996.8',
      'data_transfer.cross_az_gb': '2',
    })
    for (const region of Object.keys(bundledCatalog.prices)) {
      expect(cost({ gb_out: 0, gb_cross_az: 1 }, region).unpriced, region).toEqual([])
    }
  })

  // AWS's data transfer rate map of 2026-06-18 (aws-price-watcher b15b67c, processed/datatransfer.json):
  // 'DataTransfer External Outbound Next 10 TB', 'Next 40 TB', 'Next 100 TB' and 'Greater than 150 TB'.
  it('prices internet egress outside the main ten in all four bands (page-rates-datatransfer-2026-06)', () => {
    // 'Asia Pacific (Taipei)': 0.1083000000, 0.0845500000, 0.0817000000, 0.0798000000.
    // 10,240 × $0.1083 + 40,960 × $0.08455 + 102,400 × $0.0817 + 46,400 × $0.0798
    // = $1,108.992 + $3,463.168 + $8,366.08 + $3,702.72
    expect(rows(cost({ gb_out: 200000 }, 'ap-east-2'))).toEqual({ 'data_transfer.out_gb': '16640.96' })
    // 'Asia Pacific (New Zealand)': 0.1140000000, 0.0980000000: 10,240 × $0.114 + 9,760 × $0.098
    expect(rows(cost({ gb_out: 20000 }, 'ap-southeast-6'))).toEqual({ 'data_transfer.out_gb': '2123.84' })
    // 'Asia Pacific (Jakarta)': 0.1320000000 (as dto-offer-aps3), 0.1000000000: 10,240 × $0.132 + 760 × $0.10
    expect(rows(cost({ gb_out: 11000 }, 'ap-southeast-3'))).toEqual({ 'data_transfer.out_gb': '1427.68' })
    // 'Mexico (Central)': 0.0900000000 for the first 10 TB
    expect(rows(cost({ gb_out: 1000 }, 'mx-central-1'))).toEqual({ 'data_transfer.out_gb': '90' })
  })

  it('reports what a Region lacks as unpriced, never $0', () => {
    expect(
      cost({ gb_out: 0, gb_us_east_inter_region: 10 }, 'eu-west-1').unpriced.map((row) => row.usage_type),
    ).toEqual(['data_transfer.us_east_inter_region_gb'])
    expect(
      cost({ gb_out: 0, gb_inter_region: 10 }, 'me-south-1').unpriced.map((row) => row.usage_type),
    ).toEqual(['data_transfer.inter_region_gb'])
    // The UAE page gives $0.1105 to Asia Pacific (Thailand) and $0.085 elsewhere: one rate per Region cannot say it
    expect(
      cost({ gb_out: 0, gb_inter_region: 10 }, 'me-central-1').unpriced.map((row) => row.usage_type),
    ).toEqual(['data_transfer.inter_region_gb'])
  })

  it('says AWS does not offer the US East pair rate outside us-east-1 and us-east-2 (S3 pricing page, CUR guide)', () => {
    // "The data transfer charge from US East (N. Virginia) to US East (Ohio) is $0.01 per GB"
    // (https://aws.amazon.com/s3/pricing/); inter-Region transfer is billed on the sending Region's
    // <source>-<destination>-AWS-Out-Bytes line (https://docs.aws.amazon.com/cur/latest/userguide/cur-data-transfers-charges.html).
    for (const region of MAIN_REGIONS.filter((r) => r !== 'us-east-1' && r !== 'us-east-2')) {
      const priced = cost({ gb_out: 0, gb_inter_region: 10, gb_us_east_inter_region: 10 }, region)
      expect(
        priced.unpriced.map((row) => [row.usage_type, row.reason.startsWith('AWS does not offer')]),
      ).toEqual([['data_transfer.us_east_inter_region_gb', true]])
      expect(rows(priced)['data_transfer.inter_region_gb']).toBeDefined()
    }
    expect(rows(cost({ gb_out: 0, gb_us_east_inter_region: 100 }, 'us-east-2'))).toEqual({
      'data_transfer.us_east_inter_region_gb': '1',
    })
  })

  it('refuses negative gigabytes', () => {
    expect(validateLineItem('data_transfer', { gb_out: 0, gb_cross_az: -1 }, bundledCatalog).ok).toBe(false)
  })
})
