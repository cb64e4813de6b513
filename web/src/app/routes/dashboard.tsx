import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { useScenarios } from '@/features/scenarios/api/scenarios-api'
import { ScenarioTable } from '@/features/scenarios/components/scenario-table'

export function DashboardRoute() {
  const { user } = useAuth()
  const recent = useScenarios({}, 1, 5)
  const running = useScenarios({ status: 'running' }, 1, 1)
  return (
    <Stack>
      <Title order={1}>Welcome{user?.full_name ? `, ${user.full_name}` : ''}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Scenarios
          </Text>
          <Text size="xl" fw={700} data-testid="dashboard-scenarios">
            {recent.data?.total ?? '—'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Running
          </Text>
          <Text size="xl" fw={700}>
            {running.data?.total ?? '—'}
          </Text>
        </Card>
        <Card withBorder>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            Machines
          </Text>
          <Anchor component={Link} to={paths.apiKeys} size="sm">
            Manage API keys
          </Anchor>
        </Card>
      </SimpleGrid>
      <Card withBorder>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h3">
            Recent scenarios
          </Title>
          <Anchor component={Link} to={paths.scenarios} size="sm">
            All scenarios
          </Anchor>
        </Group>
        {recent.isPending ? (
          <LoadingState />
        ) : recent.isError ? (
          <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
        ) : recent.data.items.length === 0 ? (
          <EmptyState
            title="No scenarios yet"
            action={
              <Button component={Link} to={`${paths.scenarios}?new=1`}>
                Create a scenario
              </Button>
            }
          >
            A scenario is a region plus a workload: modelled line items and ingested events.
          </EmptyState>
        ) : (
          <ScenarioTable scenarios={recent.data.items} />
        )}
      </Card>
    </Stack>
  )
}
