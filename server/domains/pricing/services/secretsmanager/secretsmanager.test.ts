import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { meterWire } from '../../../../test/metered-usage.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { priceUsage } from '../../cost-engine.js'
import { lineItemsToUsage } from '../../line-items.js'

const PAGE = 'https://aws.amazon.com/secrets-manager/pricing/'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('secretsmanager', [params], { region, includeFreeTier: true })
}

describe(`Secrets Manager at the rates of ${PAGE}`, () => {
  it('bills $0.40 per secret-month and $0.05 per 10,000 API calls', () => {
    // 25 × $0.40 + 1,000,000 / 10,000 × $0.05 = $10 + $5
    expect(cents(cost({ secrets: 25, api_requests: 1_000_000 }).total)).toBe('15.00')
  })

  it('prorates a secret stored part of the month by its hours', () => {
    // 10 secrets for 365 of 730 hours: 5 secret-months.
    expect(cents(cost({ secrets: 10, hours: 365 }).total)).toBe('2.00')
    expect(cents(cost({ secrets: 10, hours: { min: 73, typical: 365, max: 730 } }).total)).toBe('2.00')
  })

  it('prices sa-east-1 from the rate map of 2025-03-27 (aws-price-watcher raw/secretsmanager.json)', () => {
    // 'Secret' $0.40 and 'API Request' $0.000005: 25 × $0.40 + 1,000,000 × $0.000005
    const saoPaulo = cost({ secrets: 25, api_requests: 1_000_000 }, 'sa-east-1')
    expect(saoPaulo.unpriced).toEqual([])
    expect(cents(saoPaulo.total)).toBe('15.00')
  })

  it('prices the Regions outside the main ten from the same rate map (page-rates-secretsmanager)', () => {
    // aws-price-watcher raw/secretsmanager.json, 'Canada (Central)', 'Mexico (Central)' and 'Asia Pacific (Hyderabad)':
    // 'Secret' $0.40 and 'API Request' $0.000005 in each: 25 × $0.40 + 1,000,000 × $0.000005 = $10 + $5
    for (const region of ['ca-central-1', 'mx-central-1', 'ap-south-2']) {
      const priced = cost({ secrets: 25, api_requests: 1_000_000 }, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('15.00')
    }
  })

  it('prices Taipei and New Zealand from the rate map of 2026-08-31 (page-rates-secretsmanager-2026-08)', () => {
    // aws-price-watcher 62171df raw/secretsmanager.json, 'Asia Pacific (Taipei)' and 'Asia Pacific (New Zealand)':
    // 'Secret' 0.4000000000 and 'API Request' 0.0000050000: 25 × $0.40 + 1,000,000 × $0.000005 = $10 + $5
    for (const region of ['ap-east-2', 'ap-southeast-6']) {
      const priced = cost({ secrets: 25, api_requests: 1_000_000 }, region)
      expect(priced.unpriced, region).toEqual([])
      expect(cents(priced.total), region).toBe('15.00')
    }
  })

  it('reports a region without a sourced price as unpriced, never $0', () => {
    // every catalog Region is priced now: take Taipei's secret-month rate out of a copy of the catalog
    const catalog = structuredClone(bundledCatalog)
    delete catalog.prices['ap-east-2']?.['secretsmanager.secret_months']
    const items = lineItemsToUsage([{ service: 'secretsmanager', params: { secrets: 1 } }], catalog)
    if (!items.ok) throw new Error('refused')
    const priced = priceUsage({ region: 'ap-east-2', includeFreeTier: true, usage: items.usage, catalog })
    expect(priced.total).toBe('0')
    expect(priced.unpriced.map((row) => row.usage_type)).toEqual(['secretsmanager.secret_months'])
  })

  it('refuses a fractional number of secrets and unknown params', () => {
    const fractional = lineItemsToUsage(
      [{ service: 'secretsmanager', params: { secrets: 1.5 } }],
      bundledCatalog,
    )
    expect(fractional).toMatchObject({ ok: false, details: [{ field: 'params.secrets' }] })
    const unknown = lineItemsToUsage(
      [{ service: 'secretsmanager', params: { secrets: 1, rotations: 3 } }],
      bundledCatalog,
    )
    expect(unknown.ok).toBe(false)
  })

  it('meters each secretsmanager.request event as one API call', () => {
    const usage = meterWire([{ type: 'secretsmanager.request' }, { type: 'secretsmanager.request' }])
    expect(usage).toEqual({ 'secretsmanager.api_requests': 2 })
  })

  it('imports a secret with its replicas as secrets, and skips its versions', () => {
    const plan = terraformPlan([
      planResource('db', 'aws_secretsmanager_secret', { name: 'db', replica: [{ region: 'eu-west-1' }] }),
      planResource('db', 'aws_secretsmanager_secret_version', { secret_string: 'x' }),
    ])
    const mapped = planToLineItems(plan)
    expect(mapped.items.map((item) => [item.service, item.params])).toEqual([
      ['secretsmanager', { secrets: 2, hours: 730, api_requests: 0 }],
    ])
    expect(mapped.skipped.map((s) => s.reason)).toEqual(['billed with its secret'])
  })
})
