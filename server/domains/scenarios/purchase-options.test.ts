import { describe, expect, it } from 'vitest'
import { buildTestApp, type TestApp } from '../../test/build-test-app.js'
import { callerAs, createUser, type TestUser } from '../../test/factories.js'
import { testEngine } from '../../test/test-db.js'
import { importSavingsPlansRates, type SavingsPlanRate } from '../pricing/offer-import.js'

/**
 * Applies Compute Savings Plans rates to the app's catalog as a Price List sync does, and stores it; returns the
 * usage types written. `rates`: [length, purchase option, AWS usage type, price].
 */
async function storeComputePlanRates(
  app: TestApp,
  discounted: { serviceCode: string; operation: string },
  rates: [string, string, string, string][],
) {
  const synced = importSavingsPlansRates(
    app.services.pricing.current(),
    {
      region: 'us-east-1',
      publicationDate: '2026-11-19T00:00:00Z',
      rates: rates.map(
        ([length, purchaseOption, usageType, price]): SavingsPlanRate => ({
          plan: 'compute',
          length,
          purchaseOption,
          ...discounted,
          usageType,
          sku: `${usageType}-${length}-${purchaseOption}`,
          price,
        }),
      ),
    },
    { id: 'price-list-AWSComputeSavingsPlan-us-east-1', url: 'https://example.com/savings-plans.json' },
  )
  await app.services.pricing.storeCatalog(
    synced.catalog,
    `test: ${discounted.serviceCode} Savings Plans rates`,
  )
  return synced.updated.map((u) => u.usage_type)
}

/*
 * Rates (catalog, us-east-1): m5.large $0.096 on demand, Standard RI 1 year No Upfront $0.06 an hour
 * (ec2-ri-rate-maps); MySQL Multi-AZ db.t3.large $0.272 on demand, RI 1 year No Upfront $0.1914 an hour,
 * 1 year Partial Upfront $798 + $0.0911 an hour, 3 year Partial Upfront $1,716 + $0.0653 an hour
 * (rds-ri-rate-maps); Multi-AZ gp2 $0.23 per GB-month; Lambda $0.20 per million requests and
 * $0.0000166667 per GB-second.
 */
