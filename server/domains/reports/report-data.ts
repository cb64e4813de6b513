import type { CostsResponse } from '../scenarios/scenarios.schemas.js'
import type { ReportWhatIf } from './reports.schemas.js'

/** Everything a report shows, gathered once and handed to the PDF or CSV renderer. */
export type ReportData = {
  scenario: {
    id: string
    name: string
    description: string | null
    region: string
    status: string
    includeFreeTier: boolean
  }
  costs: CostsResponse
  /** The what-if asked for the report (then `costs.what_if` holds its months), or null. */
  whatIf: ReportWhatIf | null
  /** Events per bucket over the observed window (hourly up to 31 days, daily beyond). */
  usageSeries: { bucket: 'hour' | 'day'; points: { start: string; events: number }[] }
  pii: { total: number; byKind: Record<string, number> }
  pricingSource: string
  generatedAt: Date
}

export type RenderedReport = { content: Buffer; contentType: string; extension: 'pdf' | 'csv' }
