import { BarChart } from '@mantine/charts'
import { formatMoney } from '@/lib/format'
import type { Comparison } from '../api/compare-api'
import { useServiceLabel } from '../hooks/use-service-label'

const COLORS = ['orange.6', 'blue.6', 'teal.6', 'grape.6']

/** Grouped bars: one group per service, one bar per scenario (the table beside it holds the same figures). */
export function CompareChart({ comparison }: { comparison: Comparison }) {
  const serviceLabel = useServiceLabel()
  const { scenarios } = comparison
  const services = [...new Set(scenarios.flatMap((s) => s.total_monthly.by_service.map((b) => b.service)))]
  const data = services.map((service) => {
    const row: Record<string, string | number> = { service: serviceLabel(service) }
    scenarios.forEach((s, i) => {
      row[`s${i}`] = Number(s.total_monthly.by_service.find((b) => b.service === service)?.cost ?? 0)
    })
    return row
  })
  const currency = scenarios[0]?.currency ?? 'USD'
  return (
    <figure aria-label="Monthly cost by service, per scenario" style={{ margin: 0 }}>
      <BarChart
        // Horizontal bars: every service's name fits on the axis (a vertical bar chart skipped most labels).
        orientation="vertical"
        h={Math.max(220, services.length * (24 + 14 * scenarios.length) + 80)}
        data={data}
        dataKey="service"
        yAxisProps={{ width: 150, interval: 0 }}
        withLegend
        series={scenarios.map((s, i) => ({ name: `s${i}`, label: s.name, color: COLORS[i] ?? 'gray.6' }))}
        valueFormatter={(v) => formatMoney(v, currency)}
        data-testid="compare-chart"
      />
    </figure>
  )
}
