import { Decimal } from 'decimal.js'
import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { compareItem, coveredItem } from '../../../../test/purchase-options.js'
import { bundledCatalog, findPrice } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage, validateLineItem } from '../../line-items.js'

const GOLDEN =
  'infracost db_instance_test.golden (AmazonRDS Price List, us-east-1): the source of the storage, IOPS, ' +
  'backup and Extended Support rates'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  const result = lineItemsToUsage([{ service: 'rds', params }], bundledCatalog)
  if (!result.ok) throw new Error(JSON.stringify(result.details))
  return priceUsage({ region, usage: result.usage, includeFreeTier: false, catalog: bundledCatalog })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))
const base = { instance_class: 'db.t3.large', count: 1, hours: 730, storage_gb: 20, storage_type: 'gp2' }
const sqlServerOf = (engine: string) => ({ instance_class: 'db.t3.large', count: 1, hours: 730, engine })

describe(`RDS engines, deployments and storage (${GOLDEN})`, () => {
  it('prices an item saved before engines existed as PostgreSQL Single-AZ, exactly as before', () => {
    const params = {
      instance_class: 'db.t3.micro',
      count: 2,
      hours: 730,
      storage_gb: 20,
      storage_type: 'gp2',
    }
    expect(rows(cost(params))).toEqual({
      'rds.instance_hours.db.t3.micro': '26.28',
      'rds.storage_gb_month.gp2': '4.6',
    })
  })

  it('prices each engine and deployment at its own rate (golden: mysql $99.28, Multi-AZ $198.56 + $6.90)', () => {
    expect(rows(cost({ ...base, engine: 'mysql' }))).toEqual({
      'rds.mysql_instance_hours.db.t3.large': '99.28',
      'rds.storage_gb_month.gp2': '2.3',
    })
    expect(rows(cost({ ...base, engine: 'mariadb' }))['rds.mariadb_instance_hours.db.t3.large']).toBe('99.28')
    expect(rows(cost({ ...base, engine: 'postgresql' }))['rds.instance_hours.db.t3.large']).toBe('105.85')
    expect(rows(cost({ ...base, engine: 'mysql', deployment: 'multi_az', storage_gb: 30 }))).toEqual({
      'rds.mysql_instance_hours_multi_az.db.t3.large': '198.56',
      'rds.storage_gb_month_multi_az.gp2': '6.9',
    })
  })

  it('bills gp3 IOPS only above the baseline: 3,000 below 400 GB, 12,000 from 400 GB', () => {
    const gp3 = { ...base, instance_class: 'db.t4g.small', storage_type: 'gp3' }
    expect(rows(cost({ ...gp3, storage_gb: 400, provisioned_iops: 14_000 }))).toEqual({
      'rds.instance_hours.db.t4g.small': '23.36',
      'rds.storage_gb_month.gp3': '46',
      'rds.iops_month.gp3': '40',
    })
    expect(rows(cost({ ...gp3, storage_gb: 400, provisioned_iops: 14_000, deployment: 'multi_az' }))).toEqual(
      {
        'rds.instance_hours_multi_az.db.t4g.small': '47.45',
        'rds.storage_gb_month_multi_az.gp3': '92',
        'rds.iops_month_multi_az.gp3': '80',
      },
    )
    // 100 GB: the baseline is 3,000, so 4,000 IOPS bill 1,000.
    expect(rows(cost({ ...gp3, storage_gb: 100, provisioned_iops: 4_000 }))['rds.iops_month.gp3']).toBe('20')
    expect(
      rows(cost({ ...gp3, storage_gb: 100, provisioned_iops: 3_000 }))['rds.iops_month.gp3'],
    ).toBeUndefined()
  })

  it('bills io1 storage and every provisioned IOPS, magnetic I/O, backup beyond the free allowance', () => {
    const io1 = { ...base, engine: 'mysql', storage_type: 'io1', storage_gb: 100, provisioned_iops: 1200 }
    expect(rows(cost({ ...io1, backup_storage_gb: 1000 }))).toEqual({
      'rds.mysql_instance_hours.db.t3.large': '99.28',
      'rds.storage_gb_month.io1': '12.5',
      'rds.iops_month.io1': '120',
      'rds.backup_gb_month': '95',
    })
    const magnetic = {
      ...base,
      engine: 'mysql',
      storage_type: 'magnetic',
      storage_gb: 40,
      io_requests: 2_000_000,
    }
    expect(rows(cost(magnetic))).toMatchObject({
      'rds.storage_gb_month.magnetic': '4',
      'rds.io_requests.magnetic': '0.2',
    })
  })

  it('bills Extended Support per vCPU-hour of the year asked; a Region without a source is unpriced', () => {
    const item = { ...base, engine: 'mysql', extended_support: 'year_1', vcpus: 2 }
    expect(rows(cost(item))['rds.extended_support_vcpu_hours.year_1']).toBe('146')
    // Year 3 doubles the rate: 1,460 vCPU-hours × $0.20 (MySQL 5.7 and PostgreSQL 11 in the rate maps)
    expect(
      rows(cost({ ...item, extended_support: 'year_3' }))['rds.extended_support_vcpu_hours.year_3'],
    ).toBe('292')
    const taipei = cost({ ...item, extended_support: 'year_3' }, 'ap-east-2')
    expect(taipei.unpriced.map((u) => u.usage_type)).toContain('rds.extended_support_vcpu_hours.year_3')
  })

  it('prices MariaDB and Multi-AZ io1 from the RDS rate maps, and reports unsourced figures as unpriced', () => {
    // Ireland MariaDB db.t3.large $0.144 × 730 and gp2 20 GB × $0.127 (rate maps of 2024-09-28)
    expect(rows(cost({ ...base, engine: 'mariadb' }, 'eu-west-1'))).toEqual({
      'rds.mariadb_instance_hours.db.t3.large': '105.12',
      'rds.storage_gb_month.gp2': '2.54',
    })
    // Multi-AZ io1 in us-east-1: 20 GB × $0.25 and 1,000 IOPS × $0.20
    const io1 = rows(cost({ ...base, storage_type: 'io1', provisioned_iops: 1000, deployment: 'multi_az' }))
    expect(io1['rds.storage_gb_month_multi_az.io1']).toBe('5')
    expect(io1['rds.iops_month_multi_az.io1']).toBe('200')
    // Asia Pacific (New Zealand): MariaDB db.m5.large is in none of the RDS sources read there (unpriced, never $0);
    // its gp2 storage comes from AWS's storage rate map of 2025-12-18 (page-rates-rds-storage-2025-12): 20 GB × $0.145.
    const newZealand = cost({ ...base, engine: 'mariadb', instance_class: 'db.m5.large' }, 'ap-southeast-6')
    expect(newZealand.total).toBe('2.9')
    expect(newZealand.unpriced.map((u) => u.usage_type)).toEqual(['rds.mariadb_instance_hours.db.m5.large'])
    // MySQL in Frankfurt comes from the Region's rate map: $0.16 an hour.
    expect(rows(cost({ ...base, engine: 'mysql', storage_gb: 0 }, 'eu-central-1'))).toEqual({
      'rds.mysql_instance_hours.db.t3.large': '116.8',
    })
  })

  it('refuses params that do not fit the storage type or deployment', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('rds', params, bundledCatalog)
      return result.ok ? [] : result.details
    }
    expect(refused({ ...base, provisioned_iops: 3000 })).toEqual([
      { field: 'params.provisioned_iops', reason: 'gp2 storage has no provisioned IOPS' },
    ])
    expect(refused({ ...base, storage_type: 'io1' })).toEqual([
      { field: 'params.provisioned_iops', reason: 'io1 storage needs its provisioned IOPS' },
    ])
    expect(refused({ ...base, io_requests: 5 })).toEqual([
      { field: 'params.io_requests', reason: 'only magnetic storage bills I/O requests' },
    ])
    expect(refused({ ...base, extended_support: 'year_1' })).toEqual([
      { field: 'params.vcpus', reason: 'Extended Support is billed per vCPU: give vcpus' },
    ])
    expect(refused({ ...base, engine: 'oracle' })[0]?.field).toBe('params.engine')
    expect(refused({ ...base, instance_class: 'db.z9.large' })).toEqual([
      { field: 'params.instance_class', reason: "unknown RDS instance class 'db.z9.large'" },
    ])
  })

  it('maps aws_db_instance engine, Multi-AZ, storage type and IOPS; skips Aurora and unmodelled engines', () => {
    const resource = (values: Record<string, unknown>) => ({
      address: 'aws_db_instance.db',
      mode: 'managed',
      type: 'aws_db_instance',
      name: 'db',
      values,
    })
    const plan = {
      format_version: '1.2',
      planned_values: {
        root_module: {
          resources: [
            resource({
              engine: 'mysql',
              instance_class: 'db.t3.large',
              allocated_storage: 100,
              storage_type: 'io1',
              iops: 1200,
              multi_az: true,
            }),
            { ...resource({ engine: 'aurora-postgresql', instance_class: 'db.r6g.large' }), address: 'a' },
            { ...resource({ engine: 'oracle-ee', instance_class: 'db.t3.large' }), address: 'b' },
            { ...resource({ engine: 'sqlserver-ex', instance_class: 'db.t3.large' }), address: 'c' },
            { ...resource({ engine: 'oracle-se2', instance_class: 'db.t3.large' }), address: 'd' },
            {
              ...resource({
                engine: 'oracle-se2',
                license_model: 'license-included',
                instance_class: 'db.t3.large',
              }),
              address: 'e',
            },
          ],
        },
      },
    }
    const { items, skipped } = planToLineItems(plan)
    expect(items.map((i) => i.params)).toEqual([
      {
        instance_class: 'db.t3.large',
        count: 1,
        hours: 730,
        storage_gb: 100,
        storage_type: 'io1',
        engine: 'mysql',
        deployment: 'multi_az',
        provisioned_iops: 1200,
      },
      { ...sqlServerOf('sqlserver_ex'), storage_gb: 20, storage_type: 'gp3' },
      { ...sqlServerOf('oracle_se2'), storage_gb: 20, storage_type: 'gp3' },
    ])
    expect(skipped.map((s) => s.reason)).toEqual([
      'Aurora is priced from its aws_rds_cluster and aws_rds_cluster_instance',
      'the oracle-ee engine is not in the pricing catalog',
      'Oracle bring-your-own-licence is not in the pricing catalog (set license_model)',
    ])
  })

  it('prices licence-included SQL Server and Oracle SE2 at the golden test’s rates (730 hours, gp2 20 GB $2.30)', () => {
    const li = (engine: string, instanceClass: string) =>
      rows(cost({ ...base, instance_class: instanceClass, engine }))
    expect(li('sqlserver_ex', 'db.t3.large')).toEqual({
      'rds.sqlserver_ex_instance_hours.db.t3.large': '118.26',
      'rds.storage_gb_month.gp2': '2.3',
    })
    expect(li('sqlserver_web', 'db.t3.large')['rds.sqlserver_web_instance_hours.db.t3.large']).toBe('169.36')
    expect(li('sqlserver_se', 'db.m5.xlarge')['rds.sqlserver_se_instance_hours.db.m5.xlarge']).toBe('893.52')
    expect(li('sqlserver_ee', 'db.m5.xlarge')['rds.sqlserver_ee_instance_hours.db.m5.xlarge']).toBe('1705.28')
    expect(li('oracle_se2', 'db.t3.large')['rds.oracle_se2_instance_hours.db.t3.large']).toBe('219')
  })

  it('reports licence-included classes, deployments and Regions without a figure as unpriced, never $0', () => {
    const unpriced = (params: Record<string, unknown>, region = 'us-east-1') =>
      cost({ ...base, ...params }, region).unpriced.map((row) => row.usage_type)
    expect(unpriced({ engine: 'sqlserver_se', instance_class: 'db.t3.large' })).toEqual([
      'rds.sqlserver_se_instance_hours.db.t3.large',
    ])
    expect(unpriced({ engine: 'sqlserver_ex', deployment: 'multi_az' })).toContain(
      'rds.sqlserver_ex_instance_hours_multi_az.db.t3.large',
    )
    expect(unpriced({ engine: 'oracle_se2' }, 'ca-west-1')).toContain(
      'rds.oracle_se2_instance_hours.db.t3.large',
    )
  })

  it('refuses Extended Support and a gp3 IOPS baseline for the licence-included engines', () => {
    const refused = (params: Record<string, unknown>) => {
      const result = validateLineItem('rds', { ...base, ...params }, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(refused({ engine: 'sqlserver_se', extended_support: 'year_1', vcpus: 2 })).toEqual([
      'params.extended_support',
    ])
    expect(refused({ engine: 'oracle_se2', storage_type: 'gp3', provisioned_iops: 4000 })).toEqual([
      'params.provisioned_iops',
    ])
    expect(refused({ engine: 'oracle_se1' }).length).toBeGreaterThan(0)
  })

  it('has Reserved Instance rates that reproduce the golden test’s reserved instances (730 hours a month)', () => {
    const monthly = (usageType: string) => {
      const entry = findPrice(bundledCatalog, 'us-east-1', usageType)
      if (!entry) throw new Error(`no price for ${usageType}`)
      return new Decimal(entry.tiers[0]?.price ?? '0')
        .times(730)
        .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
        .toFixed(2)
    }
    expect(monthly('rds.reserved_hours.1y_no_upfront.mysql_single_az.db.t3.large')).toBe('69.86')
    expect(monthly('rds.reserved_hours.1y_no_upfront.mysql_multi_az.db.t3.large')).toBe('139.72')
    expect(monthly('rds.reserved_hours.1y_partial_upfront.mysql_multi_az.db.t3.large')).toBe('66.50')
    expect(monthly('rds.reserved_hours.3y_partial_upfront.postgresql_multi_az.db.t3.large')).toBe('50.74')
  })
})

