import { Badge, Table, Text } from '@mantine/core'
import { formatDelta, formatMoney } from '@/lib/format'
import { type Comparison, comparisonRows } from '../api/compare-api'
import { useServiceLabel } from '../hooks/use-service-label'

function deltaColor(delta: string): string | undefined {
  const value = Number(delta)
  if (value > 0) return 'red'
  if (value < 0) return 'green'
  return 'dimmed'
}

/** A usage type the region has no price for: never shown as $0.00. */
function NoPrice() {
  return (
    <Badge size="xs" color="yellow" variant="light" title="No price in this scenario's region: not $0">
      no price
    </Badge>
  )
}

/**
 * Cost per month by service and usage type for each scenario, with the delta of every scenario after the
 * first against the first (red costs more, green saves).
 */
export function CompareTable({ comparison }: { comparison: Comparison }) {
  const serviceLabel = useServiceLabel()
  const { scenarios, deltas } = comparison
  const [base, ...others] = scenarios
  if (!base) return null
  const currency = base.currency
  const rows = comparisonRows(comparison)
  const unpriced = (i: number, service: string, usageType?: string) =>
    (scenarios[i]?.total_monthly.unpriced ?? []).some(
      (u) => u.service === service && (usageType === undefined || u.usage_type === usageType),
    )
  return (
    <Table.ScrollContainer minWidth={200 + 110 * (scenarios.length + others.length)}>
      <Table
        verticalSpacing="xs"
        aria-label="Comparison by service and usage type"
        data-testid="compare-table"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Service / usage type</Table.Th>
            {scenarios.map((s, i) => (
              <Table.Th key={s.id} ta="right">
                {s.name}
                {i === 0 && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    (base)
                  </Text>
                )}
              </Table.Th>
            ))}
            {others.map((s) => (
              <Table.Th key={s.id} ta="right">
                Δ {s.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr data-testid="compare-total" fw={700}>
            <Table.Td>Total per month</Table.Td>
            {scenarios.map((s) => (
              <Table.Td key={s.id} ta="right">
                {formatMoney(s.total_monthly.total, currency)}
              </Table.Td>
            ))}
            {deltas.map((d) => (
              <Table.Td
                key={d.scenario_id}
                ta="right"
                c={deltaColor(d.total_delta)}
                data-testid="total-delta"
              >
                {formatDelta(d.total_delta, currency)}
              </Table.Td>
            ))}
          </Table.Tr>
          {(
            [
              ['modelled_monthly', 'Modelled (line items)'],
              ['projected_monthly', 'Projected (ingested, scaled to a month)'],
            ] as const
          ).map(([block, label]) => (
            <Table.Tr key={block} data-testid={`compare-${block}`}>
              <Table.Td pl="xl">
                <Text size="sm" c="dimmed">
                  {label}
                </Text>
              </Table.Td>
              {scenarios.map((s) => (
                <Table.Td key={s.id} ta="right">
                  <Text size="sm" c="dimmed">
                    {formatMoney(s[block].total, currency)}
                  </Text>
                </Table.Td>
              ))}
              {others.map((s) => (
                <Table.Td key={s.id} />
              ))}
            </Table.Tr>
          ))}
          {rows.map((row) => (
            <Table.Tr
              key={row.key}
              data-testid={row.usageType ? 'compare-usage-row' : 'compare-service-row'}
              fw={row.usageType ? undefined : 600}
            >
              <Table.Td pl={row.usageType ? 'xl' : undefined}>
                {row.usageType ?? serviceLabel(row.service)}
              </Table.Td>
              {row.costs.map((cost, i) => (
                <Table.Td key={scenarios[i]?.id ?? i} ta="right">
                  {Number(cost) === 0 && unpriced(i, row.service, row.usageType) ? (
                    <NoPrice />
                  ) : (
                    <>
                      {formatMoney(cost, currency)}
                      {!row.usageType && unpriced(i, row.service) && (
                        <>
                          {' '}
                          <NoPrice />
                        </>
                      )}
                    </>
                  )}
                </Table.Td>
              ))}
              {row.deltas.map((delta, j) => (
                <Table.Td key={deltas[j]?.scenario_id ?? j} ta="right" c={deltaColor(delta)}>
                  {formatDelta(delta, currency)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {scenarios.some((sc) => sc.total_monthly.unpriced.length > 0) && (
        <Text size="xs" c="dimmed" mt="xs" data-testid="compare-unpriced">
          Left out of the totals, with no price in the region:{' '}
          {scenarios
            .filter((sc) => sc.total_monthly.unpriced.length > 0)
            .map(
              (sc) =>
                `${sc.name}: ${sc.total_monthly.unpriced.map((u) => `${serviceLabel(u.service)} ${u.usage_type}`).join(', ')}`,
            )
            .join('; ')}
          .
        </Text>
      )}
    </Table.ScrollContainer>
  )
}
