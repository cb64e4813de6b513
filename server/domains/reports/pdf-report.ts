import { createRequire } from 'node:module'
import PDFDocument from 'pdfkit'
import type { RenderedReport, ReportData } from './report-data.js'

const require = createRequire(import.meta.url)
/**
 * DejaVu Sans (npm `dejavu-fonts-ttf`), embedded and subset by pdfkit: the standard PDF fonts only cover
 * WinAnsi, so "→", "×", "–" or a user's non-Latin scenario name printed as garbage.
 */
const FONT_FILES = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
}
const FONT = 'Body'
const FONT_BOLD = 'Body-Bold'

const MARGIN = 50
const INK = '#1f2937'
const MUTED = '#6b7280'
const ACCENT = '#2563eb'
const RULE = '#e5e7eb'

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2 })
/** Sub-cent amounts keep 4 decimals so a real cost never prints as $0.00. */
export function formatUsd(amount: string): string {
  const value = Number(amount)
  if (value > 0 && value < 0.01) return `$${value.toFixed(4)}`
  return usd.format(value)
}

const wholeQuantity = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })
const smallQuantity = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 })
/**
 * A quantity for reading: grouped, at most 2 decimals, 3 significant digits below 1 (0.0123), "< 0.001" for
 * less. The exact figure stays in the API answer and the CSV.
 */
export function formatQuantity(quantity: string): string {
  const value = Number(quantity)
  if (value === 0) return '0'
  if (Math.abs(value) < 0.001) return value > 0 ? '< 0.001' : '> -0.001'
  return Math.abs(value) >= 1 ? wholeQuantity.format(value) : smallQuantity.format(value)
}

/** "2026-01-01 00:00 – 2026-01-02 06:30 UTC": the observed window to the minute, as it is rolled up. */
export function observedPeriod(start: string, end: string): string {
  return `${utcMinute(start)} – ${utcMinute(end)} UTC`
}

const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ')

type Doc = PDFKit.PDFDocument

function heading(doc: Doc, text: string): void {
  if (doc.y > doc.page.height - 160) doc.addPage()
  doc.moveDown(1).font(FONT_BOLD).fontSize(13).fillColor(INK).text(text, MARGIN)
  doc.moveDown(0.3)
}

function keyValues(doc: Doc, rows: [string, string][]): void {
  for (const [key, value] of rows) {
    const y = doc.y
    doc.font(FONT_BOLD).fontSize(9).fillColor(MUTED).text(key, MARGIN, y, { width: 110 })
    doc
      .font(FONT)
      .fontSize(9)
      .fillColor(INK)
      .text(value, MARGIN + 115, y, { width: 380 })
    doc.moveDown(0.2)
  }
}

type TableColumn = { title: string; x: number; w: number; align?: 'left' | 'right' }
type TableRow = { cells: string[]; bold?: boolean }

const ROW_RESERVE = 90
/** Height of one row in the table's font, measured as pdfkit will wrap it. */
function rowHeight(doc: Doc, columns: TableColumn[], row: TableRow): number {
  doc.font(row.bold ? FONT_BOLD : FONT).fontSize(8.5)
  return Math.max(
    ...row.cells.map((cell, i) => doc.heightOfString(cell, { width: (columns[i]?.w ?? 100) - 6 })),
  )
}

/**
 * A bold header row of the column titles, then one row per entry. A row that does not fit starts a new page
 * with the header repeated; the last row (a total) is kept with the one before it, never left alone on a page.
 * `ruled` draws a thin line under every row.
 */