/*
 * PostgreSQL and MySQL Reserved Instances in the main Regions beyond us-east-1 and eu-west-1: AWS's rate maps behind
 * https://aws.amazon.com/rds/mysql/pricing/ and https://aws.amazon.com/rds/postgresql/pricing/ (publication
 * 2025-04-04) as committed in github.com/yeo/ec2.shop data/rds/<region>-rds-<engine>-reservedinstance-
 * <single-az|multi-az>-<1y|1y-partial|3y>.json at commit 74c9fd8 (catalog source `rds-ri-rate-maps`). Each case is
 * one row of those files: its hourly fee (`price`), upfront fee (`riupfront:PricePerUnit`, Partial Upfront files)
 * and On-Demand rate (`OnDemand:PricePerUnit`), one instance × 730 hours.
 */
describe('RDS Reserved Instances in the main Regions (rate maps of 2025-04-04, yeo/ec2.shop 74c9fd8)', () => {
  const compare = (
    region: string,
    params: Record<string, unknown>,
    term: '1y' | '3y',
    payment: 'no_upfront' | 'partial_upfront',
  ) => compareItem('rds', { ...base, ...params }, region, { commitment: 'reserved_instances', term, payment })

  // [region, engine, deployment, class, term, payment, row's hourly fee, upfront, row's On-Demand rate,
  //  monthly fees, on-demand monthly]
  it.each([
    [
      'us-east-2',
      'mysql',
      'multi_az',
      'db.m5.large',
      '1y',
      'partial_upfront',
      '0.1043',
      '914',
      '0.342',
      '76.139',
      '249.66',
    ],
    [
      'us-west-2',
      'postgresql',
      'single_az',
      'db.r6g.large',
      '3y',
      'partial_upfront',
      '0.0416',
      '1093',
      '0.225',
      '30.368',
      '164.25',
    ],
    [
      'eu-west-2',
      'mysql',
      'single_az',
      'db.t4g.medium',
      '1y',
      'no_upfront',
      '0.0521',
      '0',
      '0.072',
      '38.033',
      '52.56',
    ],
    [
      'eu-central-1',
      'postgresql',
      'multi_az',
      'db.m6i.large',
      '1y',
      'partial_upfront',
      '0.1441',
      '1263',
      '0.424',
      '105.193',
      '309.52',
    ],
    [
      'ap-southeast-1',
      'mysql',
      'multi_az',
      'db.r5.large',
      '3y',
      'partial_upfront',
      '0.1283',
      '3370',
      '0.57',
      '93.659',
      '416.1',
    ],
    [
      'ap-northeast-1',
      'postgresql',
      'single_az',
      'db.t3.micro',
      '1y',
      'partial_upfront',
      '0.0104',
      '91',
      '0.028',
      '7.592',
      '20.44',
    ],
    [
      'ap-south-1',
      'mysql',
      'single_az',
      'db.m6g.large',
      '3y',
      'partial_upfront',
      '0.0428',
      '1126',
      '0.214',
      '31.244',
      '156.22',
    ],
    [
      'sa-east-1',
      'postgresql',
      'multi_az',
      'db.t3.medium',
      '1y',
      'no_upfront',
      '0.1871',
      '0',
      '0.302',
      '136.583',
      '220.46',
    ],
  ] as const)(
    '%s %s %s %s %s %s: $%s an hour + $%s upfront against $%s on demand',
    (region, engine, deployment, instanceClass, term, payment, _hourly, upfront, _onDemand, monthly, onDemandMonthly) => {
      const result = compare(region, { engine, deployment, instance_class: instanceClass }, term, payment)
      const item = coveredItem(result)
      const offer = `${term}_${payment}.${engine}_${deployment}.${instanceClass}`
      expect(item.offer_usage_types).toEqual(
        payment === 'no_upfront'
          ? [`rds.reserved_hours.${offer}`]
          : [`rds.reserved_hours.${offer}`, `rds.reserved_upfront.${offer}`],
      )
      expect(item.on_demand_monthly).toBe(onDemandMonthly)
      expect(item.upfront).toBe(upfront)
      expect(item.monthly).toBe(monthly)
      expect(result.not_covered).toEqual([])
    },
  )

  it('leaves classes a Region does not sell, MariaDB and the offers the maps lack out: not covered, never $0', () => {
    const reasons = (
      region: string,
      params: Record<string, unknown>,
      term: '1y' | '3y',
      payment: 'no_upfront' | 'partial_upfront',
    ) => {
      const result = compare(region, params, term, payment)
      expect(result.items).toEqual([])
      return result.not_covered.map((entry) => entry.reason)
    }
    // São Paulo sells db.m7g and db.r7g On-Demand (2026-05-12 rate maps), but the 2025 reserved-instance files
    // used for reserved rates there list neither
    expect(reasons('sa-east-1', { instance_class: 'db.m7g.large' }, '1y', 'no_upfront')).toEqual([
      'the catalog has no price for rds.reserved_hours.1y_no_upfront.postgresql_single_az.db.m7g.large in sa-east-1',
    ])
    // MariaDB's reserved-instance files are error pages; 3 year No Upfront was not mirrored
    expect(reasons('us-west-2', { engine: 'mariadb' }, '1y', 'no_upfront')).toEqual([
      'the catalog has no price for rds.reserved_hours.1y_no_upfront.mariadb_single_az.db.t3.large in us-west-2',
    ])
    expect(reasons('eu-west-2', {}, '3y', 'no_upfront')).toEqual([
      'the catalog has no price for rds.reserved_hours.3y_no_upfront.postgresql_single_az.db.t3.large in eu-west-2',
    ])
  })

  it('prices the other Regions from the same files: ca-central-1 and eu-north-1', () => {
    // data/rds/ca-central-1-rds-postgresql-reservedinstance-multi-az-1y-partial.json, db.m6g.large Multi-AZ row
    //   (rate code 3QA34EHY79PSQC8R.HU7G6KETJZ.6YS6EN2CT7): price 0.1050000000, riupfront:PricePerUnit 920,
    //   OnDemand:PricePerUnit 0.3500000000 -> 730 h × 0.105 = 76.65 a month + 920 upfront, on demand 255.5
    // data/rds/eu-north-1-rds-mysql-reservedinstance-single-az-3y.json, db.t3.medium Single-AZ row
    //   (rate code 55JVEJKN4KSVV3HS.38NPMPTW36.6YS6EN2CT7): price 0.0164000000, riupfront:PricePerUnit 431,
    //   OnDemand:PricePerUnit 0.0680000000 -> 730 h × 0.0164 = 11.972 a month + 431 upfront, on demand 49.64
    const cases = [
      ['ca-central-1', 'postgresql', 'multi_az', 'db.m6g.large', '1y', '920', '76.65', '255.5'],
      ['eu-north-1', 'mysql', 'single_az', 'db.t3.medium', '3y', '431', '11.972', '49.64'],
    ] as const
    for (const [
      region,
      engine,
      deployment,
      instanceClass,
      term,
      upfront,
      monthly,
      onDemandMonthly,
    ] of cases) {
      const result = compare(
        region,
        { engine, deployment, instance_class: instanceClass },
        term,
        'partial_upfront',
      )
      const item = coveredItem(result)
      const offer = `${term}_partial_upfront.${engine}_${deployment}.${instanceClass}`
      expect(item.offer_usage_types).toEqual([`rds.reserved_hours.${offer}`, `rds.reserved_upfront.${offer}`])
      expect(item.on_demand_monthly).toBe(onDemandMonthly)
      expect(item.upfront).toBe(upfront)
      expect(item.monthly).toBe(monthly)
      expect(result.not_covered).toEqual([])
    }
  })
}) /**
 * Licence-included SQL Server outside us-east-1, from AWS's SQL Server On-Demand rate map (publication 2026-05-12)
 * as committed in iann0036/aws-price-watcher raw/rds-sqlserver-ondemand.json (catalog source
 * `page-rates-rds-sqlserver`). One Single-AZ instance × 730 hours; Oregon and Ohio carry the N. Virginia rates,
 * which the same map confirms for the catalog's us-east-1 figures.
 */
