import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemToUsage, validateLineItem } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/dynamodb/pricing/provisioned/'
const none = { write_request_units: 0, read_request_units: 0, storage_gb: 0 }

function cost(params: Record<string, unknown>, includeFreeTier = false, region = 'us-east-1') {
  return priceItems('dynamodb', [params], { region, includeFreeTier })
}
const rows = (priced: ReturnType<typeof cost>) =>
  Object.fromEntries(priced.by_service.flatMap((s) => s.by_usage_type).map((r) => [r.usage_type, r.cost]))

describe(`DynamoDB at the rates of ${PAGE} (us-east-1)`, () => {
  it('prices an on-demand item saved before these params existed exactly as before', () => {
    const priced = cost({ write_request_units: 10_000_000, read_request_units: 20_000_000, storage_gb: 100 })
    expect(rows(priced)).toEqual({
      'dynamodb.write_request_units': '6.25',
      'dynamodb.read_request_units': '2.5',
      'dynamodb.storage_gb_month': '25',
    })
  })

  it('bills provisioned capacity per RCU-hour and WCU-hour, 25 of each free', () => {
    const params = { ...none, capacity_mode: 'provisioned', provisioned_rcu: 100, provisioned_wcu: 100 }
    // 100 × 730 × $0.00013 and 100 × 730 × $0.00065
    expect(rows(cost(params))).toEqual({
      'dynamodb.rcu_hours.standard': '9.49',
      'dynamodb.wcu_hours.standard': '47.45',
    })
    // 75 × 730 billable of each with the always-free 25 units
    expect(rows(cost(params, true))).toEqual({
      'dynamodb.rcu_hours.standard': '7.1175',
      'dynamodb.wcu_hours.standard': '35.5875',
    })
  })

  it('prices an auto-scaling range at min, typical and max', () => {
    const params = {
      ...none,
      capacity_mode: 'provisioned',
      provisioned_wcu: { min: 10, typical: 50, max: 200 },
    }
    const validated = validateLineItem('dynamodb', params, bundledCatalog)
    if (!validated.ok) throw new Error(JSON.stringify(validated.details))
    const wcuHours = (at: 'min' | 'typical' | 'max') =>
      lineItemToUsage('dynamodb', validated.params, at).get('dynamodb.wcu_hours.standard')?.toFixed()
    expect([wcuHours('min'), wcuHours('typical'), wcuHours('max')]).toEqual(['7300', '36500', '146000'])
  })

  it('prices the Standard-IA table class at its own rates, without the Standard free storage', () => {
    const priced = cost(
      {
        write_request_units: 1_000_000,
        read_request_units: 1_000_000,
        storage_gb: 100,
        table_class: 'standard_ia',
      },
      true,
    )
    expect(rows(priced)).toEqual({
      'dynamodb.write_request_units.standard_ia': '0.78',
      'dynamodb.read_request_units.standard_ia': '0.155',
      'dynamodb.storage_gb_month.standard_ia': '10',
    })
  })

  it('bills a global table’s writes as replicated writes in each Region', () => {
    const onDemand = cost({ ...none, write_request_units: 1_000_000, global_table_regions: 3 })
    expect(rows(onDemand)).toEqual({ 'dynamodb.replicated_write_request_units.standard': '1.875' })
    const provisioned = cost({
      ...none,
      capacity_mode: 'provisioned',
      provisioned_wcu: 10,
      global_table_regions: 2,
    })
    // 10 × 730 × 2 × $0.00065
    expect(rows(provisioned)).toEqual({ 'dynamodb.replicated_wcu_hours.standard': '9.49' })
  })

  it('bills PITR, on-demand backups, restores and Streams reads (2.5M free)', () => {
    const params = {
      ...none,
      pitr_gb: 100,
      backup_gb: 200,
      restore_gb: 50,
      streams_read_requests: 12_500_000,
    }
    expect(rows(cost(params, true))).toEqual({
      'dynamodb.pitr_gb_month': '20',
      'dynamodb.backup_gb_month': '20',
      'dynamodb.restore_gb': '7.5',
      'dynamodb.streams_read_requests': '2',
    })
  })

  it('prices eu-west-1 from its own rates and reports a missing figure unpriced', () => {
    const dublin = cost({ ...none, capacity_mode: 'provisioned', provisioned_rcu: 1000 }, false, 'eu-west-1')
    expect(rows(dublin)).toEqual({ 'dynamodb.rcu_hours.standard': '107.31' })
    const telAviv = cost({ ...none, streams_read_requests: 1_000_000 }, false, 'il-central-1')
    expect(telAviv.unpriced.map((row) => row.usage_type)).toEqual(['dynamodb.streams_read_requests'])
  })

  it('refuses on-demand units on a provisioned table and capacity on an on-demand one', () => {
    const fields = (params: Record<string, unknown>) => {
      const result = validateLineItem('dynamodb', params, bundledCatalog)
      return result.ok ? [] : result.details.map((detail) => detail.field)
    }
    expect(fields({ ...none, capacity_mode: 'provisioned', write_request_units: 5 })).toEqual([
      'params.write_request_units',
    ])
    expect(fields({ ...none, provisioned_rcu: { min: 0, typical: 5, max: 10 } })).toEqual([
      'params.provisioned_rcu',
    ])
    expect(
      fields({ ...none, provisioned_rcu: { min: 10, typical: 5, max: 20 }, capacity_mode: 'provisioned' }),
    ).toEqual(['params.provisioned_rcu'])
  })

  it('imports a provisioned Standard-IA table from a Terraform plan', () => {
    const plan = terraformPlan([
      planResource('orders', 'aws_dynamodb_table', {
        billing_mode: 'PROVISIONED',
        read_capacity: 20,
        write_capacity: 5,
        table_class: 'STANDARD_INFREQUENT_ACCESS',
      }),
    ])
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      {
        ...none,
        table_class: 'standard_ia',
        capacity_mode: 'provisioned',
        provisioned_rcu: 20,
        provisioned_wcu: 5,
      },
    ])
  })
})
