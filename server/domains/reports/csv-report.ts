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

const WHAT_IF_HEADER = ['what_if_month', 'usage_factor', 'service', 'cost_usd', 'scenario', 'region']

/**
 * The what-if section, when the report asked for one: after an empty row, its own header and one row per
 * month × service, so a month's rows sum to that month's projected total.
 */
function whatIfRows(data: ReportData): string[][] {
  if (!data.costs.what_if) return []
  const name = neutraliseCell(data.scenario.name)
  const region = neutraliseCell(data.scenario.region)
  const rows: string[][] = [[], WHAT_IF_HEADER]
  for (const month of data.costs.what_if) {
    for (const service of month.by_service) {
      rows.push([
        String(month.month),
        month.usage_factor,
        neutraliseCell(service.service),
        service.cost,
        name,
        region,
      ])
    }
  }
  return rows
}

const ASSUMPTIONS_HEADER = ['assumption', 'pricing_snapshot', 'scenario', 'region']

/**
 * The assumptions of the costs answer (snapshot, free tier, rate card rules): after an empty row, their own
 * header and one row each, so the figures above can be read with the prices they used.
 */
function assumptionRows(data: ReportData): string[][] {
  const { costs, scenario } = data
  const snapshot = neutraliseCell(costs.pricing_snapshot.id)
  const context = [neutraliseCell(scenario.name), neutraliseCell(scenario.region)]
  return [
    [],
    ASSUMPTIONS_HEADER,
    ...costs.assumptions.map((text) => [neutraliseCell(text), snapshot, ...context]),
  ]
}

/**
 * One row per service × usage type of the month's total (modelled + projected), then the unpriced usage with
 * empty price and cost, never $0; then the assumptions (assumptionRows) and the what-if section when asked
 * (whatIfRows).
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
  rows.push(...assumptionRows(data))
  rows.push(...whatIfRows(data))
  const text = BOM + stringify(rows, { record_delimiter: '\r\n' })
  return { content: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' }
}