describe('RDS for SQL Server in us-west-2 and us-east-2 (rate map of 2026-05-12)', () => {
  const li = (engine: string, instanceClass: string, region: string) =>
    rows(cost({ ...base, engine, instance_class: instanceClass }, region))

  it.each(['us-west-2', 'us-east-2'])(
    'prices Express, Web, Standard and Enterprise in %s to the cent',
    (region) => {
      expect(li('sqlserver_ex', 'db.t3.large', region)['rds.sqlserver_ex_instance_hours.db.t3.large']).toBe(
        '118.26',
      )
      expect(li('sqlserver_web', 'db.t3.large', region)['rds.sqlserver_web_instance_hours.db.t3.large']).toBe(
        '169.36',
      )
      expect(li('sqlserver_se', 'db.m5.xlarge', region)['rds.sqlserver_se_instance_hours.db.m5.xlarge']).toBe(
        '893.52',
      )
      expect(li('sqlserver_ee', 'db.m5.xlarge', region)['rds.sqlserver_ee_instance_hours.db.m5.xlarge']).toBe(
        '1705.28',
      )
      for (const usageType of [
        'rds.sqlserver_ex_instance_hours.db.t3.large',
        'rds.sqlserver_web_instance_hours.db.t3.large',
        'rds.sqlserver_se_instance_hours.db.m5.xlarge',
        'rds.sqlserver_ee_instance_hours.db.m5.xlarge',
      ]) {
        const entry = findPrice(bundledCatalog, region, usageType)
        expect(entry?.source, usageType).toBe('page-rates-rds-sqlserver')
        expect(entry?.as_of, usageType).toBe('2026-05-12')
      }
    },
  )

  it('leaves a Region whose rate map has no row for the class unpriced, never $0', () => {
    // The 2025-05-23 map (page-rates-rds-ondemand-2025-05) lists no SQL Server Standard db.m5.xlarge in Calgary.
    const priced = cost({ ...base, engine: 'sqlserver_se', instance_class: 'db.m5.xlarge' }, 'ca-west-1')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual([
      'rds.sqlserver_se_instance_hours.db.m5.xlarge',
    ])
    expect(rows(priced)['rds.sqlserver_se_instance_hours.db.m5.xlarge']).toBeUndefined()
  })
})

