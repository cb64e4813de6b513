import { Card, List, SimpleGrid, Text, Title } from '@mantine/core'
import { formatDelta } from '@/lib/format'
import type { Comparison } from '../api/compare-api'
import { costDrivers } from '../compare-drivers'
import { useServiceLabel } from '../hooks/use-service-label'

/** Per compared scenario: the usage types that moved its monthly cost most against the base. */
export function CompareDrivers({ comparison }: { comparison: Comparison }) {
  const serviceLabel = useServiceLabel()
  const [base, ...others] = comparison.scenarios
  if (!base) return null
  return (
    <SimpleGrid cols={{ base: 1, md: Math.min(others.length, 3) }}>
      {comparison.deltas.map((delta, j) => {
        const drivers = costDrivers(delta, serviceLabel)
        return (
          <Card withBorder key={delta.scenario_id} data-testid="compare-drivers">
            <Title order={3} size="h5">
              {others[j]?.name} vs {base.name}: {formatDelta(delta.total_delta, base.currency)}
            </Title>
            {drivers.length === 0 ? (
              <Text size="sm" c="dimmed" mt="xs">
                Same cost as the base.
              </Text>
            ) : (
              <List size="sm" mt="xs" spacing={2} listStyleType="none">
                {drivers.map((d) => (
                  <List.Item key={d.key} data-testid="cost-driver">
                    <Text span fw={600} c={Number(d.delta) > 0 ? 'red' : 'green'}>
                      {formatDelta(d.delta, base.currency)}
                    </Text>{' '}
                    {d.label}
                  </List.Item>
                ))}
              </List>
            )}
          </Card>
        )
      })}
    </SimpleGrid>
  )
}
