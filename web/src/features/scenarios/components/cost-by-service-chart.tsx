import { BarChart } from '@mantine/charts'
import { Table, Text } from '@mantine/core'
import { formatMoney } from '@/lib/format'
import type { Costs } from '../api/scenarios-api'
import { useServiceLabel } from '../hooks/use-service-label'

/** Monthly cost by service (total_monthly); the table beside it is the accessible version of the chart. */
export function CostByServiceChart({ costs }: { costs: Costs }) {
  const serviceLabel = useServiceLabel()
  const rows = costs.total_monthly.by_service
    .map((s) => ({ service: serviceLabel(s.service), cost: Number(s.cost), raw: s.cost }))
    .sort((a, b) => b.cost - a.cost)
  if (rows.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No cost yet: add a line item or send events.
      </Text>
    )
  }
  return (
    <figure aria-label="Monthly cost by service" style={{ margin: 0 }}>
      <BarChart
        h={Math.max(160, rows.length * 44)}
        data={rows}
        dataKey="service"
        orientation="vertical"
        yAxisProps={{ width: 150 }}
        series={[{ name: 'cost', label: 'Cost per month', color: 'orange.6' }]}
        valueFormatter={(v) => formatMoney(v, costs.currency)}
        gridAxis="y"
        data-testid="cost-chart"
      />
      <Table mt="sm" aria-label="Cost by service" data-testid="cost-by-service-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Service</Table.Th>
            <Table.Th ta="right">Per month</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.service}>
              <Table.Td>{r.service}</Table.Td>
              <Table.Td ta="right">{formatMoney(r.raw, costs.currency)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </figure>
  )
}
