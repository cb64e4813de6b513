import { Card, Pagination, Stack, Text, Title } from '@mantine/core'
import { useMemo } from 'react'
import { useSearchParams } from 'react-router'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { useReports } from '@/features/reports/api/reports-api'
import { GenerateReport } from '@/features/reports/components/generate-report'
import { ReportTable } from '@/features/reports/components/report-table'
import { useScenarios } from '@/features/scenarios/api/scenarios-api'

const PAGE_SIZE = 20

export function ReportsRoute() {
  const [params, setParams] = useSearchParams()
  const page = Math.max(1, Number(params.get('page')) || 1)
  const reports = useReports(undefined, page, PAGE_SIZE)
  // Names for the scenario column and the picker: the 100 most recent scenarios (one bounded request).
  const scenarios = useScenarios({}, 1, 100)
  const names = useMemo(
    () => new Map((scenarios.data?.items ?? []).map((s) => [s.id, s.name])),
    [scenarios.data],
  )
  const options = useMemo(() => [...names].map(([value, label]) => ({ value, label })), [names])

  return (
    <Stack>
      <div>
        <Title order={1}>Reports</Title>
        <Text c="dimmed" size="sm">
          Every report of every scenario, including those made by schedules. Files are kept for the retention
          period, then deleted.
        </Text>
      </div>
      <Card withBorder>
        <GenerateReport scenarios={options} />
      </Card>
      {reports.isPending ? (
        <LoadingState label="Loading reports…" />
      ) : reports.isError ? (
        <ErrorState
          error={reports.error}
          onRetry={() => void reports.refetch()}
          title="Could not load your reports"
        />
      ) : reports.data.items.length === 0 ? (
        <EmptyState title="No reports yet">
          Pick a scenario above and generate a PDF or CSV, or let a schedule make them for you.
        </EmptyState>
      ) : (
        <>
          <ReportTable reports={reports.data.items} scenarioNames={names} />
          {reports.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(reports.data.total / PAGE_SIZE)}
              value={page}
              onChange={(p) => setParams({ page: String(p) })}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </>
      )}
    </Stack>
  )
}