/**
 * Licence-included SQL Server in seven more of the main Regions, from the same AWS rate map (publication
 * 2026-05-12, iann0036/aws-price-watcher raw/rds-sqlserver-ondemand.json at commit 00ffc43; catalog source
 * `page-rates-rds-sqlserver-regions`). One Single-AZ instance × 730 hours at the Region's hourly rate: Express and
 * Web db.t3.large, Standard and Enterprise db.m5.xlarge, e.g. London $0.178, $0.246, $1.323 and $2.376 an hour.
 */
describe('RDS for SQL Server in Europe, Asia Pacific and São Paulo (rate map of 2026-05-12)', () => {
  const li = (engine: string, instanceClass: string, region: string) =>
    rows(cost({ ...base, engine, instance_class: instanceClass }, region))

  it.each([
    ['eu-west-1', '126.29', '176.66', '919.8', '1724.99'],
    ['eu-west-2', '129.94', '179.58', '965.79', '1734.48'],
    ['eu-central-1', '131.4', '181.77', '942.43', '1741.78'],
    ['ap-southeast-1', '141.62', '190.53', '1018.35', '1750.54'],
    ['ap-northeast-1', '145.27', '193.45', '1009.59', '1757.84'],
    ['ap-south-1', '124.83', '175.2', '1013.97', '1746.89'],
    ['sa-east-1', '173.01', '217.54', '1029.3', '1811.86'],
  ])('prices Express, Web, Standard and Enterprise in %s to the cent', (region, ex, web, se, ee) => {
    expect(li('sqlserver_ex', 'db.t3.large', region)['rds.sqlserver_ex_instance_hours.db.t3.large']).toBe(ex)
    expect(li('sqlserver_web', 'db.t3.large', region)['rds.sqlserver_web_instance_hours.db.t3.large']).toBe(
      web,
    )
    expect(li('sqlserver_se', 'db.m5.xlarge', region)['rds.sqlserver_se_instance_hours.db.m5.xlarge']).toBe(
      se,
    )
    expect(li('sqlserver_ee', 'db.m5.xlarge', region)['rds.sqlserver_ee_instance_hours.db.m5.xlarge']).toBe(
      ee,
    )
    for (const usageType of [
      'rds.sqlserver_ex_instance_hours.db.t3.large',
      'rds.sqlserver_web_instance_hours.db.t3.large',
      'rds.sqlserver_se_instance_hours.db.m5.xlarge',
      'rds.sqlserver_ee_instance_hours.db.m5.xlarge',
    ]) {
      const entry = findPrice(bundledCatalog, region, usageType)
      expect(entry?.source, usageType).toBe('page-rates-rds-sqlserver-regions')
      expect(entry?.confidence, usageType).toBe('price-list')
      expect(entry?.as_of, usageType).toBe('2026-05-12')
    }
  })
})

