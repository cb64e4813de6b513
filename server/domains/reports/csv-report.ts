import { stringify } from 'csv-stringify/sync'
import { Decimal } from 'decimal.js'
import { ExactDecimal } from '../pricing/cost-engine.js'
import type { RenderedReport, ReportData } from './report-data.js'

/** A byte-order mark so spreadsheet programs read the file as UTF-8. */
const BOM = '\uFEFF'

/**
 * The one table of the file (docs/reports-and-schedules.md#csv): every row has every column, `section` says
 * which part of the report it belongs to, and figures for reading (cents, a few decimals) sit beside the
 * exact ones, so a sum of `cost_exact_usd` matches the API to the micro-dollar.
 */
export const CSV_COLUMNS = [
  'section',
  'month',
  'usage_factor',
  'service',
  'usage_type',
  'quantity',
  'unit',
  'unit_price_usd',
  'cost_usd',
  'quantity_exact',
  'cost_exact_usd',
  'note',
  'scenario',
  'region',
] as const
type Column = (typeof CSV_COLUMNS)[number]
/** Cells a user or the catalog names; the others are numbers the server wrote, kept as plain numbers. */
const TEXT_COLUMNS = new Set<Column>([
  'section',
  'service',
  'usage_type',
  'unit',
  'note',
  'scenario',
  'region',
])
type Row = Partial<Record<Column, string>>

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return before one) as a formula;
 * prefixing a quote makes it plain text. Applied to every text cell; numbers are written as plain numbers.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** Money for reading: half-up to the cent. */
export function centsOf(amount: string): string {
  return new ExactDecimal(amount).toFixed(2, Decimal.ROUND_HALF_UP)
}

/**
 * A quantity for reading: two decimals from 1 up, three significant digits below (0.000123), never exponent
 * notation; a projected month can otherwise carry 25 decimals.
 */
export function readableQuantity(quantity: string): string {
  const value = new ExactDecimal(quantity)
  if (value.isZero()) return '0'
  const rounded = value.abs().greaterThanOrEqualTo(1)
    ? value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    : value.toSignificantDigits(3, Decimal.ROUND_HALF_UP)
  return rounded.toFixed()
}

/** The month's total (modelled + projected): one row per service × usage type, unpriced usage without a cost. */
function costRows(data: ReportData): Row[] {
  const { total_monthly } = data.costs
  const priced = total_monthly.by_service.flatMap((service) =>
    service.by_usage_type.map(
      (usage): Row => ({
        section: 'cost',
        service: service.service,
        usage_type: usage.usage_type,
        quantity: readableQuantity(usage.quantity),
        unit: usage.unit,
        unit_price_usd: usage.unit_price ?? '',
        cost_usd: centsOf(usage.cost),
        quantity_exact: usage.quantity,
        cost_exact_usd: usage.cost,
        note: usage.unit_price === undefined && usage.billable_quantity !== '0' ? 'several price bands' : '',
      }),
    ),
  )
  const unpriced = total_monthly.unpriced.map(
    (usage): Row => ({
      section: 'unpriced',
      service: usage.service,
      usage_type: usage.usage_type,
      quantity: readableQuantity(usage.quantity),
      unit: usage.unit,
      quantity_exact: usage.quantity,
      note: usage.reason,
    }),
  )
  return [...priced, ...unpriced]
}

/** The what-if months, when the report asked for them: one row per month × service. */
function whatIfRows(data: ReportData): Row[] {
  return (data.costs.what_if ?? []).flatMap((month) =>
    month.by_service.map(
      (service): Row => ({
        section: 'what_if',
        month: String(month.month),
        usage_factor: month.usage_factor,
        service: service.service,
        cost_usd: centsOf(service.cost),
        cost_exact_usd: service.cost,
      }),
    ),
  )
}

/** The assumptions of the costs answer (snapshot, free tier, rate card rules), one row each. */
function assumptionRows(data: ReportData): Row[] {
  return data.costs.assumptions.map((text): Row => ({ section: 'assumption', note: text }))
}

/**
 * One tidy table: the month's costs, the unpriced usage (never $0), the what-if months when asked and the
 * assumptions. There is no total row, so a column sum never counts a figure twice.
 */
export function renderCsv(data: ReportData): RenderedReport {
  const context: Row = { scenario: data.scenario.name, region: data.scenario.region }
  const rows = [...costRows(data), ...whatIfRows(data), ...assumptionRows(data)].map((row) =>
    CSV_COLUMNS.map((column) => {
      const value = { ...context, ...row }[column] ?? ''
      return TEXT_COLUMNS.has(column) ? neutraliseCell(value) : value
    }),
  )
  const text = BOM + stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })
  return { content: Buffer.from(text, 'utf8'), contentType: 'text/csv; charset=utf-8', extension: 'csv' }
}
