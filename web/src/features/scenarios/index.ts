/** What other features may use of scenarios; everything else in this folder is private to it. */
export { SERVICE_LABELS } from './service-fields'
