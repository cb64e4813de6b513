import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useState } from 'react'
import { Link, useNavigate, useParams } from 'react-router'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import { BudgetPanel } from '@/features/budgets/components/budget-panel'
import { ReportsPanel } from '@/features/reports/components/reports-panel'
import {
  type Scenario,
  STATUS_ACTIONS,
  STATUS_COLOR,
  useDeleteScenario,
  useScenario,
  useScenarioCosts,
  useUpdateScenario,
} from '@/features/scenarios/api/scenarios-api'
import { CostByKeyPanel } from '@/features/scenarios/components/cost-by-key-panel'
import { CostByServiceChart } from '@/features/scenarios/components/cost-by-service-chart'
import { CostSummary } from '@/features/scenarios/components/cost-summary'
import { IngestPanel } from '@/features/scenarios/components/ingest-panel'
import { LineItemsEditor } from '@/features/scenarios/components/line-items-editor'
import { ShareLinksPanel } from '@/features/share-links/components/share-links-panel'
import { CostRangeCard } from '@/features/what-if/components/cost-range'
import { WhatIfPanel } from '@/features/what-if/components/what-if-panel'
import { ApiError, errorMessage } from '@/lib/api-error'

export function ScenarioDetailRoute() {
  const { id = '' } = useParams()
  const scenario = useScenario(id)
  if (scenario.isPending) return <LoadingState label="Loading the scenario…" />
  if (scenario.isError) {
    const missing = scenario.error instanceof ApiError && [404, 422].includes(scenario.error.status)
    return (
      <Stack>
        <ErrorState
          error={scenario.error}
          title={missing ? 'Scenario not found' : 'Could not load the scenario'}
          onRetry={missing ? undefined : () => void scenario.refetch()}
        />
        <Anchor component={Link} to={paths.scenarios}>
          Back to scenarios
        </Anchor>
      </Stack>
    )
  }
  return <ScenarioDetail scenario={scenario.data} />
}

function ScenarioDetail({ scenario }: { scenario: Scenario }) {
  const navigate = useNavigate()
  const running = scenario.status === 'running'
  const costs = useScenarioCosts(scenario.id, { refetchInterval: running ? 5000 : false })
  const update = useUpdateScenario(scenario.id)
  const remove = useDeleteScenario()
  const [deleting, setDeleting] = useState(false)

  return (
    <Stack>
      <Breadcrumbs>
        <Anchor component={Link} to={paths.scenarios}>
          Scenarios
        </Anchor>
        <Text>{scenario.name}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="sm">
            <Title order={1}>{scenario.name}</Title>
            <Badge
              color={STATUS_COLOR[scenario.status]}
              size="lg"
              variant="light"
              data-testid="scenario-status"
            >
              {scenario.status}
            </Badge>
          </Group>
          <Text c="dimmed" size="sm">
            {scenario.region}
            {scenario.tags.length > 0 && ` · ${scenario.tags.join(', ')}`}
          </Text>
          {scenario.description && (
            // A template's description lists its assumptions one per line.
            <Text c="dimmed" size="sm" style={{ whiteSpace: 'pre-line' }} data-testid="scenario-description">
              {scenario.description}
            </Text>
          )}
        </Stack>
        <Group gap="xs" role="group" aria-label="Status actions">
          {STATUS_ACTIONS[scenario.status].map((action) => (
            <Button
              key={action.to}
              variant={action.to === 'running' ? 'filled' : 'light'}
              color={action.to === 'archived' ? 'gray' : undefined}
              loading={update.isPending && update.variables?.status === action.to}
              onClick={() =>
                update.mutate(
                  { status: action.to },
                  {
                    onSuccess: () => notifications.show({ message: `Scenario is now ${action.to}.` }),
                    onError: (e) =>
                      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
                  },
                )
              }
            >
              {action.label}
            </Button>
          ))}
          <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
            Delete
          </Button>
        </Group>
      </Group>

      <Switch
        label="Apply my rate card"
        description={
          scenario.apply_rate_card
            ? 'On: your rate card’s discounts and overrides apply to this scenario.'
            : 'Off: this scenario is priced at AWS list prices.'
        }
        checked={scenario.apply_rate_card}
        disabled={scenario.status === 'archived' || update.isPending}
        onChange={(e) =>
          update.mutate(
            { apply_rate_card: e.currentTarget.checked },
            {
              onError: (err) =>
                notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(err) }),
            },
          )
        }
      />
      {costs.isPending ? (
        <LoadingState label="Pricing the scenario…" />
      ) : costs.isError ? (
        <ErrorState
          error={costs.error}
          onRetry={() => void costs.refetch()}
          title="Could not price the scenario"
        />
      ) : (
        <CostSummary costs={costs.data} />
      )}
      <CostRangeCard costs={costs.data} />

      <Grid>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <LineItemsEditor
            scenarioId={scenario.id}
            readOnly={scenario.status === 'archived'}
            costs={costs.data}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Card withBorder>
            <Title order={2} size="h3" mb="sm">
              Cost by service
            </Title>
            {costs.data ? <CostByServiceChart costs={costs.data} /> : <LoadingState />}
          </Card>
        </Grid.Col>
      </Grid>

      <WhatIfPanel scenarioId={scenario.id} />

      <IngestPanel scenario={scenario} />

      <CostByKeyPanel scenario={scenario} />

      <ReportsPanel scenarioId={scenario.id} />

      <BudgetPanel scenarioId={scenario.id} />

      <ShareLinksPanel scenarioId={scenario.id} />

      <ConfirmDialog
        opened={deleting}
        title="Delete this scenario?"
        confirmLabel="Delete scenario"
        loading={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(false)}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(scenario.id)
          } catch {
            return // the dialog shows the server's message
          }
          notifications.show({ message: `Scenario “${scenario.name}” deleted.` })
          navigate(paths.scenarios, { replace: true })
        }}
      >
        {scenario.name}, its line items and every ingested event are deleted for good.
      </ConfirmDialog>
    </Stack>
  )
}