describe(`purchase options on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const other = await createUser(app)

  const call = callerAs(app, user)

  const res = await call('POST', '/scenarios', {
    name: 'Commitments',
    region: 'us-east-1',
    include_free_tier: false,
  })
  const id = res.json().id as string
  const itemIds: Record<string, string> = {}
  for (const [name, item] of Object.entries({
    ec2: { service: 'ec2', params: { instance_type: 'm5.large', count: 2, hours: 730 } },
    rds: {
      service: 'rds',
      params: {
        instance_class: 'db.t3.large',
        count: 1,
        hours: 730,
        storage_gb: 20,
        storage_type: 'gp2',
        engine: 'mysql',
        deployment: 'multi_az',
      },
    },
    lambda: { service: 'lambda', params: { invocations: 1_000_000, avg_duration_ms: 100, memory_mb: 128 } },
  })) {
    const created = await call('POST', `/scenarios/${id}/items`, item)
    expect(created.statusCode).toBe(201)
    itemIds[name] = created.json().id
  }
  const compare = async (query: string, who: TestUser = user) =>
    callerAs(app, who)('GET', `/scenarios/${id}/costs/purchase-options?${query}`)

  it('compares 1-year No Upfront Reserved Instances with on demand, item by item', async () => {
    const answer = await compare('commitment=reserved_instances&term=1y&payment=no_upfront')
    expect(answer.statusCode).toBe(200)
    const body = answer.json()
    expect(body.option).toEqual({
      commitment: 'reserved_instances',
      term: '1y',
      payment: 'no_upfront',
      offering_class: 'standard',
      spot_discount_pct: null,
      term_months: 12,
    })
    expect(body.items).toEqual([
      {
        item_id: itemIds.ec2,
        service: 'ec2',
        usage_type: 'ec2.instance_hours.m5.large',
        alongside_usage_types: [],
        offer_usage_types: ['ec2.reserved_hours.standard_1y_no_upfront.m5.large'],
        replaced_usage: [
          { usage_type: 'ec2.instance_hours.m5.large', billable_quantity: '1460', unit: 'instance-hours' },
        ],
        instances: 2,
        hours_per_instance: 730,
        on_demand_monthly: '140.16',
        upfront: '0',
        monthly: '87.6',
        effective_monthly: '87.6',
        total_12_months: { on_demand: '1681.92', with_option: '1051.2', savings: '630.72' },
        total_36_months: { on_demand: '5045.76', with_option: '3153.6', savings: '1892.16' },
      },
      expect.objectContaining({
        item_id: itemIds.rds,
        usage_type: 'rds.mysql_instance_hours_multi_az.db.t3.large',
        alongside_usage_types: [],
        offer_usage_types: ['rds.reserved_hours.1y_no_upfront.mysql_multi_az.db.t3.large'],
        on_demand_monthly: '198.56',
        monthly: '139.722',
      }),
    ])
    expect(body.not_covered).toEqual([
      {
        item_id: itemIds.lambda,
        service: 'lambda',
        reason: 'Reserved Instances does not cover lambda items',
        missing_usage_type: null,
      },
    ])
    expect(body.totals).toMatchObject({ on_demand_monthly: '338.72', upfront: '0', monthly: '227.322' })
    // Storage (20 GB Multi-AZ gp2 = $4.60) and Lambda ($0.20 + $0.208334) stay on demand.
    expect(body.modelled_monthly).toEqual({ on_demand: '343.728334', with_option: '232.330334' })
    const costs = await call('GET', `/scenarios/${id}/costs`)
    expect(costs.json().modelled_monthly.total).toBe(body.modelled_monthly.on_demand)
  })

  it('shows a Partial Upfront fee apart from the monthly fees, with 12- and 36-month totals', async () => {
    const oneYear = (await compare('commitment=reserved_instances&term=1y&payment=partial_upfront')).json()
    const itemOf = (body: { items: { item_id: string }[] }, id: string | undefined) =>
      body.items.find((i) => i.item_id === id)
    expect(oneYear.items).toHaveLength(2)
    expect(itemOf(oneYear, itemIds.rds)).toEqual(
      expect.objectContaining({
        offer_usage_types: [
          'rds.reserved_hours.1y_partial_upfront.mysql_multi_az.db.t3.large',
          'rds.reserved_upfront.1y_partial_upfront.mysql_multi_az.db.t3.large',
        ],
        upfront: '798',
        monthly: '66.503',
        effective_monthly: '133.003',
        // A 1-year term renews: three upfront fees in 36 months.
        total_12_months: { on_demand: '2382.72', with_option: '1596.036', savings: '786.684' },
        total_36_months: { on_demand: '7148.16', with_option: '4788.108', savings: '2360.052' },
      }),
    )
    // ec2-offer-use1-m5large-2020-mock (AWS Price List, 2020-07-09): m5.large Standard 1 year Partial Upfront $252 +
    // $0.029 an hour. Two instances: 2 × $252 upfront, 2 × 730 h × $0.029 = $42.34 a month; on demand 2 × 730 ×
    // $0.096 = $140.16 a month. 12 months: 504 + 12 × 42.34 = 1,012.08; 36 months: 3 × 504 + 36 × 42.34 = 3,036.24.
    expect(itemOf(oneYear, itemIds.ec2)).toEqual(
      expect.objectContaining({
        offer_usage_types: [
          'ec2.reserved_hours.standard_1y_partial_upfront.m5.large',
          'ec2.reserved_upfront.standard_1y_partial_upfront.m5.large',
        ],
        upfront: '504',
        monthly: '42.34',
        effective_monthly: '84.34',
        total_12_months: { on_demand: '1681.92', with_option: '1012.08', savings: '669.84' },
        total_36_months: { on_demand: '5045.76', with_option: '3036.24', savings: '2009.52' },
      }),
    )

    const threeYears = (await compare('commitment=reserved_instances&term=3y&payment=partial_upfront')).json()
    expect(threeYears.option.term_months).toBe(36)
    expect(itemOf(threeYears, itemIds.rds)).toMatchObject({
      upfront: '1716',
      monthly: '47.669',
      effective_monthly: '95.335667',
      total_12_months: { on_demand: '2382.72', with_option: '2288.028', savings: '94.692' },
      total_36_months: { on_demand: '7148.16', with_option: '3432.084', savings: '3716.076' },
    })
    // 3 years Partial Upfront $505 + $0.019 an hour: 2 × 505 upfront, 2 × 730 × 0.019 = $27.74 a month
    expect(itemOf(threeYears, itemIds.ec2)).toMatchObject({
      upfront: '1010',
      monthly: '27.74',
      total_12_months: { on_demand: '1681.92', with_option: '1342.88', savings: '339.04' },
      total_36_months: { on_demand: '5045.76', with_option: '2008.64', savings: '3037.12' },
    })
  })

  it('prices Spot as the discount stated, for EC2 only', async () => {
    const body = (await compare('commitment=spot&spot_discount_pct=70')).json()
    expect(body.option).toMatchObject({ commitment: 'spot', term: null, payment: null, term_months: null })
    expect(body.items).toEqual([
      expect.objectContaining({
        item_id: itemIds.ec2,
        offer_usage_types: [],
        monthly: '42.048',
        upfront: '0',
        total_12_months: { on_demand: '1681.92', with_option: '504.576', savings: '1177.344' },
      }),
    ])
    expect(body.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'Spot does not apply to rds items',
      'Spot does not apply to lambda items',
    ])
  })

  it('answers a Savings Plan question with what is not sourced, never $0', async () => {
    const body = (await compare('commitment=compute_savings_plan&term=3y')).json()
    expect(body.items).toEqual([])
    expect(body.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'the catalog has no price for ec2.savings_plan_hours.compute_3y_no_upfront.m5.large in us-east-1',
      'a Compute Savings Plan does not cover rds items',
      'the catalog has no price for lambda.savings_plan_gb_seconds.compute_3y_no_upfront.x86_64 in us-east-1',
    ])
    expect(body.modelled_monthly.with_option).toBe(body.modelled_monthly.on_demand)
    expect(body.totals.total_12_months).toEqual({ on_demand: '0', with_option: '0', savings: '0' })
  })

  it('refuses options that do not fit the commitment (422) and hides other users’ scenarios (404)', async () => {
    const refused = async (query: string) => {
      const answer = await compare(query)
      expect(answer.statusCode).toBe(422)
      return answer.json().details
    }
    expect(await refused('commitment=spot')).toEqual([
      { field: 'spot_discount_pct', reason: 'is required for spot' },
    ])
    expect(await refused('commitment=spot&spot_discount_pct=50&term=1y')).toEqual([
      { field: 'term', reason: 'does not apply to spot' },
    ])
    expect(await refused('commitment=reserved_instances&spot_discount_pct=50')).toEqual([
      { field: 'spot_discount_pct', reason: 'applies to spot only' },
    ])
    expect(await refused('commitment=compute_savings_plan&offering_class=convertible')).toEqual([
      { field: 'offering_class', reason: 'applies to reserved_instances only' },
    ])
    expect((await compare('commitment=dedicated_hosts')).statusCode).toBe(422)
    expect((await compare('commitment=reserved_instances', other)).statusCode).toBe(404)
  })
})

describe(`purchase options of EC2 operating systems and tenancies on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = callerAs(app, user)
  const res = await call('POST', '/scenarios', {
    name: 'Windows',
    region: 'us-east-1',
    include_free_tier: false,
  })
  const id = res.json().id as string
  for (const params of [
    { instance_type: 't3.medium', count: 1, hours: 730, operating_system: 'windows' },
    { instance_type: 't3.medium', count: 1, hours: 730, tenancy: 'dedicated' },
  ]) {
    expect((await call('POST', `/scenarios/${id}/items`, { service: 'ec2', params })).statusCode).toBe(201)
  }

  it('never applies Linux shared-tenancy offers or a Spot discount to another OS or tenancy', async () => {
    const reserved = (
      await call('GET', `/scenarios/${id}/costs/purchase-options?commitment=reserved_instances`)
    ).json()
    expect(reserved.items).toEqual([])
    expect(reserved.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'the catalog has no price for ec2.reserved_hours.standard_1y_no_upfront.windows.t3.medium in us-east-1',
      'no on-demand price for ec2.instance_hours_dedicated.t3.medium in us-east-1',
    ])
    const spot = (
      await call('GET', `/scenarios/${id}/costs/purchase-options?commitment=spot&spot_discount_pct=50`)
    ).json()
    expect(spot.not_covered.map((n: { reason: string }) => n.reason)[0]).toBe(
      'Spot does not apply to ec2 items',
    )
  })
})

