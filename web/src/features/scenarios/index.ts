/** What other features may use of scenarios; everything else in this folder is private to it. */

export { useScenarioItems } from './api/scenarios-api'
export { useServiceLabel } from './hooks/use-service-label'
