import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundledCatalog } from './catalog.js'
import { priceUsage } from './cost-engine.js'
import { importOfferFile, type OfferFile } from './offer-import.js'

function fixture(name: string): OfferFile {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as OfferFile
}

describe('importOfferFile', () => {
  it('maps Lambda products to our usage types and counts the rest as skipped', () => {
    const { catalog, updated, skipped } = importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    expect(updated.map((u) => `${u.region} ${u.usage_type}`)).toEqual([
      'eu-west-1 lambda.gb_seconds.arm64',
      'us-east-1 lambda.requests',
      'us-east-1 lambda.gb_seconds.x86_64',
    ])
    expect(skipped).toBe(1)
    expect(catalog.prices['us-east-1']?.['lambda.gb_seconds.x86_64']).toMatchObject({
      per: '1',
      confidence: 'price-list',
      as_of: '2025-10-01',
      source: 'offer-AWSLambda',
      tiers: [
        { upto: '6000000000', price: '0.0000166667' },
        { upto: '15000000000', price: '0.000015' },
        { upto: null, price: '0.0000133334' },
      ],
    })
    expect(catalog.meta.sources['offer-AWSLambda']?.url).toContain('AWSLambda')
  })

  it('replaces an inferred price and keeps what it replaced in the report', () => {
    const { catalog, updated } = importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    const arm = updated.find((u) => u.region === 'eu-west-1')
    expect(arm?.previous_tiers).toEqual(
      bundledCatalog.prices['eu-west-1']?.['lambda.gb_seconds.arm64']?.tiers,
    )
    expect(catalog.prices['eu-west-1']?.['lambda.gb_seconds.arm64']?.confidence).toBe('price-list')
  })

  it('does not modify the catalog it is given', () => {
    const before = JSON.stringify(bundledCatalog)
    importOfferFile(bundledCatalog, fixture('lambda-offer.json'))
    expect(JSON.stringify(bundledCatalog)).toBe(before)
  })

  it('folds the $0 free-tier band of SQS into the first paid band, so the free tier stays switchable', () => {
    const { catalog } = importOfferFile(bundledCatalog, fixture('sqs-offer.json'))
    expect(catalog.prices['us-east-1']?.['sqs.requests.standard']?.tiers).toEqual([
      { upto: '100000000000', price: '0.0000004' },
      { upto: '200000000000', price: '0.0000003' },
      { upto: null, price: '0.00000024' },
    ])
    const usage = { 'sqs.requests.standard': '3000000' }
    expect(priceUsage({ region: 'us-east-1', usage, includeFreeTier: true, catalog }).total).toBe('0.8')
    expect(priceUsage({ region: 'us-east-1', usage, includeFreeTier: false, catalog }).total).toBe('1.2')
  })

  it('imports only Linux shared-tenancy EC2 instance hours', () => {
    const { catalog, updated, skipped } = importOfferFile(bundledCatalog, fixture('ec2-offer.json'))
    expect(updated.map((u) => u.usage_type)).toEqual([
      'ec2.instance_hours.c7g.large',
      'ec2.instance_hours.m5.large',
    ])
    expect(skipped).toBe(2)
    expect(catalog.prices['us-east-1']?.['ec2.instance_hours.c7g.large']?.tiers).toEqual([
      { upto: null, price: '0.0725' },
    ])
  })

  it('imports CloudWatch Logs and data transfer products, adding an unknown region by its location name', () => {
    const offer: OfferFile = {
      offerCode: 'AWSDataTransfer',
      publicationDate: '2026-08-12T00:00:00Z',
      products: {
        SKU1: {
          attributes: {
            regionCode: 'eu-north-1',
            location: 'EU (Stockholm)',
            usagetype: 'EUN1-DataTransfer-Out-Bytes',
          },
        },
      },
      terms: {
        OnDemand: {
          SKU1: {
            T: {
              priceDimensions: {
                A: { beginRange: '0', endRange: '100', unit: 'GB', pricePerUnit: { USD: '0.0000000000' } },
                B: {
                  beginRange: '100',
                  endRange: '10240',
                  unit: 'GB',
                  pricePerUnit: { USD: '0.0900000000' },
                },
                C: {
                  beginRange: '10240',
                  endRange: 'Inf',
                  unit: 'GB',
                  pricePerUnit: { USD: '0.0850000000' },
                },
              },
            },
          },
        },
      },
    }
    // The bundled catalog lists every commercial Region, so start from one without eu-north-1.
    const regions = Object.fromEntries(
      Object.entries(bundledCatalog.regions).filter(([code]) => code !== 'eu-north-1'),
    )
    const { catalog, updated } = importOfferFile({ ...bundledCatalog, regions }, offer)
    expect(updated).toHaveLength(1)
    expect(catalog.regions['eu-north-1']).toEqual({ name: 'EU (Stockholm)' })
    expect(catalog.prices['eu-north-1']?.['data_transfer.out_gb']?.tiers).toEqual([
      { upto: '10240', price: '0.09' },
      { upto: null, price: '0.085' },
    ])
  })
})
