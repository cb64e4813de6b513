import { describe, expect, it } from 'vitest'
import { bundledCatalog, listServices } from './catalog.js'
import { serviceOfUsageType } from './services/registry.js'

describe('GET /pricing/services usage_types', () => {
  it('lists, sorted, the concrete usage types each service is priced under in some region', () => {
    const services = listServices(bundledCatalog)
    const s3 = services.find((s) => s.id === 's3')
    expect(s3?.usage_types).toContain('s3.storage_gb_month')
    for (const service of services) {
      expect(service.usage_types.length).toBeGreaterThan(0)
      expect(service.usage_types).toEqual([...service.usage_types].sort())
      for (const usageType of service.usage_types) {
        expect(usageType).not.toContain('*')
        expect(serviceOfUsageType(usageType)).toBe(service.id)
      }
    }
  })
})
