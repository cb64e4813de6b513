import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { METERED_CALLS } from '../../../../sdk/metered-calls.generated.js'
import { bundledCatalog } from '../catalog.js'
import { SERVICE_IDS, SERVICE_LIST, SERVICES, serviceOfUsageType, usageTypeSpec } from './registry.js'
import { SERVICE_CATEGORIES, type ServiceDescriptor } from './service-descriptor.js'

/*
 * Every descriptor is complete, and every consumer that cannot import the registry (the ingest wire format,
 * the SDK bridge package, the catalog file) agrees with it.
 */
describe.each(SERVICE_LIST.map((service) => [service.id, service] as const))(
  'the %s descriptor',
  (id, service) => {
    it('is registered under its own id and names, categorises and describes the service', () => {
      expect(SERVICES[id as keyof typeof SERVICES]).toBe(service)
      expect(service.name.length).toBeGreaterThan(2)
      expect(SERVICE_CATEGORIES).toContain(service.category)
      expect(service.description).toMatch(/^[A-Z].{10,120}\.$/)
      expect(service.help.length).toBeGreaterThan(10)
    })

    it('gives every param a title and a description, and ranged params exist', () => {
      expect(service.params.additionalProperties).toBe(false)
      for (const [name, schema] of Object.entries(service.params.properties)) {
        expect(schema.title, `${id}.${name} title`).toEqual(expect.any(String))
        expect(schema.description, `${id}.${name} description`).toEqual(expect.any(String))
      }
      for (const name of service.rangedParams) expect(Object.keys(service.params.properties)).toContain(name)
      for (const rule of service.catalogValues)
        expect(Object.keys(service.params.properties)).toContain(rule.param)
    })

    it('declares the same usage types and units as its catalog entry, each owned by this service', () => {
      const entry = bundledCatalog.services[id]
      expect(entry, `${id}/catalog.json service`).toBeDefined()
      const declared = Object.fromEntries(service.usageTypes.map((spec) => [spec.match, spec.unit]))
      expect(declared).toEqual(entry?.units)
      for (const spec of service.usageTypes) {
        expect(serviceOfUsageType(spec.match)).toBe(id)
        expect(['stock', 'flow']).toContain(spec.kind)
        if (spec.baseUnitsPerUnit) expect(spec.baseUnit).toEqual(expect.any(String))
      }
    })

    it('turns params into usage types it declares', () => {
      const usage = usageOfSample(service)
      for (const usageType of usage) {
        expect(
          service.usageTypes.some((spec) => covers(spec.match, usageType)),
          usageType,
        ).toBe(true)
      }
    })

    it('maps Terraform resources to params its schema accepts', () => {
      for (const [type, map] of Object.entries(service.terraform)) {
        const mapped = map({
          address: `${type}.x`,
          type,
          values: {},
          taskDefinition: () => ({ cpu: 256, memory: 512 }),
        })
        if ('params' in mapped) {
          const params = Value.Default(service.params, structuredClone(mapped.params))
          expect([...Value.Errors(service.params, params)], type).toEqual([])
        }
      }
    })

    it('maps Price List usage types onto usage types it declares', () => {
      for (const rule of service.priceList) {
        const usageType = rule.usageType.replace('$1', 'm5.large')
        expect(
          service.usageTypes.some((spec) => covers(spec.match, usageType)),
          usageType,
        ).toBe(true)
      }
    })

    it.each(Object.entries(service.ingest))(
      'reads its %s sample event and meters it only into usage types it declares',
      (type, spec) => {
        const problems: string[] = []
        const event = spec.read(type, spec.sample, undefined, {
          add: (field, reason) => problems.push(`${field} ${reason}`),
        })
        expect(problems).toEqual([])
        expect(event.type).toBe(type)
        const usage: string[] = []
        spec.meter(event, (usageType) => usage.push(usageType))
        expect(usage.length).toBeGreaterThan(0)
        for (const usageType of usage) {
          expect(serviceOfUsageType(usageType), usageType).toBe(id)
          expect(usageTypeSpec(usageType), usageType).toBeDefined()
        }
      },
    )

    it('cites a source and a region for each worked example', () => {
      for (const example of service.examples) {
        expect(example.source).toMatch(/https:\/\//)
        expect(bundledCatalog.regions[example.region]).toBeDefined()
        expect(example.printedTotal).toMatch(/^\d+\.\d\d$/)
      }
    })
  },
)

describe('the service registry', () => {
  it('lists every service of the catalog, in report order', () => {
    expect(SERVICE_IDS).toEqual(Object.keys(SERVICES))
    expect(new Set(SERVICE_IDS)).toEqual(new Set(Object.keys(bundledCatalog.services)))
  })

  it('names every ingest event type once (the ingest validator accepts exactly these)', () => {
    const declared = SERVICE_LIST.flatMap((service) => Object.keys(service.ingest))
    expect(new Set(declared).size).toBe(declared.length)
  })

  it('gives the SDK bridge exactly the clients and commands the descriptors name', () => {
    const declared = SERVICE_LIST.flatMap((service) =>
      service.sdk.map((mapping) => [mapping.client, mapping.commands] as const),
    )
    expect(new Set(declared.map(([client]) => client)).size).toBe(declared.length)
    expect(Object.fromEntries(declared)).toEqual(METERED_CALLS)
  })

  it('maps each Terraform resource type from one service only', () => {
    const types = SERVICE_LIST.flatMap((service) => Object.keys(service.terraform))
    expect(new Set(types).size).toBe(types.length)
  })

  it('gives every work-example service at least one example across the registry', () => {
    expect(SERVICE_LIST.flatMap((service) => service.examples).length).toBeGreaterThanOrEqual(12)
  })
})

function covers(pattern: string, usageType: string): boolean {
  return pattern.endsWith('.*') ? usageType.startsWith(pattern.slice(0, -1)) : usageType === pattern
}

/** Usage of a params sample: every number at its schema maximum or 1000, every choice its first. */
function usageOfSample(service: ServiceDescriptor): string[] {
  const params = Value.Create(service.params) as Record<string, unknown>
  for (const [name, schema] of Object.entries(service.params.properties)) {
    if (schema.type === 'integer' || schema.type === 'number')
      params[name] = Math.min(schema.maximum ?? 1000, 1000)
  }
  for (const rule of service.catalogValues) params[rule.param] = rule.known(bundledCatalog)[0]
  const usage: string[] = []
  service.toUsage(params as never, 'typical', (usageType) => usage.push(usageType))
  return usage
}