/**
 * db.m7g.large and db.r7g.large in São Paulo, from AWS's 2026-05-12 On-Demand rate maps for PostgreSQL, MySQL and
 * MariaDB (iann0036/aws-price-watcher raw/rds-<engine>-ondemand.json at commit 00ffc43; catalog source
 * `page-rates-rds-ondemand-2026-sae1`): the same rates for all three engines, $0.221 / $0.442 (m7g.large Single-AZ /
 * Multi-AZ) and $0.497 / $0.994 (r7g.large). One instance × 730 hours.
 */
describe('RDS db.m7g and db.r7g in sa-east-1 (rate maps of 2026-05-12)', () => {
  it.each([
    ['postgresql', 'rds.instance_hours'],
    ['mysql', 'rds.mysql_instance_hours'],
    ['mariadb', 'rds.mariadb_instance_hours'],
  ])('prices %s On-Demand, Single-AZ and Multi-AZ, to the cent', (engine, prefix) => {
    const hours = (instanceClass: string, deployment: string) =>
      rows(cost({ ...base, engine, deployment, instance_class: instanceClass }, 'sa-east-1'))
    const multi = `${prefix}_multi_az`
    expect(hours('db.m7g.large', 'single_az')[`${prefix}.db.m7g.large`]).toBe('161.33')
    expect(hours('db.m7g.large', 'multi_az')[`${multi}.db.m7g.large`]).toBe('322.66')
    expect(hours('db.r7g.large', 'single_az')[`${prefix}.db.r7g.large`]).toBe('362.81')
    expect(hours('db.r7g.large', 'multi_az')[`${multi}.db.r7g.large`]).toBe('725.62')
    const entry = findPrice(bundledCatalog, 'sa-east-1', `${prefix}.db.r7g.large`)
    expect(entry?.source).toBe('page-rates-rds-ondemand-2026-sae1')
    expect(entry?.confidence).toBe('price-list')
    expect(entry?.as_of).toBe('2026-05-12')
  })
})

