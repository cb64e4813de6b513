import { describe, expect, it } from 'vitest'
import { assembleCatalog, type ServiceCatalogFile } from '../catalog.js'
import { SERVICE_CATALOG_FILES } from './catalogs.js'
import { SERVICE_IDS, serviceOfUsageType } from './registry.js'

/** The sources each service cites: its prices, not-offered claims and free tier offers. */
function citedSources(file: ServiceCatalogFile): Set<string> {
  const cited = new Set(file.service.free_tier.map((offer) => offer.source))
  for (const byRegion of [file.prices, file.not_offered])
    for (const entries of Object.values(byRegion))
      for (const entry of Object.values(entries)) cited.add(entry.source)
  return cited
}

describe("each service's catalog file (services/<id>/catalog.json)", () => {
  const citedBy = new Map(SERVICE_IDS.map((id) => [id, citedSources(SERVICE_CATALOG_FILES[id])]))

  it('exists for every registered service', () => {
    expect(Object.keys(SERVICE_CATALOG_FILES).sort()).toEqual([...SERVICE_IDS].sort())
  })

  it.each(SERVICE_IDS)('%s holds only its own usage types, and sources no other service cites', (id) => {
    const file = SERVICE_CATALOG_FILES[id]
    for (const byRegion of [file.prices, file.not_offered])
      for (const [region, entries] of Object.entries(byRegion))
        for (const usageType of Object.keys(entries))
          expect(serviceOfUsageType(usageType), `${region} ${usageType}`).toBe(id)
    for (const [other, cited] of citedBy) {
      if (other === id) continue
      for (const source of Object.keys(file.sources))
        expect(
          cited.has(source),
          `${source} (in ${id}/catalog.json) is cited by ${other}: move it to the shared catalog.json`,
        ).toBe(false)
    }
  })

  it('refuses a source defined twice', () => {
    const shared = {
      meta: {
        as_of: '2026-12-07',
        currency: 'USD',
        description: 'test',
        sources: { page: { url: 'https://aws.amazon.com/', note: 'shared' } },
      },
      regions: {},
    }
    const file: ServiceCatalogFile = {
      service: { name: 'Amazon SQS', units: {}, free_tier: [] },
      sources: { page: { url: 'https://aws.amazon.com/sqs/pricing/', note: 'again' } },
      prices: {},
      not_offered: {},
    }
    expect(() => assembleCatalog(shared, { sqs: file })).toThrow(
      'catalog: source page is defined twice (sqs)',
    )
  })
})
