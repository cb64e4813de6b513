import type { TObject } from '@sinclair/typebox'
import type { ServiceDescriptor } from './service-descriptor.js'

/**
 * A service's params schema as the contract publishes it: a param with a default may be left out (the server
 * applies it), so it is not listed as required, whereas TypeBox lists it to type the validated params.
 */
export function publishedParamsSchema(service: ServiceDescriptor): TObject {
  const { properties, required = [] } = service.params
  return {
    ...service.params,
    required: required.filter((name) => properties[name]?.default === undefined),
  }
}