/**
 * Licence-included Oracle SE2 db.t3.large, Single-AZ, outside us-east-1, from AWS's RDS for Oracle On-Demand rate
 * map (publication 2026-05-12, iann0036/aws-price-watcher raw/rds-oracle-ondemand.json at commit 00ffc43), rate
 * code Eg850kQ5… of the set "Database Instance Oracle Standard Two License included General purpose Single-AZ
 * Current Generation"; the same map's N. Virginia rate is the catalog's us-east-1 $0.30. Read in two passes (the
 * US and Europe, then Asia Pacific and São Paulo), hence two sources. One instance × 730 hours.
 */
describe('RDS for Oracle SE2 in the ten main Regions (rate map of 2026-05-12)', () => {
  const usageType = 'rds.oracle_se2_instance_hours.db.t3.large'
  const oracle = (region: string, deployment = 'single_az') =>
    priceItems(
      'rds',
      [
        {
          engine: 'oracle_se2',
          instance_class: 'db.t3.large',
          count: 1,
          hours: 730,
          storage_gb: 20,
          storage_type: 'gp3',
          deployment,
        },
      ],
      { region, includeFreeTier: false },
    )
  const instanceCost = (priced: ReturnType<typeof oracle>) =>
    priced.by_service.flatMap((s) => s.by_usage_type).find((row) => row.usage_type === usageType)?.cost

  it.each([
    ['us-east-2', '219.00', 'page-rates-rds-oracle-regions'],
    ['us-west-2', '219.00', 'page-rates-rds-oracle-regions'],
    ['eu-west-1', '224.84', 'page-rates-rds-oracle-regions'],
    ['eu-west-2', '236.52', 'page-rates-rds-oracle-regions'],
    ['eu-central-1', '239.44', 'page-rates-rds-oracle-regions'],
    ['ap-southeast-1', '256.96', 'page-rates-rds-oracle-apac-sae1'],
    ['ap-northeast-1', '256.96', 'page-rates-rds-oracle-apac-sae1'],
    ['ap-south-1', '210.24', 'page-rates-rds-oracle-apac-sae1'],
    ['sa-east-1', '315.36', 'page-rates-rds-oracle-apac-sae1'],
  ])('prices one db.t3.large for 730 hours in %s at $%s (%s)', (region, expected, source) => {
    const priced = oracle(region)
    expect(priced.unpriced).toEqual([])
    expect(cents(instanceCost(priced) ?? 'NaN')).toBe(expected)
    const entry = findPrice(bundledCatalog, region, usageType)
    expect(entry?.source).toBe(source)
    expect(entry?.confidence).toBe('price-list')
    expect(entry?.as_of).toBe('2026-05-12')
  })

  it('leaves Multi-AZ and a Region without an Oracle SE2 row unpriced, never $0', () => {
    expect(oracle('eu-west-1', 'multi_az').unpriced.map((row) => row.usage_type)).toEqual([
      'rds.oracle_se2_instance_hours_multi_az.db.t3.large',
    ])
    // The 2025-05-23 map (page-rates-rds-ondemand-2025-05) lists no Oracle SE2 db.t3.large in Mexico (Central).
    const mexico = oracle('mx-central-1')
    expect(mexico.unpriced.map((row) => row.usage_type)).toEqual([usageType])
    expect(instanceCost(mexico)).toBeUndefined()
  })
})

/**
 * The other Regions from AWS's RDS On-Demand rate maps published 2025-05-23 (iann0036/aws-price-watcher
 * processed/rds-<engine>-ondemand.json at commit d65c44f; catalog source `page-rates-rds-ondemand-2025-05`).
 */
