import { Card, Group, Pagination, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { useReports } from '../api/reports-api'
import { GenerateReport } from './generate-report'
import { ReportTable } from './report-table'

const PAGE_SIZE = 5

/** The reports card of a scenario's page: generate, watch the status, download, delete. */
export function ReportsPanel({ scenarioId }: { scenarioId: string }) {
  const [page, setPage] = useState(1)
  const reports = useReports(scenarioId, page, PAGE_SIZE)
  return (
    <Card withBorder component="section" aria-labelledby="reports-heading">
      <Stack>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2} size="h3" id="reports-heading">
              Reports
            </Title>
            <Text size="sm" c="dimmed">
              A PDF summary with charts, or a CSV of every service and usage type.
            </Text>
          </div>
          <GenerateReport scenarioId={scenarioId} />
        </Group>
        {reports.isPending ? (
          <LoadingState label="Loading reports…" />
        ) : reports.isError ? (
          <ErrorState error={reports.error} onRetry={() => void reports.refetch()} />
        ) : reports.data.items.length === 0 ? (
          <EmptyState title="No reports yet">Generate a PDF or CSV of this scenario's costs.</EmptyState>
        ) : (
          <>
            <ReportTable reports={reports.data.items} />
            {reports.data.total > PAGE_SIZE && (
              <Pagination
                total={Math.ceil(reports.data.total / PAGE_SIZE)}
                value={page}
                onChange={setPage}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