function drawTable(doc: Doc, columns: TableColumn[], rows: TableRow[], { ruled = false } = {}): void {
  const header: TableRow = { cells: columns.map((c) => c.title), bold: true }
  const drawRow = ({ cells, bold = false }: TableRow) => {
    const y = doc.y
    doc
      .font(bold ? FONT_BOLD : FONT)
      .fontSize(8.5)
      .fillColor(INK)
    let bottom = y
    cells.forEach((cell, i) => {
      const col = columns[i]
      if (!col) return
      doc.text(cell, col.x, y, { width: col.w - 6, align: col.align ?? 'left' })
      bottom = Math.max(bottom, doc.y)
    })
    doc.y = bottom + 3
    if (!ruled) return
    doc
      .moveTo(MARGIN, doc.y - 1)
      .lineTo(MARGIN + 495, doc.y - 1)
      .strokeColor(RULE)
      .lineWidth(0.5)
      .stroke()
  }
  const bottomLimit = () => doc.page.height - ROW_RESERVE
  if (doc.y + rowHeight(doc, columns, header) * 2 > bottomLimit()) doc.addPage()
  drawRow(header)
  rows.forEach((row, i) => {
    const next = i === rows.length - 2 ? rows[i + 1] : undefined
    const needed = rowHeight(doc, columns, row) + (next ? rowHeight(doc, columns, next) + 4 : 0)
    if (doc.y + needed > bottomLimit()) {
      doc.addPage()
      drawRow(header)
    }
    drawRow(row)
  })
}

/** The cost table: one row per service × usage type of the month's total, then the unpriced usage. */
function costTable(doc: Doc, data: ReportData): void {
  const { by_service: services, unpriced, total } = data.costs.total_monthly
  drawTable(
    doc,
    [
      { title: 'Service', x: MARGIN, w: 80 },
      { title: 'Usage type', x: MARGIN + 80, w: 195 },
      { title: 'Billable quantity', x: MARGIN + 275, w: 140, align: 'right' },
      { title: 'Cost (USD)', x: MARGIN + 415, w: 80, align: 'right' },
    ],
    [
      ...services.flatMap((service) =>
        service.by_usage_type.map((usage) => ({
          cells: [
            service.service,
            usage.usage_type,
            `${formatQuantity(usage.billable_quantity)} ${usage.unit}`,
            formatUsd(usage.cost),
          ],
        })),
      ),
      ...unpriced.map((u) => ({
        cells: [u.service, u.usage_type, `${formatQuantity(u.quantity)} ${u.unit}`, 'no price in region'],
      })),
      { cells: ['Total', '', '', formatUsd(total)], bold: true },
    ],
    { ruled: true },
  )
}

/** Horizontal bars, one per service, scaled to the most expensive. */
function costByServiceChart(doc: Doc, data: ReportData): void {
  const services = [...data.costs.total_monthly.by_service].sort((a, b) => Number(b.cost) - Number(a.cost))
  if (services.length === 0) {
    doc.font(FONT).fontSize(9).fillColor(MUTED).text('No priced usage yet.', MARGIN)
    return
  }
  const max = Math.max(...services.map((s) => Number(s.cost)), 0.000001)
  for (const service of services) {
    if (doc.y > doc.page.height - 80) doc.addPage()
    const y = doc.y
    const width = Math.max(1, (Number(service.cost) / max) * 300)
    doc
      .font(FONT)
      .fontSize(8.5)
      .fillColor(INK)
      .text(service.service, MARGIN, y + 2, { width: 90 })
    doc.rect(MARGIN + 95, y, width, 12).fill(ACCENT)
    doc.fillColor(INK).text(formatUsd(service.cost), MARGIN + 100 + width, y + 2, { width: 100 })
    doc.y = y + 17
  }
}

type Bar = { value: number; label: string }

/**
 * A column chart in a 480 × `height` frame: one bar per value from a zero baseline, the highest value
 * labelled on the axis, and at most eight labels under the bars. Bars rather than a line: one hour of traffic
 * or a flat projection still shows.
 */
