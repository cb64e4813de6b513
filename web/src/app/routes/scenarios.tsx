import { Button, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconArrowsDiff, IconPlus, IconSearch } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useNavigate, useSearchParams } from 'react-router'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { paths } from '@/config/paths'
import {
  type ScenarioFilters,
  type ScenarioStatus,
  usePricingRegions,
  useScenarios,
  useScenarioTotals,
} from '@/features/scenarios/api/scenarios-api'
import { CreateScenarioModal } from '@/features/scenarios/components/create-scenario-modal'
import { ScenarioTable } from '@/features/scenarios/components/scenario-table'

const PAGE_SIZE = 10
const STATUSES: ScenarioStatus[] = ['draft', 'running', 'completed', 'archived']

/** Filters and page live in the URL, so a filtered list can be bookmarked and survives a reload. */
export function ScenariosRoute() {
  const [params, setParams] = useSearchParams()
  const navigate = useNavigate()
  const regions = usePricingRegions()
  const [search, setSearch] = useState(params.get('q') ?? '')
  const [debouncedSearch] = useDebouncedValue(search, 300)
  const status = params.get('status') as ScenarioStatus | null
  const region = params.get('region')
  const tag = params.get('tag')
  const totals = useScenarioTotals()
  const [selected, setSelected] = useState<string[]>([])
  const toggle = (id: string) =>
    setSelected((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]))
  const tagOptions = (totals.data?.groups ?? []).flatMap((g) => (g.tag === null ? [] : [g.tag]))
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1)
  const creating = params.get('new') === '1'

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev)
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v)
          else next.delete(k)
        }
        if (!('page' in changes)) next.delete('page')
        return next
      },
      { replace: true },
    )

  // biome-ignore lint/correctness/useExhaustiveDependencies: only the debounced text drives the URL
  useEffect(() => {
    if ((params.get('q') ?? '') !== debouncedSearch.trim()) update({ q: debouncedSearch.trim() || null })
  }, [debouncedSearch])

  const filters: ScenarioFilters = {
    ...(status ? { status } : {}),
    ...(region ? { region } : {}),
    ...(tag ? { tag } : {}),
    ...(params.get('q') ? { q: params.get('q') ?? '' } : {}),
  }
  const list = useScenarios(filters, page, PAGE_SIZE)
  const filtered = Object.keys(filters).length > 0

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Scenarios</Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => update({ new: '1' })}>
          New scenario
        </Button>
      </Group>
      <Group align="flex-end" wrap="wrap" role="search" aria-label="Filter scenarios">
        <TextInput
          label="Search by name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={STATUSES}
          value={status}
          onChange={(v) => update({ status: v })}
          w={{ base: '100%', sm: 180 }}
        />
        <Select
          label="Region"
          placeholder="Any region"
          clearable
          searchable
          data={(regions.data?.regions ?? []).map((r) => ({ value: r.code, label: r.code }))}
          value={region}
          onChange={(v) => update({ region: v })}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label="Tag"
          placeholder="Any tag"
          clearable
          searchable
          data={tag && !tagOptions.includes(tag) ? [tag, ...tagOptions] : tagOptions}
          value={tag}
          onChange={(v) => update({ tag: v })}
          nothingFoundMessage="No such tag"
          w={{ base: '100%', sm: 180 }}
        />
      </Group>
      {selected.length > 0 && (
        <Group gap="sm" data-testid="compare-selection">
          <Button
            leftSection={<IconArrowsDiff size={16} aria-hidden />}
            disabled={selected.length < 2}
            onClick={() => navigate(paths.compare(selected))}
          >
            Compare {selected.length} selected
          </Button>
          <Text size="sm" c="dimmed">
            {selected.length < 2
              ? 'Pick at least one more scenario.'
              : 'Up to 4; the first picked is the base.'}
          </Text>
          <Button variant="subtle" onClick={() => setSelected([])}>
            Clear selection
          </Button>
        </Group>
      )}

      {list.isPending ? (
        <LoadingState label="Loading scenarios…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Could not load scenarios" />
      ) : list.data.items.length === 0 ? (
        filtered ? (
          <EmptyState
            title="No scenario matches"
            action={
              <Button
                variant="light"
                onClick={() => {
                  setSearch('')
                  update({ q: null, status: null, region: null, tag: null })
                }}
              >
                Clear filters
              </Button>
            }
          >
            Try another name, status, region or tag.
          </EmptyState>
        ) : (
          <EmptyState
            title="No scenarios yet"
            action={<Button onClick={() => update({ new: '1' })}>Create a scenario</Button>}
          >
            A scenario is a region plus a workload: modelled line items and ingested events.
          </EmptyState>
        )
      ) : (
        <>
          <ScenarioTable
            scenarios={list.data.items}
            withCost
            totals={totals.data}
            selected={selected}
            onToggle={toggle}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {list.data.total} scenario{list.data.total === 1 ? '' : 's'}
            </Text>
            {list.data.total > PAGE_SIZE && (
              <Pagination
                total={Math.ceil(list.data.total / PAGE_SIZE)}
                value={page}
                onChange={(p) => update({ page: String(p) })}
                getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
              />
            )}
          </Group>
        </>
      )}
      <CreateScenarioModal
        opened={creating}
        onClose={() => update({ new: null })}
        onCreated={(scenario) => navigate(paths.scenario(scenario.id))}
      />
    </Stack>
  )
}