describe('RDS On-Demand outside the main ten Regions (rate maps of 2025-05-23)', () => {
  it('prices Taipei and New Zealand from AWS’s storage map of 2025-12-18 and PostgreSQL map of 2026-08-20', () => {
    // aws-price-watcher processed/rds-postgresql-ondemand.json (3595fe0) and processed/rds-storage.json (f9c83dd),
    // 'Asia Pacific (Taipei)' / 'Asia Pacific (New Zealand)': 'Database Instance PostgreSQL No license required db
    // r6g.large Memory optimized Single-AZ Current Generation' 0.2430000000 / 0.2835000000, 'Database Storage Single AZ
    // General Purpose-GP3' 0.1240000000 / 0.1450000000, 'Storage Snapshot' 0.0860000000 / 0.1000000000.
    // Taipei: 730 h × $0.243 + 100 GB × $0.124 + 50 GB × $0.086 = $177.39 + $12.40 + $4.30
    const item = {
      ...base,
      instance_class: 'db.r6g.large',
      storage_gb: 100,
      storage_type: 'gp3',
      backup_storage_gb: 50,
    }
    const taipei = cost(item, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(rows(taipei)).toEqual({
      'rds.instance_hours.db.r6g.large': '177.39',
      'rds.storage_gb_month.gp3': '12.4',
      'rds.backup_gb_month': '4.3',
    })
    // New Zealand: 730 h × $0.2835 + 100 GB × $0.145 + 50 GB × $0.10 = $206.955 + $14.50 + $5.00
    expect(cents(cost(item, 'ap-southeast-6').total)).toBe('226.46')
    // Multi-AZ db.t4g.medium 0.1820000000 (Taipei) and 'Database Storage Multi AZ General Purpose-GP3' 0.2480000000:
    // 730 h × $0.182 + 100 GB × $0.248 = $132.86 + $24.80
    const multiAz = {
      ...base,
      instance_class: 'db.t4g.medium',
      deployment: 'multi_az',
      storage_gb: 100,
      storage_type: 'gp3',
    }
    expect(cents(cost(multiAz, 'ap-east-2').total)).toBe('157.66')
    // Not read or not in the maps: the db.m5 and db.r5 classes (no Taipei or New Zealand row), io1 storage in
    // Taipei (no 'Database Storage Single AZ Provisioned IOPS' row) and magnetic storage in both: unpriced, never $0.
    expect(
      cost(
        { ...base, engine: 'mysql', instance_class: 'db.m5.large', storage_gb: 0 },
        'ap-east-2',
      ).unpriced.map((u) => u.usage_type),
    ).toEqual(['rds.mysql_instance_hours.db.m5.large'])
    const io1 = cost(
      { ...base, instance_class: 'db.r5.large', storage_type: 'io1', provisioned_iops: 1000 },
      'ap-east-2',
    )
    expect(io1.unpriced.map((u) => u.usage_type)).toEqual([
      'rds.instance_hours.db.r5.large',
      'rds.storage_gb_month.io1',
    ])
    expect(rows(io1)['rds.iops_month.io1']).toBe('108')
    expect(
      cost(
        { ...base, instance_class: 'db.m5.large', storage_type: 'magnetic', storage_gb: 20 },
        'ap-southeast-6',
      ).unpriced.map((u) => u.usage_type),
    ).toEqual(['rds.instance_hours.db.m5.large', 'rds.storage_gb_month.magnetic'])
  })

  it('prices the other PostgreSQL classes in Taipei and New Zealand from the map of 2026-08-20 (second pass)', () => {
    // aws-price-watcher processed/rds-postgresql-ondemand.json (3595fe0), 'Database Instance PostgreSQL No license
    // required db t3.micro General purpose Single-AZ Current Generation' 'Asia Pacific (Taipei)' 0.0250000000:
    // 730 h × $0.025 = $18.25; '... db m7g.large General purpose Multi-AZ ...' 'Asia Pacific (New Zealand)'
    // 0.4914000000: 730 h × $0.4914 = $358.722; '... db r7g.large Memory optimized Multi-AZ ...' Taipei 0.5160000000:
    // 730 h × $0.516 = $376.68.
    const pg = { ...base, storage_gb: 0 }
    expect(
      rows(cost({ ...pg, instance_class: 'db.t3.micro' }, 'ap-east-2'))['rds.instance_hours.db.t3.micro'],
    ).toBe('18.25')
    const nz = cost({ ...pg, instance_class: 'db.m7g.large', deployment: 'multi_az' }, 'ap-southeast-6')
    expect(nz.unpriced).toEqual([])
    expect(cents(rows(nz)['rds.instance_hours_multi_az.db.m7g.large'] ?? '')).toBe('358.72')
    const taipei = cost({ ...pg, instance_class: 'db.r7g.large', deployment: 'multi_az' }, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(rows(taipei)['rds.instance_hours_multi_az.db.r7g.large']).toBe('376.68')
  })

  it('prices MySQL in Taipei and New Zealand from the map of 2026-08-06 (page-rates-rds-mysql-2026-08)', () => {
    // aws-price-watcher processed/rds-mysql-ondemand.json (2d23a63), 'Database Instance MySQL No license required db
    // t4g.micro General purpose Single-AZ Current Generation' 'Asia Pacific (Taipei)' 0.0230000000: 730 h × $0.023 =
    // $16.79; '... db r6g.large Memory optimized Multi-AZ ...' 'Asia Pacific (New Zealand)' 0.5670000000: 730 h ×
    // $0.567 = $413.91; '... db t3.large General purpose Multi-AZ ...' Taipei 0.4040000000: 730 h × $0.404 = $294.92.
    const mysql = { ...base, engine: 'mysql', storage_gb: 0 }
    const taipei = cost({ ...mysql, instance_class: 'db.t4g.micro' }, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(rows(taipei)['rds.mysql_instance_hours.db.t4g.micro']).toBe('16.79')
    const nz = cost({ ...mysql, instance_class: 'db.r6g.large', deployment: 'multi_az' }, 'ap-southeast-6')
    expect(nz.unpriced).toEqual([])
    expect(rows(nz)['rds.mysql_instance_hours_multi_az.db.r6g.large']).toBe('413.91')
    expect(
      rows(cost({ ...mysql, deployment: 'multi_az' }, 'ap-east-2'))[
        'rds.mysql_instance_hours_multi_az.db.t3.large'
      ],
    ).toBe('294.92')
  })

  it('prices MariaDB in Taipei and New Zealand from the map of 2026-07-10 (page-rates-rds-mariadb-2026-07)', () => {
    // aws-price-watcher processed/rds-mariadb-ondemand.json (311eac8), 'Database Instance MariaDB No license required
    // db t3.micro General purpose Single-AZ Current Generation' 'Asia Pacific (Taipei)' 0.0250000000: 730 h × $0.025 =
    // $18.25; '... db r6i.large Memory optimized Single-AZ ...' 'Asia Pacific (New Zealand)' 0.3150000000: 730 h ×
    // $0.315 = $229.95; '... db m6i.large General purpose Multi-AZ ...' Taipei 0.4440000000: 730 h × $0.444 = $324.12.
    const mariadb = { ...base, engine: 'mariadb', storage_gb: 0 }
    const taipei = cost({ ...mariadb, instance_class: 'db.t3.micro' }, 'ap-east-2')
    expect(taipei.unpriced).toEqual([])
    expect(rows(taipei)['rds.mariadb_instance_hours.db.t3.micro']).toBe('18.25')
    const nz = cost({ ...mariadb, instance_class: 'db.r6i.large' }, 'ap-southeast-6')
    expect(nz.unpriced).toEqual([])
    expect(rows(nz)['rds.mariadb_instance_hours.db.r6i.large']).toBe('229.95')
    expect(
      rows(cost({ ...mariadb, instance_class: 'db.m6i.large', deployment: 'multi_az' }, 'ap-east-2'))[
        'rds.mariadb_instance_hours_multi_az.db.m6i.large'
      ],
    ).toBe('324.12')
    // The Single-AZ db.m5.xlarge block lists neither Region: unpriced, never $0
    const m5 = cost({ ...mariadb, instance_class: 'db.m5.xlarge' }, 'ap-east-2')
    expect(m5.unpriced.map((u) => u.usage_type)).toEqual(['rds.mariadb_instance_hours.db.m5.xlarge'])
  })

  it('prices Regions outside the main ten at the rate maps of 2025-05-23 (page-rates-rds-ondemand-2025-05)', () => {
    // 'Mexico (Central)': 'Database Instance PostgreSQL No license required db t4g.micro General purpose Single-AZ
    // Current Generation' $0.017 and 'Database Storage Single AZ General Purpose-GP3' $0.121:
    // 730 h × $0.017 + 20 GB × $0.121 = $12.41 + $2.42
    const mexico = cost({ ...base, instance_class: 'db.t4g.micro', storage_type: 'gp3' }, 'mx-central-1')
    expect(mexico.unpriced).toEqual([])
    expect(rows(mexico)).toEqual({
      'rds.instance_hours.db.t4g.micro': '12.41',
      'rds.storage_gb_month.gp3': '2.42',
    })
    // 'Asia Pacific (Thailand)': 'Database Instance MySQL No license required db m6g.large General purpose Multi-AZ
    // Current Generation' $0.376 and 'Database Storage Multi AZ General Purpose-GP3' $0.248:
    // 730 × $0.376 + 100 GB × $0.248 = $274.48 + $24.80
    const thailand = cost(
      {
        ...base,
        engine: 'mysql',
        deployment: 'multi_az',
        instance_class: 'db.m6g.large',
        storage_gb: 100,
        storage_type: 'gp3',
      },
      'ap-southeast-7',
    )
    expect(rows(thailand)).toEqual({
      'rds.mysql_instance_hours_multi_az.db.m6g.large': '274.48',
      'rds.storage_gb_month_multi_az.gp3': '24.8',
    })
    // 'Asia Pacific (Melbourne)': PostgreSQL db.r6g.large Single-AZ $0.27 × 730 = $197.10
    const melbourne = cost({ ...base, instance_class: 'db.r6g.large', storage_gb: 0 }, 'ap-southeast-4')
    expect(rows(melbourne)).toEqual({ 'rds.instance_hours.db.r6g.large': '197.1' })
    // 'Asia Pacific (Seoul)': 'Database Instance Oracle Standard Two License included db t3.large General purpose
    // Single-AZ Current Generation' $0.352 × 730 = $256.96
    const seoul = cost({ ...base, engine: 'oracle_se2', storage_gb: 0 }, 'ap-northeast-2')
    expect(rows(seoul)).toEqual({ 'rds.oracle_se2_instance_hours.db.t3.large': '256.96' })
    // Extended Support year 3 in Mexico (Central): 'PostgreSQL Year 3 11' = 'MySQL Year 3 5 7' = $0.21,
    // 2 vCPUs × 730 h × $0.21 = $306.60
    const support = cost(
      { ...base, engine: 'mysql', extended_support: 'year_3', vcpus: 2, storage_gb: 0 },
      'mx-central-1',
    )
    expect(rows(support)['rds.extended_support_vcpu_hours.year_3']).toBe('306.6')
    const entry = findPrice(
      bundledCatalog,
      'ap-southeast-7',
      'rds.mysql_instance_hours_multi_az.db.m6g.large',
    )
    expect(entry?.source).toBe('page-rates-rds-ondemand-2025-05')
    expect(entry?.confidence).toBe('price-list')
    expect(entry?.as_of).toBe('2025-05-23')
  })
})