function barChart(doc: Doc, bars: Bar[], { height, top: topLabel }: { height: number; top: string }): void {
  if (doc.y > doc.page.height - (height + 90)) doc.addPage()
  const top = doc.y + 14
  const width = 480
  const left = MARGIN
  const max = Math.max(...bars.map((b) => b.value), 0)
  doc
    .font(FONT)
    .fontSize(7.5)
    .fillColor(MUTED)
    .text(topLabel, left, top - 11, { width })
  doc.rect(left, top, width, height).strokeColor(RULE).lineWidth(0.5).stroke()
  const slot = width / bars.length
  const barWidth = Math.max(1, Math.min(36, slot * 0.7))
  bars.forEach((bar, i) => {
    const barHeight = max > 0 ? (bar.value / max) * (height - 6) : 0
    const x = left + i * slot + (slot - barWidth) / 2
    if (barHeight > 0) doc.rect(x, top + height - barHeight, barWidth, barHeight).fill(ACCENT)
  })
  const every = Math.ceil(bars.length / 8)
  doc.font(FONT).fontSize(7).fillColor(MUTED)
  bars.forEach((bar, i) => {
    // The last bar is labelled too, unless the label before it is so close that the two would overlap.
    const last = i === bars.length - 1 && (i % every) * 2 >= every
    if (i % every !== 0 && !last) return
    doc.text(bar.label, left + i * slot - 20 + slot / 2, top + height + 3, {
      width: 40,
      align: 'center',
      lineBreak: false,
    })
  })
  // Room for two-line labels (an hourly chart prints the day above the hour).
  doc.y = top + height + 24
  doc.x = MARGIN
}

/** Events per bucket over the observed window. */
function usageOverTimeChart(doc: Doc, data: ReportData): void {
  const points = data.usageSeries.points
  if (points.length === 0) {
    doc.font(FONT).fontSize(9).fillColor(MUTED).text('No events ingested yet.', MARGIN)
    return
  }
  const bucket = data.usageSeries.bucket
  const label = (start: string) =>
    bucket === 'hour' ? start.slice(5, 16).replace('T', ' ') : start.slice(0, 10)
  const max = Math.max(...points.map((p) => p.events))
  barChart(
    doc,
    points.map((p) => ({ value: p.events, label: label(p.start) })),
    {
      height: 110,
      top: `Events per ${bucket} (UTC), highest ${formatQuantity(String(max))}`,
    },
  )
}

type WhatIfMonth = NonNullable<ReportData['costs']['what_if']>[number]

/** "sqs $53,199.60, s3 $0.09": the month's two most expensive services. */
function topServices(month: WhatIfMonth): string {
  return [...month.by_service]
    .sort((a, b) => Number(b.cost) - Number(a.cost))
    .slice(0, 2)
    .map((s) => `${s.service} ${formatUsd(s.cost)}`)
    .join(', ')
}

/** The projected total of every month as a column. */
function whatIfChart(doc: Doc, months: WhatIfMonth[]): void {
  const totals = months.map((m) => Number(m.total))
  barChart(
    doc,
    months.map((m, i) => ({ value: totals[i] ?? 0, label: `M${m.month}` })),
    {
      height: 100,
      top: `Total per month, month 1 → ${months.length}, highest ${formatUsd(String(Math.max(...totals)))}`,
    },
  )
}

/** The what-if section: parameters, the chart of the total, then one table row per month. */
function whatIfSection(doc: Doc, data: ReportData): void {
  const months = data.costs.what_if
  if (!months || !data.whatIf) return
  const { scale, growth_pct_per_month: growth } = data.whatIf
  heading(doc, `What-if: ${months.length}-month projection`)
  doc
    .font(FONT)
    .fontSize(9)
    .fillColor(MUTED)
    .text(
      `Observed traffic × ${scale}, growing ${growth}% per month (compound); line items unscaled; tiers and ` +
        'free tier re-applied each month.',
      MARGIN,
      doc.y,
      { width: 495 },
    )
  whatIfChart(doc, months)
  drawTable(
    doc,
    [
      { title: 'Month', x: MARGIN, w: 45 },
      { title: 'Usage factor', x: MARGIN + 45, w: 80 },
      { title: 'Total (USD)', x: MARGIN + 125, w: 100, align: 'right' },
      { title: 'Top services', x: MARGIN + 235, w: 260 },
    ],
    months.map((month) => ({
      cells: [
        String(month.month),
        `× ${formatQuantity(month.usage_factor)}`,
        formatUsd(month.total),
        topServices(month),
      ],
    })),
  )
}

