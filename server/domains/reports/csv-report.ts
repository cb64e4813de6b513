import { stringify } from 'csv-stringify/sync'
import type { RenderedReport, ReportData } from './report-data.js'

/** A byte-order mark so spreadsheet programs read the file as UTF-8. */
const BOM = '\uFEFF'
const HEADER = ['service', 'usage_type', 'quantity', 'unit', 'unit_price', 'cost_usd', 'scenario', 'region']

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a formula;
 * prefixing a quote makes it plain text. Applied to every text cell; numbers are written as plain numbers.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/**
 * One row per service × usage type of the month's total (modelled + projected), then the unpriced usage with
 * empty price and cost, never $0.
 */
export function renderCsv(data: ReportData): RenderedReport {
  const { costs, scenario } = data
  const name = neutraliseCell(scenario.name)
  const region = neutraliseCell(scenario.region)
  const rows: string[][] = [HEADER]
  for (const service of costs.total_monthly.by_service) {
    for (const usage of service.by_usage_type) {
      rows.push([
        neutraliseCell(service.service),
        neutraliseCell(usage.usage_type),
        usage.quantity,
        neutraliseCell(usage.unit),
        usage.unit_price ?? '',
        usage.cost,
        name,
        region,
      ])
    }
  }
  for (const unpriced of costs.total_monthly.unpriced) {
    rows.push([
      neutraliseCell(unpriced.service),
      neutraliseCell(unpriced.usage_type),
      unpriced.quantity,
      neutraliseCell(unpriced.unit),
      '',
      '',
      name,
      region,
    ])
  }
  const text = BOM + stringify(rows, { record_delimiter: '\r\n' })
  return { content: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' }
}