describe(`Fargate Spot and Savings Plans in the purchase options on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = callerAs(app, user)
  const res = await call('POST', '/scenarios', {
    name: 'Fargate',
    region: 'us-east-1',
    include_free_tier: false,
  })
  const id = res.json().id as string
  const ids: string[] = []
  for (const params of [
    { tasks: 1, vcpu: 1, memory_gb: 2, hours: 730, ephemeral_storage_gb: 30 },
    { tasks: 1, vcpu: 1, memory_gb: 2, hours: 730, orchestrator: 'eks' },
  ]) {
    const created = await call('POST', `/scenarios/${id}/items`, { service: 'fargate', params })
    expect(created.statusCode).toBe(201)
    ids.push(created.json().id)
  }
  const compare = async (query: string) =>
    (await call('GET', `/scenarios/${id}/costs/purchase-options?${query}`)).json()

  it('prices Fargate Spot for ECS tasks as the discount stated on their vCPU and memory, not EKS pods', async () => {
    const body = await compare('commitment=spot&spot_discount_pct=70')
    // 730 × $0.04048 + 1,460 × $0.004445 = $36.0401 on demand; 30% of it under Spot. Ephemeral storage stays.
    expect(body.items).toEqual([
      expect.objectContaining({
        item_id: ids[0],
        usage_type: 'fargate.vcpu_hours.x86_64',
        alongside_usage_types: ['fargate.gb_hours.x86_64'],
        on_demand_monthly: '36.0401',
        monthly: '10.81203',
      }),
    ])
    expect(body.not_covered).toEqual([
      {
        item_id: ids[1],
        service: 'fargate',
        reason: 'Spot does not apply to fargate items',
        missing_usage_type: null,
      },
    ])
    expect(body.modelled_monthly.on_demand).not.toBe(body.modelled_monthly.with_option)
  })

  it('says a Compute Savings Plan would cover Fargate but is not priced, and Reserved Instances do not', async () => {
    const plan = await compare('commitment=compute_savings_plan')
    expect(plan.items).toEqual([])
    expect(plan.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'the catalog has no price for fargate.savings_plan_vcpu_hours.compute_1y_no_upfront.x86_64 in us-east-1',
      'a Compute Savings Plan: the plan’s rates for EKS pods on Fargate are not priced here',
    ])
    const reserved = await compare('commitment=reserved_instances')
    expect(reserved.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'Reserved Instances does not cover fargate items',
      'Reserved Instances does not cover fargate items',
    ])
  })

  it('prices a Compute Savings Plan on Fargate vCPU and memory once AWS’s Savings Plans rates are in the catalog', async () => {
    // The rates as a Price List sync applies them (made-up figures: no bundled source has Fargate's rates).
    const written = await storeComputePlanRates(app, { serviceCode: 'AmazonECS', operation: 'FargateTask' }, [
      ['1yr', 'No Upfront', 'USE1-Fargate-vCPU-Hours:perCPU', '0.03238'],
      ['1yr', 'No Upfront', 'USE1-Fargate-GB-Hours', '0.003556'],
      ['3yr', 'All Upfront', 'USE1-Fargate-vCPU-Hours:perCPU', '0.02024'],
      ['3yr', 'All Upfront', 'USE1-Fargate-GB-Hours', '0.002223'],
    ])
    expect(written).toEqual([
      'fargate.savings_plan_vcpu_hours.compute_1y_no_upfront.x86_64',
      'fargate.savings_plan_gb_hours.compute_1y_no_upfront.x86_64',
      'fargate.savings_plan_vcpu_hours.compute_3y_all_upfront.x86_64',
      'fargate.savings_plan_gb_hours.compute_3y_all_upfront.x86_64',
    ])

    // 730 vCPU-hours × $0.03238 + 1,460 GB-hours × $0.003556 = $23.6374 + $5.19176 = $28.82916 a month,
    // against $36.0401 on demand; the ephemeral storage above 20 GB stays on demand.
    const noUpfront = await compare('commitment=compute_savings_plan&term=1y&payment=no_upfront')
    expect(noUpfront.items).toEqual([
      expect.objectContaining({
        item_id: ids[0],
        usage_type: 'fargate.vcpu_hours.x86_64',
        alongside_usage_types: ['fargate.gb_hours.x86_64'],
        offer_usage_types: [
          'fargate.savings_plan_vcpu_hours.compute_1y_no_upfront.x86_64',
          'fargate.savings_plan_gb_hours.compute_1y_no_upfront.x86_64',
        ],
        on_demand_monthly: '36.0401',
        upfront: '0',
        monthly: '28.82916',
        effective_monthly: '28.82916',
      }),
    ])
    // All Upfront, 3 years: (730 × $0.02024 + 1,460 × $0.002223) × 36 months = $18.02078 × 36 = $648.74808
    // upfront, nothing monthly.
    const allUpfront = await compare('commitment=compute_savings_plan&term=3y&payment=all_upfront')
    expect(allUpfront.items[0]).toMatchObject({
      upfront: '648.74808',
      monthly: '0',
      effective_monthly: '18.02078',
    })
    expect(allUpfront.not_covered.map((n: { reason: string }) => n.reason)).toEqual([
      'a Compute Savings Plan: the plan’s rates for EKS pods on Fargate are not priced here',
    ])
    const partial = await compare('commitment=compute_savings_plan&term=3y&payment=partial_upfront')
    expect(partial.not_covered[0].reason).toBe(
      'the catalog has no price for fargate.savings_plan_vcpu_hours.compute_3y_partial_upfront.x86_64 in us-east-1',
    )
  }, 120_000)
})

describe(`a Compute Savings Plan on Lambda duration in the purchase options on ${testEngine}`, async () => {
  const app = await buildTestApp()
  const user = await createUser(app)
  const call = callerAs(app, user)
  const scenarioOf = async (name: string, items: Record<string, Record<string, unknown>>) => {
    const created = await call('POST', '/scenarios', { name, region: 'us-east-1', include_free_tier: true })
    const scenarioId = created.json().id as string
    const ids: Record<string, string> = {}
    for (const [key, params] of Object.entries(items)) {
      const item = await call('POST', `/scenarios/${scenarioId}/items`, { service: 'lambda', params })
      expect(item.statusCode).toBe(201)
      ids[key] = item.json().id
    }
    const compare = async (query: string) =>
      (await call('GET', `/scenarios/${scenarioId}/costs/purchase-options?${query}`)).json()
    return { id: scenarioId, ids, compare }
  }
  const { id, ids, compare } = await scenarioOf('Lambda', {
    // 7.5M × 200 ms × 1 GB = 1,500,000 GB-seconds and 5M × 100 ms × 1 GB = 500,000: 2,000,000 in the scenario,
    // 400,000 of them free, so 1,600,000 billable, three quarters the API's and a quarter the worker's.
    api: { invocations: 7_500_000, avg_duration_ms: 200, memory_mb: 1024 },
    // Provisioned: 1M × 100 ms × 1 GB = 100,000 GB-s of duration, and 5 × 1 GB × 730 h × 3,600 s =
    // 13,140,000 GB-s of concurrency (neither in the free tier).
    warm: {
      invocations: 1_000_000,
      avg_duration_ms: 100,
      memory_mb: 1024,
      architecture: 'arm64',
      provisioned_concurrency: 5,
    },
    worker: { invocations: 5_000_000, avg_duration_ms: 100, memory_mb: 1024 },
    edge: { invocations: 1_000_000, avg_duration_ms: 50, memory_mb: 128, deployment: 'edge' },
  })

  it('says which rates are missing before a sync, and why the others stay on demand', async () => {
    const body = await compare('commitment=compute_savings_plan')
    expect(body.items).toEqual([])
    const missing = (itemId: string | undefined, usageType: string) => ({
      item_id: itemId,
      service: 'lambda',
      reason: `the catalog has no price for ${usageType} in us-east-1`,
      missing_usage_type: usageType,
    })
    expect(body.not_covered).toEqual([
      missing(ids.api, 'lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64'),
      missing(ids.warm, 'lambda.savings_plan_provisioned_gb_seconds.compute_1y_no_upfront.arm64'),
      missing(ids.worker, 'lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64'),
      {
        item_id: ids.edge,
        service: 'lambda',
        reason: 'a Compute Savings Plan: Lambda@Edge is not covered by Savings Plans',
        missing_usage_type: null,
      },
    ])
    const reserved = await compare('commitment=ec2_instance_savings_plan')
    expect(reserved.not_covered[0].reason).toBe('an EC2 Instance Savings Plan does not cover lambda items')
  })

  it('leaves out usage the free tier covers, and a scenario whose usage spans price bands', async () => {
    // 300,000 GB-seconds in the scenario: all within the free 400,000.
    const free = await scenarioOf('Inside the free tier', {
      small: { invocations: 3_000_000, avg_duration_ms: 100, memory_mb: 1024 },
    })
    expect((await free.compare('commitment=compute_savings_plan')).not_covered[0].reason).toBe(
      'the free tier covers all the usage a Compute Savings Plan would',
    )
    // 7 billion GB-seconds together: past the first band's 6 billion, so neither item has one rate to compare.
    const banded = await scenarioOf('Tiered', {
      big: { invocations: 4_000_000_000, avg_duration_ms: 1000, memory_mb: 1024 },
      bigger: { invocations: 3_000_000_000, avg_duration_ms: 1000, memory_mb: 1024 },
    })
    const reasons = (await banded.compare('commitment=compute_savings_plan')).not_covered.map(
      (n: { reason: string }) => n.reason,
    )
    expect(reasons).toEqual(
      Array(2).fill(
        "a Compute Savings Plan: the scenario's lambda.gb_seconds.x86_64 spans price bands, which mockupAWS does not combine with a plan",
      ),
    )
  })

  it('prices the billable GB-seconds at the plan’s rates once AWS’s Savings Plans rates are in the catalog', async () => {
    // The rates as a Price List sync applies them. Made-up figures: no bundled source has Lambda's plan rates.
    const written = await storeComputePlanRates(app, { serviceCode: 'AWSLambda', operation: 'Invoke' }, [
      ['1yr', 'No Upfront', 'USE1-Lambda-GB-Second', '0.0000139'],
      ['1yr', 'No Upfront', 'USE1-Lambda-Provisioned-GB-Second-ARM', '0.0000065'],
      ['1yr', 'No Upfront', 'USE1-Lambda-Provisioned-Concurrency-ARM', '0.0000028'],
      ['3yr', 'All Upfront', 'USE1-Lambda-GB-Second', '0.0000115'],
    ])
    expect(written).toEqual([
      'lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64',
      'lambda.savings_plan_provisioned_gb_seconds.compute_1y_no_upfront.arm64',
      'lambda.savings_plan_provisioned_concurrency_gb_seconds.compute_1y_no_upfront.arm64',
      'lambda.savings_plan_gb_seconds.compute_3y_all_upfront.x86_64',
    ])

    const noUpfront = await compare('commitment=compute_savings_plan&term=1y&payment=no_upfront')
    expect(noUpfront.items).toEqual([
      // Three quarters of the 1,600,000 billable GB-s: 1,200,000 × $0.0000166667 = $20.00004 on demand;
      // × $0.0000139 = $16.68 under the plan.
      expect.objectContaining({
        item_id: ids.api,
        usage_type: 'lambda.gb_seconds.x86_64',
        offer_usage_types: ['lambda.savings_plan_gb_seconds.compute_1y_no_upfront.x86_64'],
        replaced_usage: [
          { usage_type: 'lambda.gb_seconds.x86_64', billable_quantity: '1200000', unit: 'GB-seconds' },
        ],
        instances: null,
        hours_per_instance: null,
        on_demand_monthly: '20.00004',
        upfront: '0',
        monthly: '16.68',
      }),
      // On demand 100,000 × $0.0000077778 + 13,140,000 × $0.0000033334 = $0.77778 + $43.800876 = $44.578656;
      // under the plan 100,000 × $0.0000065 + 13,140,000 × $0.0000028 = $0.65 + $36.792 = $37.442.
      expect.objectContaining({
        item_id: ids.warm,
        usage_type: 'lambda.provisioned_gb_seconds.arm64',
        alongside_usage_types: ['lambda.provisioned_concurrency_gb_seconds.arm64'],
        on_demand_monthly: '44.578656',
        monthly: '37.442',
      }),
      // The other quarter: 400,000 × $0.0000166667 = $6.66668; × $0.0000139 = $5.56.
      expect.objectContaining({ item_id: ids.worker, on_demand_monthly: '6.66668', monthly: '5.56' }),
    ])
    // Requests stay on demand: the plan covers duration only. The scenario's modelled cost falls by exactly the
    // covered duration's on-demand cost less the plan's.
    expect(noUpfront.totals).toMatchObject({ on_demand_monthly: '71.245376', monthly: '59.682' })
    const { on_demand, with_option } = noUpfront.modelled_monthly
    expect(Number(on_demand) - Number(with_option)).toBeCloseTo(71.245376 - 59.682, 6)

    // All Upfront, 3 years: 1,200,000 × $0.0000115 = $13.80 a month, × 36 = $496.80 upfront.
    const allUpfront = await compare('commitment=compute_savings_plan&term=3y&payment=all_upfront')
    expect(allUpfront.items[0]).toMatchObject({
      item_id: ids.api,
      upfront: '496.8',
      monthly: '0',
      effective_monthly: '13.8',
    })
    expect(allUpfront.not_covered[0].reason).toBe(
      'the catalog has no price for lambda.savings_plan_provisioned_gb_seconds.compute_3y_all_upfront.arm64 in us-east-1',
    )
  }, 120_000)
  it('commits a plan for every hour of the month when provisioned concurrency is held only some hours', async () => {
    const add = async (params: Record<string, unknown>) =>
      (await call('POST', `/scenarios/${id}/items`, { service: 'lambda', params })).json().id as string
    const base = { avg_duration_ms: 100, memory_mb: 1024, architecture: 'arm64', provisioned_concurrency: 5 }
    const nightly = await add({ ...base, invocations: 1_000_000, provisioned_hours: 240 })
    const idle = await add({ ...base, invocations: 0 })
    const body = await compare('commitment=compute_savings_plan&term=1y&payment=no_upfront')
    const row = (itemId: string) => body.items.find((i: { item_id: string }) => i.item_id === itemId)
    // Held 240 h: 5 × 1 GB × 240 × 3,600 = 4,320,000 GB-s of concurrency and 100,000 GB-s of duration, on demand
    // $14.400288 + $0.77778. The plan must cover 18,000 and 416.67 GB-s an hour while they run, and bills every
    // hour: 18,000 × 730 × $0.0000028 + 100,000 / 240 × 730 × $0.0000065 = $36.792 + $1.977083 — more than on demand.
    expect(row(nightly)).toMatchObject({ on_demand_monthly: '15.178068', monthly: '38.769083' })
    // No invocations: only the concurrency is replaced, and no duration rate is asked for.
    expect(row(idle)).toMatchObject({
      usage_type: 'lambda.provisioned_concurrency_gb_seconds.arm64',
      alongside_usage_types: [],
      offer_usage_types: [
        'lambda.savings_plan_provisioned_concurrency_gb_seconds.compute_1y_no_upfront.arm64',
      ],
      replaced_usage: [
        {
          usage_type: 'lambda.provisioned_concurrency_gb_seconds.arm64',
          billable_quantity: '13140000',
          unit: 'GB-seconds',
        },
      ],
      monthly: '36.792',
    })
    // The option is named before the usage is looked at: Reserved Instances never cover Lambda.
    const reserved = await compare('commitment=reserved_instances')
    expect(reserved.not_covered.find((n: { item_id: string }) => n.item_id === idle).reason).toBe(
      'Reserved Instances does not cover lambda items',
    )
  })
})
