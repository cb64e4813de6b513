import {
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Card,
  Grid,
  Group,
  Menu,
  Stack,
  Switch,
  Tabs,
  Text,
  Title,
} from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy, IconDotsVertical, IconSettings, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { Link, useNavigate, useParams, useSearchParams } from 'react-router'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import { BudgetPanel } from '@/features/budgets/components/budget-panel'
import { PurchaseOptionsPanel } from '@/features/purchase-options'
import { ReportsPanel } from '@/features/reports/components/reports-panel'
import {
  type Scenario,
  STATUS_ACTIONS,
  STATUS_COLOR,
  useCloneScenario,
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
import { ScenarioSettingsModal } from '@/features/scenarios/components/scenario-settings-modal'
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

/**
 * The page's sections; the chosen one is `?tab=` in the URL (a link or a reload opens it), and only its panels
 * are mounted, so a page load asks only for what the visible section shows.
 */
export const SCENARIO_TABS = [
  { value: 'overview', label: 'Costs & line items' },
  { value: 'usage', label: 'Usage & ingest' },
  { value: 'what-if', label: 'What-if' },
  { value: 'budgets', label: 'Budgets' },
  { value: 'sharing', label: 'Sharing & reports' },
] as const
type ScenarioTab = (typeof SCENARIO_TABS)[number]['value']

function tabOf(value: string | null): ScenarioTab {
  return SCENARIO_TABS.find((t) => t.value === value)?.value ?? 'overview'
}

function ScenarioDetail({ scenario }: { scenario: Scenario }) {
  const navigate = useNavigate()
  const [search, setSearch] = useSearchParams()
  const tab = tabOf(search.get('tab'))
  const running = scenario.status === 'running'
  const costs = useScenarioCosts(scenario.id, { refetchInterval: running ? 5000 : false })
  const update = useUpdateScenario(scenario.id)
  const remove = useDeleteScenario()
  const clone = useCloneScenario()
  const [deleting, setDeleting] = useState(false)
  const [editing, setEditing] = useState(false)
  const openTab = (value: string | null) => {
    const next = new URLSearchParams(search)
    if (!value || value === 'overview') next.delete('tab')
    else next.set('tab', value)
    setSearch(next)
  }
  const cloneScenario = () =>
    clone.mutate(scenario.id, {
      onSuccess: (copy) => {
        notifications.show({ message: `Cloned as “${copy.name}”.` })
        navigate(paths.scenario(copy.id))
      },
      onError: (e) => notifications.show({ color: 'red', title: 'Not cloned', message: errorMessage(e) }),
    })

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
          <Button
            variant="default"
            leftSection={<IconSettings size={16} aria-hidden />}
            onClick={() => setEditing(true)}
            disabled={scenario.status === 'archived'}
          >
            Settings
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                variant="subtle"
                color="gray"
                px="xs"
                aria-label="More actions"
                loading={clone.isPending}
              >
                <IconDotsVertical size={18} aria-hidden />
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconCopy size={16} aria-hidden />} onClick={cloneScenario}>
                Clone scenario
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setDeleting(true)}
              >
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
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

      <Tabs value={tab} onChange={openTab} keepMounted={false}>
        <Tabs.List mb="md">
          {SCENARIO_TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Grid>
            <Grid.Col span={12}>
              <LineItemsEditor
                scenarioId={scenario.id}
                readOnly={scenario.status === 'archived'}
                costs={costs.data}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Card withBorder>
                <Title order={2} size="h3" mb="sm">
                  Cost by service
                </Title>
                {costs.data ? <CostByServiceChart costs={costs.data} /> : <LoadingState />}
              </Card>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="usage">
          <Stack>
            <IngestPanel scenario={scenario} />
            <CostByKeyPanel scenario={scenario} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="what-if">
          <Stack>
            <WhatIfPanel scenarioId={scenario.id} />
            <PurchaseOptionsPanel scenarioId={scenario.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="budgets">
          <BudgetPanel scenarioId={scenario.id} />
        </Tabs.Panel>
        <Tabs.Panel value="sharing">
          <Stack>
            <ShareLinksPanel scenarioId={scenario.id} />
            <ReportsPanel scenarioId={scenario.id} />
          </Stack>
        </Tabs.Panel>
      </Tabs>

      {editing && <ScenarioSettingsModal scenario={scenario} opened onClose={() => setEditing(false)} />}

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
