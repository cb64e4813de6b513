import { useMemo } from 'react'
import { usePricingServices } from '../api/scenarios-api'

/**
 * A service's display name as the server publishes it (GET /pricing/services: `display_name`, from the
 * service's descriptor); the id itself until that answer is in, or for a service the server no longer prices.
 */
export function useServiceLabel(): (service: string) => string {
  const { data } = usePricingServices()
  return useMemo(() => {
    const names = new Map(data?.services.map((s) => [s.id, s.display_name]))
    return (service) => names.get(service) ?? service
  }, [data])
}
