import { PDFParse } from 'pdf-parse'
import { describe, expect, it } from 'vitest'
import type { CostsResponse } from '../scenarios/scenarios.schemas.js'
import { formatQuantity, renderPdf } from './pdf-report.js'
import type { ReportData } from './report-data.js'

/** A report of `rows` usage types; the figures are made up, only the layout is under test. */
function reportWith(rows: number): ReportData {
  const byUsageType = Array.from({ length: rows }, (_, i) => ({
    usage_type: `sqs.requests.row${i}`,
    quantity: '1234567.123456789012345678',
    free_quantity: '0',
    billable_quantity: i === 0 ? '0.000000000000000003' : '1234567.123456789012345678',
    unit: 'requests',
    cost: '1.5',
  }))
  const block = {
    total: '99.5',
    by_service: [{ service: 'sqs', cost: '99.5', by_usage_type: byUsageType }],
    unpriced: [],
  }
  const costs = {
    currency: 'USD',
    region: 'us-east-1',
    pricing_as_of: '2026-01-01',
    pricing_snapshot: { id: 'snapshot-1' },
    rate_card_applied: false,
    assumptions: [],
    free_tier_applied: false,
    modelled_monthly: block,
    modelled_range: { min: '99.5', max: '99.5' },
    observed: {
      ...block,
      window_start: '2026-01-01T00:00:00Z',
      window_end: '2026-01-01T00:04:00Z',
      window_minutes: 4,
    },
    projected_monthly: { ...block, factor: '10800' },
    total_monthly: block,
    unpriced: [],
  } as unknown as CostsResponse
  return {
    scenario: {
      id: 'id',
      name: 'Checkout → prod',
      description: null,
      region: 'us-east-1',
      status: 'running',
      includeFreeTier: false,
    },
    costs,
    whatIf: null,
    usageSeries: { bucket: 'hour', points: [{ start: '2026-01-01T00:00:00Z', events: 412 }] },
    pii: { total: 0, byKind: {} },
    pricingSource: 'bundled catalog',
    generatedAt: new Date('2026-01-02T00:00:00Z'),
  }
}

async function pagesOf(data: ReportData): Promise<string[]> {
  const { content } = await renderPdf(data)
  const parsed = await new PDFParse({ data: content }).getText()
  return parsed.pages.map((page) => page.text)
}

describe('PDF report layout', () => {
  it('prints Unicode text with the embedded font and quantities with readable decimals', async () => {
    const text = (await pagesOf(reportWith(3))).join('\n')
    expect(text).toContain('Checkout → prod')
    expect(text).toContain('1,234,567.12 requests')
    expect(text).toContain('< 0.001 requests')
    expect(text).not.toContain('0.0000000')
    expect(text).toContain('Events per hour (UTC), highest 412')
    // The observed window in minutes, not ISO timestamps with milliseconds.
    expect(text).toContain('2026-01-01 00:00 – 2026-01-01 00:04 UTC')
    expect(text).toContain('generated 2026-01-02 00:00 UTC')
    expect(text).not.toContain('00:00:00')
  })

  it('never leaves the Total row alone on a page, whatever the number of rows', {
    timeout: 180_000,
  }, async () => {
    for (let rows = 20; rows <= 44; rows += 1) {
      const pages = await pagesOf(reportWith(rows))
      // The table's last row: "Total" and the amount (the cover's "Total monthly cost" is not it).
      const withTotal = pages.find((page) => /^Total\s+\$99\.50$/m.test(page))
      expect(withTotal, `${rows} rows`).toBeDefined()
      expect(withTotal ?? '', `${rows} rows`).toMatch(/sqs\.requests\.row\d+/)
    }
  })

  it('formats quantities for reading', () => {
    expect(formatQuantity('0')).toBe('0')
    expect(formatQuantity('1.0500000000000000000001')).toBe('1.05')
    expect(formatQuantity('0.0123456')).toBe('0.0123')
    expect(formatQuantity('0.000000000000000003')).toBe('< 0.001')
    expect(formatQuantity('12345678.999')).toBe('12,345,679')
  })
})
