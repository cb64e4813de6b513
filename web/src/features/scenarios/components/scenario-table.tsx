import { Anchor, Badge, Group, Table, Text } from '@mantine/core'
import { Link } from 'react-router'
import { paths } from '@/config/paths'
import { formatDateTime, formatNumber } from '@/lib/format'
import { type Scenario, STATUS_COLOR } from '../api/scenarios-api'

export function ScenarioTable({ scenarios }: { scenarios: Scenario[] }) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing="sm" aria-label="Scenarios">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Region</Table.Th>
            <Table.Th>Tags</Table.Th>
            <Table.Th ta="right">Events</Table.Th>
            <Table.Th>Updated</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scenarios.map((s) => (
            <Table.Tr key={s.id} data-testid="scenario-row">
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
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
