import { BarChart } from '@mantine/charts'
import { Anchor, Button, Card, Grid, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { IconArrowsDiff, IconCalendarPlus, IconFileText, IconPlus } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import { useAuth } from '@/features/auth/hooks/use-auth'
import { type Report, useReports } from '@/features/reports/api/reports-api'
import { ReportStatusBadge } from '@/features/reports/components/report-table'
import {
  type Portfolio,
  type Scenario,
  usePortfolio,
  useScenarios,
} from '@/features/scenarios/api/scenarios-api'
import { ScenarioTable } from '@/features/scenarios/components/scenario-table'
import { type Schedule, useSchedules } from '@/features/schedules/api/schedules-api'
import { RunStatusBadge } from '@/features/schedules/components/run-history'
import { formatDateTime, formatMoney, formatNumber } from '@/lib/format'

/** The scenarios the activity list and the recent table look at. */
const RECENT_SCENARIOS = 20
const TOP_SCENARIOS = 5

/** The costliest scenarios first, leaving out those that cost nothing yet. */
function topScenarios(portfolio: Portfolio | undefined): Portfolio['scenarios'] {
  return (portfolio?.scenarios ?? [])
    .filter((s) => Number(s.monthly_total) > 0)
    .sort((a, b) => Number(b.monthly_total) - Number(a.monthly_total))
    .slice(0, TOP_SCENARIOS)
}

const groupLabel = (tag: string | null) => tag ?? 'Untagged'

function Stat({
  label,
  value,
  testId,
  hint,
}: {
  label: string
  value: ReactNode
  testId: string
  hint?: string
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={{ base: 'lg', sm: 'xl' }} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  )
}

type Activity = { key: string; at: string; text: ReactNode; badge?: ReactNode }

function activityOf(scenarios: Scenario[], reports: Report[], schedules: Schedule[]): Activity[] {
  const names = new Map(scenarios.map((s) => [s.id, s.name]))
  const ingest: Activity[] = scenarios
    .filter((s) => s.last_event_at && s.events_total > 0)
    .map((s) => ({
      key: `ingest-${s.id}`,
      at: s.last_event_at as string,
      text: (
        <>
          {formatNumber(s.events_total)} events ingested into{' '}
          <Anchor component={Link} to={paths.scenario(s.id)}>
            {s.name}
          </Anchor>
        </>
      ),
    }))
  const made: Activity[] = reports.map((r) => ({
    key: `report-${r.id}`,
    at: r.completed_at ?? r.created_at,
    text: (
      <>
        {r.format.toUpperCase()} report of{' '}
        <Anchor component={Link} to={paths.scenario(r.scenario_id)}>
          {names.get(r.scenario_id) ?? 'a scenario'}
        </Anchor>
        {r.schedule_run_id ? ' (scheduled)' : ''}
      </>
    ),
    badge: <ReportStatusBadge status={r.status} />,
  }))
  const runs: Activity[] = schedules
    .filter((s) => s.last_run_at && s.last_status)
    .map((s) => ({
      key: `schedule-${s.id}`,
      at: s.last_run_at as string,
      text: (
        <>
          Schedule{' '}
          <Anchor component={Link} to={paths.schedules}>
            {s.name}
          </Anchor>{' '}
          ran
        </>
      ),
      badge: s.last_status ? <RunStatusBadge status={s.last_status} /> : undefined,
    }))
  return [...ingest, ...made, ...runs].sort((a, b) => b.at.localeCompare(a.at)).slice(0, 8)
}

export function DashboardRoute() {
  const { user } = useAuth()
  const recent = useScenarios({}, 1, RECENT_SCENARIOS)
  const running = useScenarios({ status: 'running' }, 1, 1)
  const reports = useReports(undefined, 1, 5)
  const schedules = useSchedules(1, 20)
  const portfolio = usePortfolio()
  const scenarios = recent.data?.items ?? []
  const top = topScenarios(portfolio.data)
  const currency = portfolio.data?.currency ?? 'USD'
  const groups = portfolio.data?.groups ?? []
  const activity = activityOf(scenarios, reports.data?.items ?? [], schedules.data?.items ?? [])

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>Welcome{user?.full_name ? `, ${user.full_name}` : ''}</Title>
        <Group gap="xs" role="group" aria-label="Quick actions">
          <Button
            component={Link}
            to={`${paths.scenarios}?new=1`}
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            New scenario
          </Button>
          <Button
            component={Link}
            to={paths.compare()}
            variant="light"
            leftSection={<IconArrowsDiff size={16} aria-hidden />}
          >
            Compare
          </Button>
          <Button
            component={Link}
            to={paths.reports}
            variant="light"
            leftSection={<IconFileText size={16} aria-hidden />}
          >
            Reports
          </Button>
          <Button
            component={Link}
            to={`${paths.schedules}?new=1`}
            variant="light"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
          >
            Schedule a report
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Stat label="Scenarios" value={recent.data?.total ?? '—'} testId="dashboard-scenarios" />
        <Stat label="Running" value={running.data?.total ?? '—'} testId="dashboard-running" />
        <Stat
          label="Costliest scenario / month"
          value={portfolio.isSuccess ? formatMoney(top[0]?.monthly_total ?? '0', currency) : '—'}
          testId="dashboard-top-cost"
          hint={top[0]?.name ?? 'No scenario costs anything yet'}
        />
        <Stat label="Reports" value={reports.data?.total ?? '—'} testId="dashboard-reports" />
      </SimpleGrid>

      {recent.isPending ? (
        <LoadingState />
      ) : recent.isError ? (
        <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
      ) : scenarios.length === 0 ? (
        <Card withBorder>
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
        </Card>
      ) : (
        <>
          <Grid>
            <Grid.Col span={{ base: 12, lg: 7 }}>
              <Card withBorder h="100%">
                <Title order={2} size="h3" mb="xs">
                  Monthly cost by tag
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  Your scenarios are not added up across the board: they are often alternative designs of one
                  workload. Tag the scenarios that run together to see what they cost together.
                </Text>
                {portfolio.isPending ? (
                  <LoadingState label="Pricing your scenarios…" />
                ) : portfolio.isError ? (
                  <ErrorState error={portfolio.error} onRetry={() => void portfolio.refetch()} />
                ) : (
                  <figure aria-label="Monthly cost by tag" style={{ margin: 0 }}>
                    <BarChart
                      h={Math.max(120, groups.length * 40)}
                      data={groups.map((g) => ({ group: groupLabel(g.tag), cost: Number(g.monthly_total) }))}
                      dataKey="group"
                      orientation="vertical"
                      yAxisProps={{ width: 120 }}
                      series={[{ name: 'cost', label: 'Cost per month', color: 'orange.6' }]}
                      valueFormatter={(v) => formatMoney(v, currency)}
                      gridAxis="y"
                    />
                    <Table mt="sm" aria-label="Monthly cost by tag">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Tag</Table.Th>
                          <Table.Th ta="right">Scenarios</Table.Th>
                          <Table.Th ta="right">Per month</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {groups.map((g) => (
                          <Table.Tr key={groupLabel(g.tag)} data-testid="dashboard-group-row">
                            <Table.Td>{groupLabel(g.tag)}</Table.Td>
                            <Table.Td ta="right">{g.scenario_count}</Table.Td>
                            <Table.Td ta="right">{formatMoney(g.monthly_total, currency)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </figure>
                )}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5 }}>
              <Stack h="100%">
                <Card withBorder>
                  <Title order={2} size="h3" mb="sm">
                    Top scenarios by monthly cost
                  </Title>
                  {portfolio.isPending ? (
                    <LoadingState />
                  ) : top.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      None of your scenarios costs anything yet.
                    </Text>
                  ) : (
                    <Table aria-label="Top scenarios by monthly cost">
                      <Table.Tbody>
                        {top.map((scenario) => (
                          <Table.Tr key={scenario.id} data-testid="top-scenario-row">
                            <Table.Td>
                              <Anchor component={Link} to={paths.scenario(scenario.id)}>
                                {scenario.name}
                              </Anchor>
                            </Table.Td>
                            <Table.Td ta="right">{formatMoney(scenario.monthly_total, currency)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  )}
                </Card>
                <Card withBorder>
                  <Title order={2} size="h3" mb="sm">
                    Recent activity
                  </Title>
                  {activity.length === 0 ? (
                    <Text c="dimmed" size="sm">
                      Ingested events, reports and schedule runs show up here.
                    </Text>
                  ) : (
                    <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {activity.map((a) => (
                        <Group
                          key={a.key}
                          component="li"
                          justify="space-between"
                          wrap="nowrap"
                          gap="xs"
                          data-testid="activity-item"
                        >
                          <div>
                            <Text size="sm">{a.text}</Text>
                            <Text size="xs" c="dimmed">
                              {formatDateTime(a.at)}
                            </Text>
                          </div>
                          {a.badge}
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Card>
              </Stack>
            </Grid.Col>
          </Grid>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h3">
                Recent scenarios
              </Title>
              <Anchor component={Link} to={paths.scenarios} size="sm">
                All scenarios
              </Anchor>
            </Group>
            <ScenarioTable scenarios={scenarios.slice(0, 5)} />
          </Card>
        </>
      )}
    </Stack>
  )
}