/** Adds "Page n of m" and the generation time to every page once the content is laid out. */
function footers(doc: Doc, generatedAt: Date): void {
  const range = doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const y = doc.page.height - 35
    doc.page.margins.bottom = 0
    doc.font(FONT).fontSize(7.5).fillColor(MUTED)
    doc.text(`mockupAWS · generated ${utcMinute(generatedAt.toISOString())} UTC`, MARGIN, y, {
      lineBreak: false,
    })
    doc.text(`Page ${i + 1} of ${range.count}`, MARGIN + 395, y, {
      width: 100,
      align: 'right',
      lineBreak: false,
    })
  }
}

/**
 * A report a manager can forward as is. User text (names, descriptions) is drawn as plain text: it is never
 * interpreted as markup or links.
 */
export function renderPdf(data: ReportData): Promise<RenderedReport> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: `mockupAWS cost report: ${data.scenario.name}`,
      Author: 'mockupAWS',
      CreationDate: data.generatedAt,
    },
  })
  doc.registerFont(FONT, FONT_FILES.regular)
  doc.registerFont(FONT_BOLD, FONT_FILES.bold)
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const { costs, scenario } = data
  doc.font(FONT_BOLD).fontSize(20).fillColor(INK).text('AWS cost report', MARGIN, MARGIN)
  doc.font(FONT).fontSize(12).fillColor(MUTED).text(scenario.name, { width: 495 })
  doc.moveDown(0.8)
  doc.font(FONT).fontSize(9).fillColor(MUTED).text('Total monthly cost')
  doc.font(FONT_BOLD).fontSize(28).fillColor(ACCENT).text(formatUsd(costs.total_monthly.total))
  doc.moveDown(0.5)
  const window =
    costs.observed.window_start && costs.observed.window_end
      ? observedPeriod(costs.observed.window_start, costs.observed.window_end)
      : 'no events ingested'
  keyValues(doc, [
    ['Region', scenario.region],
    ['Status', scenario.status],
    ['Observed period', window],
    ['Modelled monthly', formatUsd(costs.modelled_monthly.total)],
    ['Observed (period)', formatUsd(costs.observed.total)],
    ['Projected monthly', formatUsd(costs.projected_monthly.total)],
    ...(scenario.description ? ([['Description', scenario.description]] as [string, string][]) : []),
  ])

  heading(doc, 'Cost by service')
  costByServiceChart(doc, data)
  heading(doc, 'Cost by service and usage type (month)')
  costTable(doc, data)
  whatIfSection(doc, data)
  heading(doc, 'Usage over time')
  usageOverTimeChart(doc, data)
  heading(doc, 'PII findings')
  const kinds = Object.entries(data.pii.byKind)
  doc.font(FONT).fontSize(9).fillColor(INK)
  doc.text(
    data.pii.total === 0
      ? 'No personal data found in ingested logs.'
      : `${data.pii.total} findings: ${kinds.map(([kind, n]) => `${kind} ${n}`).join(', ')}. Values are stored masked.`,
    MARGIN,
  )
  heading(doc, 'Assumptions')
  keyValues(doc, [
    ['Pricing', `${data.pricingSource}, as of ${costs.pricing_as_of}`],
    [
      'Free tier',
      costs.free_tier_applied ? 'applied (always-free offers, AWS July 2025 rules)' : 'not applied',
    ],
    ['Projection', 'observed usage scaled to a 30-day month; storage levels are not scaled'],
    ['Currency', `${costs.currency}, list prices, before tax`],
    ['Pricing snapshot', costs.pricing_snapshot.id],
    ['Rate card', costs.rate_card_applied ? 'applied (rules below)' : 'not applied'],
  ])
  // Every assumption the costs answer states (snapshot, free tier, each rate card rule), as the API words it.
  keyValues(
    doc,
    costs.assumptions.map((text, i): [string, string] => [i === 0 ? 'Stated in the answer' : '', text]),
  )
  footers(doc, data.generatedAt)
  doc.end()
  return done.then((content) => ({ content, contentType: 'application/pdf', extension: 'pdf' as const }))
}
