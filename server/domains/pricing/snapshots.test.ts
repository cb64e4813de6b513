import { describe, expect, it } from 'vitest'
import { bundledCatalog, type Catalog } from './catalog.js'
import { bundledSnapshotId, diffCatalogs } from './snapshots.js'

const copy = (): Catalog => JSON.parse(JSON.stringify(bundledCatalog)) as Catalog

describe('bundledSnapshotId', () => {
  it('is the date plus a content hash, changing with any content', () => {
    const id = bundledSnapshotId(bundledCatalog)
    expect(id).toMatch(new RegExp(`^bundled-${bundledCatalog.meta.as_of}-[0-9a-f]{8}$`))
    expect(bundledSnapshotId(copy())).toBe(id)
    const changed = copy()
    changed.meta.description += '.'
    expect(bundledSnapshotId(changed)).not.toBe(id)
  })
})

describe('diffCatalogs', () => {
  it('lists added, removed and changed prices, ignoring a rewrite that charges the same', () => {
    const next = copy()
    const east = next.prices['us-east-1'] ?? {}
    east['sqs.requests.standard'] = {
      ...(east['sqs.requests.standard'] as NonNullable<(typeof east)[string]>),
      per: '1',
      tiers: [
        { upto: '100000000000', price: '0.0000004' },
        { upto: '200000000000', price: '0.0000003' },
        { upto: null, price: '0.00000024' },
      ],
      source: 'offer-AWSQueueService',
    }
    const lambda = east['lambda.requests'] as NonNullable<(typeof east)[string]>
    east['lambda.requests'] = { ...lambda, tiers: [{ upto: null, price: '0.25' }] }
    delete east['sns.publishes']
    // a Region that had no prices before gains one
    const before = copy()
    delete before.prices['eu-north-1']
    next.prices['eu-north-1'] = { 'lambda.requests': lambda }
    const changes = diffCatalogs(before, next)
    expect(changes.map((c) => [c.region, c.usage_type, c.change, c.percent_change])).toEqual([
      ['eu-north-1', 'lambda.requests', 'added', null],
      ['us-east-1', 'lambda.requests', 'changed', '25'],
      ['us-east-1', 'sns.publishes', 'removed', null],
    ])
    expect(changes[1]).toMatchObject({ old_unit_price: '0.0000002', new_unit_price: '0.00000025' })
  })
})
