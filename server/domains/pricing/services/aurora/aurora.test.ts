import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  const result = lineItemsToUsage([{ service: 'aurora', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ region, usage: result.usage, includeFreeTier: true, catalog: bundledCatalog })
}
const cents = (amount: string) => new Decimal(amount).toDecimalPlaces(2).toFixed(2)

function refusedFields(params: Record<string, unknown>): string[] {
  const result = lineItemsToUsage([{ service: 'aurora', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}

/** Two db.r6g.large instances with 100 GB, 50M I/Os and 40 GB of backup beyond the allowance. */
const STANDARD_CLUSTER = {
  engine: 'postgresql',
  instance_class: 'db.r6g.large',
  count: 2,
  storage_gb: 100,
  io_requests: 50_000_000,
  backup_storage_gb: 40,
}

describe('Amazon Aurora', () => {
  it('bills a Standard cluster: instance-hours, volume GB-months, I/O requests and backup beyond the allowance', () => {
    // 2 × 730 h × $0.26 + 100 GB × $0.10 + 50M I/Os × $0.20 per 1M + 40 GB × $0.021
    const priced = cost(STANDARD_CLUSTER)
    expect(priced.unpriced).toEqual([])
    expect(cents(priced.total)).toBe('400.44')
  })

  it('reproduces the Price List costs of Infracost’s aws_rds_cluster golden test (MySQL with Backtrack)', () => {
    // Storage 100 GB $10.00, I/O 52.56M $10.51, backup 400 GB $8.40, Backtrack 66,576M change records $798.91.
    const priced = cost({
      engine: 'mysql',
      storage_gb: 100,
      io_requests: 52_560_000,
      backup_storage_gb: 400,
      backtrack_change_records: 66_576_000_000,
    })
    expect(cents(priced.total)).toBe(cents(String(10 + 10.512 + 8.4 + 798.912)))
  })

  it('bills Serverless v2 ACU-hours at each region’s rate and prices MySQL instances like PostgreSQL ones', () => {
    expect(cents(cost({ engine: 'postgresql', serverless_acu_hours: 1000, storage_gb: 0 }).total)).toBe(
      '120.00',
    )
    expect(
      cents(cost({ engine: 'mysql', serverless_acu_hours: 1000, storage_gb: 0 }, 'eu-west-1').total),
    ).toBe('140.00')
    const hours = { count: 1, hours: 100, storage_gb: 0 }
    expect(cost({ engine: 'mysql', instance_class: 'db.t4g.medium', ...hours }).total).toBe(
      cost({ engine: 'postgresql', instance_class: 'db.t4g.medium', ...hours }).total,
    )
  })

  it('bills I/O-Optimized storage and instances at their own rates, and reports unsourced ones as unpriced', () => {
    const io = { storage_configuration: 'io_optimized', instance_class: 'db.r6g.large', storage_gb: 100 }
    // PostgreSQL: 730 h × $0.338 + 100 GB × $0.225 (us-east-1 offer rows of 2026-07-28)
    const priced = cost({ engine: 'postgresql', ...io })
    expect(cents(priced.total)).toBe('269.24')
    expect(priced.unpriced).toEqual([])
    // MySQL's I/O-Optimized instance rate is not sourced: the storage is priced, the instance is not
    const mysql = cost({ engine: 'mysql', ...io })
    expect(cents(mysql.total)).toBe('22.50')
    expect(mysql.unpriced.map((row) => row.usage_type)).toEqual([
      'aurora.instance_hours_io_optimized.mysql.db.r6g.large',
    ])
  })

  it('bills I/O-Optimized Serverless v2 ACU-hours at their own rate ($0.16 against $0.12)', () => {
    const acus = (storage_configuration: string, region = 'us-east-1') =>
      cost({ engine: 'mysql', storage_configuration, serverless_acu_hours: 1000, storage_gb: 0 }, region)
    expect(cents(acus('io_optimized').total)).toBe('160.00')
    expect(cents(acus('standard').total)).toBe('120.00')
    // eu-west-1 from AWS's Aurora rate map of 2025-05-23 (page-rates-aurora-storage): $0.19 against $0.14
    expect(cents(acus('io_optimized', 'eu-west-1').total)).toBe('190.00')
    expect(cents(acus('standard', 'eu-west-1').total)).toBe('140.00')
    // ap-east-2 (Taipei), which the 2025-05-23 maps predate, from the storage rate map of 2026-08-04
    // (page-rates-aurora-storage-2026-08): $0.18 against $0.135
    expect(cents(acus('io_optimized', 'ap-east-2').total)).toBe('180.00')
    expect(cents(acus('standard', 'ap-east-2').total)).toBe('135.00')
  })

  it('prices Regions outside the main ten from AWS’s Aurora rate maps of 2025-05-23', () => {
    // aws-price-watcher raw/rds-aurora-ondemand.json and raw/rds-aurora-storage.json, 'Canada (Central)':
    // 'Database Instance Aurora PostgreSQL No license required db r6g.large Memory optimized ...' $0.286,
    // 'Database Storage DB Engine Aurora PostgreSQL General Purpose Aurora' $0.11, 'System Operation Aurora I O
    // Operation' $0.00000022 ($0.22 per million), 'Storage Snapshot Aurora PostgreSQL' $0.023:
    // 2 × 730 h × $0.286 + 100 GB × $0.11 + 50M I/Os × $0.22 per 1M + 40 GB × $0.023 = $417.56 + $11 + $11 + $0.92
    const canada = cost(STANDARD_CLUSTER, 'ca-central-1')
    expect(canada.unpriced).toEqual([])
    expect(cents(canada.total)).toBe('440.48')
    // 'Middle East (Bahrain)', I/O-Optimized: '... Aurora IO Optimization Mode db r6g.large ...' $0.407 and 'Aurora
    // PostgreSQL IO Optimized Aurora' $0.273: 730 h × $0.407 + 100 GB × $0.273 = $297.11 + $27.30
    const io = { storage_configuration: 'io_optimized', instance_class: 'db.r6g.large', storage_gb: 100 }
    const bahrain = cost({ engine: 'postgresql', ...io }, 'me-south-1')
    expect(bahrain.unpriced).toEqual([])
    expect(cents(bahrain.total)).toBe('324.41')
    // 'EU (Stockholm)': the db.r8g.large code of the set 'Database Instance Aurora MySQL No license required Memory
    // optimized Single-AZ Current Generation', $0.285: 730 h × $0.285
    expect(
      cents(cost({ engine: 'mysql', instance_class: 'db.r8g.large', storage_gb: 0 }, 'eu-north-1').total),
    ).toBe('208.05')
    // Seoul's two cells the catalog lacked: 'Aurora MySQL ServerlessV2 Aurora IO Optimization Mode' $0.26 and
    // 'System Operation Aurora Backtrack' $0.000000014 ($0.014 per million change records)
    const seoul = cost(
      { engine: 'mysql', storage_configuration: 'io_optimized', serverless_acu_hours: 1000, storage_gb: 0 },
      'ap-northeast-2',
    )
    expect(cents(seoul.total)).toBe('260.00')
    const backtrack = cost(
      { engine: 'mysql', storage_gb: 0, backtrack_change_records: 1_000_000_000 },
      'ap-northeast-2',
    )
    expect(cents(backtrack.total)).toBe('14.00')
  })

  it('prices Taipei and New Zealand from AWS’s Aurora rate maps of 2026-07-10 and 2026-08-04', () => {
    // aws-price-watcher processed/rds-aurora-ondemand.json (311eac8) and processed/rds-aurora-storage.json (682da34),
    // 'Asia Pacific (Taipei)' / 'Asia Pacific (New Zealand)': '[...] Database Instance Aurora PostgreSQL No license
    // required db r6g.large Memory optimized Single-AZ Current Generation' 0.2820000000 / 0.3286000000, 'Database
    // Storage DB Engine Aurora PostgreSQL General Purpose Aurora' 0.1200000000 / 0.1190000000, 'System Operation Aurora
    // I O Operation' 0.0000002400 / 0.0000002370, 'Storage Snapshot Aurora PostgreSQL' 0.0210000000 / 0.0240000000.
    // Taipei: 2 × 730 h × $0.282 + 100 GB × $0.12 + 50M × $0.24 per 1M + 40 GB × $0.021 = $411.72 + $12 + $12 + $0.84
    const taipei = cost(STANDARD_CLUSTER, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(cents(taipei.total)).toBe('436.56')
    // New Zealand: 2 × 730 h × $0.3286 + 100 GB × $0.119 + 50M × $0.237 per 1M + 40 GB × $0.024
    // = $479.756 + $11.90 + $11.85 + $0.96
    const newZealand = cost(STANDARD_CLUSTER, 'ap-southeast-6')
    expect(newZealand.unpriced).toEqual([])
    expect(cents(newZealand.total)).toBe('504.47')
    // I/O-Optimized: '... Aurora IO Optimization Mode db t4g.medium General purpose ...' 0.1320000000 (Taipei) and
    // 'Aurora PostgreSQL IO Optimized Aurora' 0.2400000000: 730 h × $0.132 + 100 GB × $0.24 = $96.36 + $24
    const io = { storage_configuration: 'io_optimized', instance_class: 'db.t4g.medium', storage_gb: 100 }
    expect(cents(cost({ engine: 'postgresql', ...io }, 'ap-east-2').total)).toBe('120.36')
    // 'System Operation Aurora Backtrack' lists New Zealand (0.0000000137, $0.0137 per million change records) but
    // not Taipei; the map has no db.r5 or db.t3 rate and no db.r8g row in either Region: those stay unpriced.
    const backtrack = (region: string) =>
      cost({ engine: 'mysql', storage_gb: 0, backtrack_change_records: 1_000_000_000 }, region)
    expect(cents(backtrack('ap-southeast-6').total)).toBe('13.70')
    expect(backtrack('ap-east-2').unpriced.map((row) => row.usage_type)).toEqual([
      'aurora.backtrack_change_records',
    ])
    for (const instanceClass of ['db.r5.large', 'db.t3.medium', 'db.r8g.large']) {
      expect(
        cost(
          { engine: 'mysql', instance_class: instanceClass, storage_gb: 0 },
          'ap-southeast-6',
        ).unpriced.map((row) => row.usage_type),
      ).toEqual([`aurora.instance_hours.mysql.${instanceClass}`])
    }
  })

  it('reports db.r8g in London and São Paulo as not offered there, never $0', () => {
    // eu-west-2 prices the cluster volume ($0.10 per GB-month) but AWS sells no db.r8g in London: AWS's Aurora rate
    // map of 2026-05-12 (page-rates-aurora-ondemand-2026) lists none there, nor in São Paulo
    const priced = cost({ engine: 'postgresql', instance_class: 'db.r8g.large', storage_gb: 10 }, 'eu-west-2')
    expect(priced.total).toBe('1')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual([
      'aurora.instance_hours.postgresql.db.r8g.large',
    ])
    expect(priced.unpriced[0]?.reason).toMatch(
      /^AWS does not offer aurora\.instance_hours\.postgresql\.db\.r8g\.large in eu-west-2 \(.*rds-aurora-ondemand\.json, as of 2026-05-12\)$/,
    )
    const saoPaulo = cost({ engine: 'mysql', instance_class: 'db.r8g.xlarge', storage_gb: 10 }, 'sa-east-1')
    expect(saoPaulo.unpriced.map((row) => row.reason)).toEqual([
      expect.stringMatching(
        /^AWS does not offer aurora\.instance_hours\.mysql\.db\.r8g\.xlarge in sa-east-1 /,
      ),
    ])
  })

  // AWS's Aurora rate map of 2026-05-12 (page-rates-aurora-ondemand-2026), Asia Pacific (Singapore): db.r8g.large
  // $0.333 and db.r8g.xlarge $0.666 an hour, Aurora MySQL and Aurora PostgreSQL alike, with 100 GB of Standard storage
  // at $0.11 (page-rates-aurora-storage)
  it.each([
    ['mysql', 'db.r8g.large', '497.18'],
    ['mysql', 'db.r8g.xlarge', '983.36'],
    ['postgresql', 'db.r8g.large', '497.18'],
    ['postgresql', 'db.r8g.xlarge', '983.36'],
  ])(
    'prices Aurora %s %s in Singapore from the 2026-05-12 rate map (2 instances × 730 h)',
    (engine, instanceClass, total) => {
      const priced = cost(
        { engine, instance_class: instanceClass, count: 2, storage_gb: 100 },
        'ap-southeast-1',
      )
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe(total)
    },
  )

  const MYSQL_CLUSTER = {
    engine: 'mysql',
    instance_class: 'db.r6g.xlarge',
    count: 2,
    storage_gb: 200,
    io_requests: 100_000_000,
    backup_storage_gb: 50,
    backtrack_change_records: 1_000_000_000,
  }

  // AWS's Aurora rate maps of 2025-05-23 (page-rates-aurora-ondemand, page-rates-aurora-storage): a Standard Aurora
  // MySQL cluster of 2 × db.r6g.xlarge for 730 hours, 200 GB, 100M I/Os, 50 GB of backup and 1,000M Backtrack
  // change records, in each main Region. Rates: instance-hour, GB-month, I/O and Backtrack per million, backup.
  it.each([
    ['us-east-1', '0.519', '0.10', '0.20', '0.021', '0.012', '810.79'],
    ['us-east-2', '0.519', '0.10', '0.20', '0.021', '0.012', '810.79'],
    ['us-west-2', '0.519', '0.10', '0.20', '0.021', '0.012', '810.79'],
    ['eu-west-1', '0.573', '0.11', '0.22', '0.021', '0.013', '894.63'],
    ['eu-west-2', '0.609', '0.10', '0.20', '0.022', '0.014', '944.24'],
    ['eu-central-1', '0.627', '0.119', '0.22', '0.023', '0.014', '976.37'],
    ['ap-southeast-1', '0.627', '0.11', '0.22', '0.023', '0.013', '973.57'],
    ['ap-northeast-1', '0.627', '0.12', '0.24', '0.023', '0.014', '978.57'],
    ['ap-south-1', '0.591', '0.11', '0.22', '0.023', '0.013', '921.01'],
  ])(
    'prices a Standard Aurora MySQL cluster in %s to the cent (instance $%s, storage $%s, I/O $%s, backup $%s, Backtrack $%s)',
    (region, _instance, _storage, _io, _backup, _backtrack, total) => {
      const priced = cost(MYSQL_CLUSTER, region)
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe(total)
    },
  )

  it('prices São Paulo but for Backtrack, which AWS does not offer there', () => {
    // 1,460 h × $1.074 + 200 GB × $0.19 + 100M × $0.28 per million + 50 GB × $0.037. Backtrack ('System Operation
    // Aurora Backtrack', rate code ctL4X6kv…) is in neither the 2025-05-23 nor the 2026-04-24 storage rate map's São
    // Paulo section (raw/rds-aurora-storage.json at d65c44f and 2358b47), whose storage, I/O-Optimized storage, I/O,
    // snapshot and both ACU-hour rates equal the catalog's; the Aurora User Guide's Backtrack availability table
    // gives São Paulo no Aurora MySQL version (aurora-backtrack-regions): not offered, never $0.
    const priced = cost(MYSQL_CLUSTER, 'sa-east-1')
    expect(cents(priced.total)).toBe('1635.89')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['aurora.backtrack_change_records'])
    expect(priced.unpriced[0]?.reason).toMatch(
      /^AWS does not offer aurora\.backtrack_change_records in sa-east-1 \(.*AuroraMySQL\.Managing\.Backtrack\.html, as of 2026-12-07\)$/,
    )
  })

  // I/O-Optimized Aurora PostgreSQL db.t4g.medium for 730 hours and 100 GB of I/O-Optimized storage (rate maps above)
  it.each([
    ['us-east-1', '0.095', '0.225', '91.85'],
    ['us-east-2', '0.095', '0.225', '91.85'],
    ['us-west-2', '0.095', '0.225', '91.85'],
    ['eu-west-1', '0.101', '0.248', '98.53'],
    ['eu-west-2', '0.107', '0.225', '100.61'],
    ['eu-central-1', '0.111', '0.268', '107.83'],
    ['ap-southeast-1', '0.148', '0.248', '132.84'],
    ['ap-northeast-1', '0.147', '0.27', '134.31'],
    ['ap-south-1', '0.121', '0.248', '113.13'],
    ['sa-east-1', '0.199', '0.428', '188.07'],
  ])(
    'prices an I/O-Optimized Aurora PostgreSQL db.t4g.medium cluster in %s (instance $%s, storage $%s)',
    (region, _instance, _storage, total) => {
      const priced = cost(
        {
          engine: 'postgresql',
          storage_configuration: 'io_optimized',
          instance_class: 'db.t4g.medium',
          storage_gb: 100,
        },
        region,
      )
      expect(priced.unpriced).toEqual([])
      expect(cents(priced.total)).toBe(total)
    },
  )

  it('refuses I/O requests on I/O-Optimized, Backtrack on PostgreSQL, instances without a class and unknown classes', () => {
    expect(
      refusedFields({
        engine: 'postgresql',
        storage_configuration: 'io_optimized',
        storage_gb: 1,
        io_requests: 5,
      }),
    ).toEqual(['params.io_requests'])
    expect(refusedFields({ engine: 'postgresql', storage_gb: 1, backtrack_change_records: 5 })).toEqual([
      'params.backtrack_change_records',
    ])
    expect(refusedFields({ engine: 'mysql', count: 2, storage_gb: 1 })).toEqual(['params.count'])
    expect(refusedFields({ engine: 'mysql', instance_class: 'db.x9.huge', storage_gb: 1 })).toEqual([
      'params.instance_class',
    ])
  })

  it('imports clusters with their configuration and cluster instances by class, and skips other engines', () => {
    const resource = (address: string, type: string, values: object) => ({
      address,
      mode: 'managed',
      type,
      values,
    })
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            resource('aws_rds_cluster.main', 'aws_rds_cluster', {
              engine: 'aurora-postgresql',
              storage_type: 'aurora-iopt1',
            }),
            resource('aws_rds_cluster_instance.writer', 'aws_rds_cluster_instance', {
              engine: 'aurora-postgresql',
              instance_class: 'db.r6g.large',
            }),
            resource('aws_rds_cluster_instance.flex', 'aws_rds_cluster_instance', {
              engine: 'aurora-mysql',
              instance_class: 'db.serverless',
            }),
            resource('aws_rds_cluster.v1', 'aws_rds_cluster', {
              engine: 'aurora-mysql',
              engine_mode: 'serverless',
            }),
            resource('aws_rds_cluster.docs', 'aws_rds_cluster', { engine: 'docdb' }),
          ],
        },
      },
    }
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.address, item.service, item.params])).toEqual([
      [
        'aws_rds_cluster.main',
        'aurora',
        { engine: 'postgresql', storage_configuration: 'io_optimized', storage_gb: 0 },
      ],
      [
        'aws_rds_cluster_instance.writer',
        'aurora',
        { engine: 'postgresql', instance_class: 'db.r6g.large', count: 1, hours: 730, storage_gb: 0 },
      ],
      [
        'aws_rds_cluster_instance.flex',
        'aurora',
        { engine: 'mysql', serverless_acu_hours: 0, storage_gb: 0 },
      ],
    ])
    expect(Object.fromEntries(mapped.skipped.map((skip) => [skip.address, skip.reason]))).toEqual({
      'aws_rds_cluster.v1': 'Aurora Serverless v1 is not modelled',
      'aws_rds_cluster.docs': 'the docdb engine is not Aurora',
    })
  })
})
