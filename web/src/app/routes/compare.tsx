import { Alert, Button, Card, Grid, Group, MultiSelect, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCopy } from '@tabler/icons-react'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import { MAX_COMPARE, MIN_COMPARE, useComparison } from '@/features/scenarios/api/compare-api'
import { useScenarios } from '@/features/scenarios/api/scenarios-api'
import { CompareChart } from '@/features/scenarios/components/compare-chart'
import { CompareDrivers } from '@/features/scenarios/components/compare-drivers'
import { CompareTable } from '@/features/scenarios/components/compare-table'
import { ApiError } from '@/lib/api-error'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** `?ids=a,b,c`: the selection lives in the URL, so a comparison can be shared or bookmarked. */
function useCompareIds(): [string[], (ids: string[]) => void] {
  const [params, setParams] = useSearchParams()
  const raw = params.get('ids') ?? ''
  const ids = useMemo(
    () => [...new Set(raw.split(',').filter((id) => UUID.test(id)))].slice(0, MAX_COMPARE),
    [raw],
  )
  const setIds = (next: string[]) =>
    setParams(next.length > 0 ? { ids: next.join(',') } : {}, { replace: true })
  return [ids, setIds]
}

export function CompareRoute() {
  const [ids, setIds] = useCompareIds()
  const scenarios = useScenarios({}, 1, 100)
  const comparison = useComparison(ids)
  const options = useMemo(() => {
    const known = new Map((scenarios.data?.items ?? []).map((s) => [s.id, s.name]))
    for (const s of comparison.data?.scenarios ?? []) known.set(s.id, s.name)
    return [...known].map(([value, label]) => ({ value, label }))
  }, [scenarios.data, comparison.data])
  const missing = comparison.error instanceof ApiError && comparison.error.status === 404

  return (
    <Stack>
      <div>
        <Title order={1}>Compare scenarios</Title>
        <Text c="dimmed" size="sm">
          Pick two to four scenarios; the first is the base every other one is measured against.
        </Text>
      </div>
      <Card withBorder>
        <Group align="flex-end">
          <MultiSelect
            label="Scenarios"
            placeholder={ids.length < MAX_COMPARE ? 'Pick a scenario' : undefined}
            data={options}
            value={ids}
            onChange={setIds}
            maxValues={MAX_COMPARE}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage="No scenario with that name"
            style={{ flex: 1, minWidth: 260 }}
          />
          <Button
            variant="light"
            leftSection={<IconCopy size={16} aria-hidden />}
            disabled={ids.length < MIN_COMPARE}
            onClick={async () => {
              await navigator.clipboard.writeText(`${window.location.origin}${paths.compare(ids)}`)
              notifications.show({ message: 'Link to this comparison copied.' })
            }}
          >
            Copy link
          </Button>
        </Group>
      </Card>

      {scenarios.isSuccess && scenarios.data.total < MIN_COMPARE && ids.length === 0 ? (
        <EmptyState title="Not enough scenarios">
          Create at least two scenarios to compare their monthly costs.
        </EmptyState>
      ) : ids.length < MIN_COMPARE ? (
        <Alert color="blue" title="Pick at least two scenarios">
          The table and chart appear once two scenarios are selected.
        </Alert>
      ) : comparison.isPending ? (
        <LoadingState label="Pricing the scenarios…" />
      ) : comparison.isError ? (
        <ErrorState
          error={comparison.error}
          title={missing ? 'A scenario in this comparison no longer exists' : 'Could not compare'}
          onRetry={missing ? undefined : () => void comparison.refetch()}
        />
      ) : (
        <Grid>
          <Grid.Col span={12}>
            <Title order={2} size="h3" mb="sm">
              Cost drivers
            </Title>
            <CompareDrivers comparison={comparison.data} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Card withBorder>
              <Title order={2} size="h3" mb="sm">
                By service and usage type
              </Title>
              <CompareTable comparison={comparison.data} />
            </Card>
          </Grid.Col>
          <Grid.Col span={12}>
            <Card withBorder>
              <Title order={2} size="h3" mb="sm">
                Cost by service
              </Title>
              <CompareChart comparison={comparison.data} />
            </Card>
          </Grid.Col>
        </Grid>
      )}
    </Stack>
  )
}
