import { Anchor, Badge, Checkbox, Group, Table, Text, Tooltip } from '@mantine/core'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format'
import { type Portfolio, type Scenario, STATUS_COLOR } from '../api/scenarios-api'

type Total = Portfolio['scenarios'][number]

function MonthlyCost({ total, currency }: { total: Total | undefined; currency: string }) {
  if (!total) return <Text c="dimmed">—</Text>
  return (
    <Group gap={4} justify="flex-end" wrap="nowrap">
      <Text span data-testid="scenario-monthly">
        {formatMoney(total.monthly_total, currency)}
      </Text>
      {total.unpriced_usage_types > 0 && (
        <Tooltip label={`${total.unpriced_usage_types} usage type(s) with no price are left out`} withArrow>
          <Badge size="xs" color="yellow" variant="light" tabIndex={0}>
            + unpriced
          </Badge>
        </Tooltip>
      )}
    </Group>
  )
}

/**
 * The scenarios; with `withCost` their monthly cost (`totals`: one GET /portfolio for the page, "…" while it
 * loads), with `onToggle` a check box per row to pick the scenarios to compare (`selected`, at most
 * `maxSelected`).
 */
export function ScenarioTable({
  scenarios,
  withCost = false,
  totals,
  selected = [],
  onToggle,
  maxSelected = 4,
}: {
  scenarios: Scenario[]
  withCost?: boolean
  totals?: Portfolio
  selected?: string[]
  onToggle?: (id: string) => void
  maxSelected?: number
}) {
  const byId = new Map(totals?.scenarios.map((t) => [t.id, t]))
  return (
    <Table.ScrollContainer minWidth={withCost ? 820 : 720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Scenarios">
        <Table.Thead>
          <Table.Tr>
            {onToggle && (
              <Table.Th w={40}>
                <Text span className="sr-only">
                  Compare
                </Text>
              </Table.Th>
            )}
            <Table.Th>Name</Table.Th>
            {withCost && <Table.Th ta="right">Monthly cost</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Tags</Table.Th>
            <Table.Th ta="right">Events</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenarios.map((s) => {
            const checked = selected.includes(s.id)
            return (
              <Table.Tr key={s.id} data-testid="scenario-row">
                {onToggle && (
                  <Table.Td>
                    <Checkbox
                      aria-label={`Compare ${s.name}`}
                      checked={checked}
                      disabled={!checked && selected.length >= maxSelected}
                      onChange={() => onToggle(s.id)}
                    />
                  </Table.Td>
                )}
                <Table.Td>
                  <Anchor component={Link} to={paths.scenario(s.id)} fw={500}>
                    {s.name}
                  </Anchor>
                  {s.description && (
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {s.description}
                    </Text>
                  )}
                </Table.Td>
                {withCost && (
                  <Table.Td ta="right">
                    {totals ? (
                      <MonthlyCost total={byId.get(s.id)} currency={totals.currency} />
                    ) : (
                      <Text c="dimmed">…</Text>
                    )}
                  </Table.Td>
                )}
                <Table.Td>
                  <Badge color={STATUS_COLOR[s.status]} variant="light">
                    {s.status}
                  </Badge>
                </Table.Td>
                <Table.Td>{s.region}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {s.tags.map((t) => (
                      <Badge key={t} size="sm" variant="outline" tt="none">
                        {t}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(s.events_total)}</Table.Td>
                <Table.Td>{formatDateTime(s.updated_at)}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
