import { Badge, Loader, Pagination, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { formatDateTime } from '@/lib/format'
import { type Delivery, type RunStatus, useScheduleRuns } from '../api/schedules-api'

const PAGE_SIZE = 10

export const RUN_STATUS_COLOR: Record<RunStatus, string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
}

const DELIVERY_COLOR: Record<Delivery, string> = {
  pending: 'gray',
  sent: 'green',
  skipped: 'yellow',
  failed: 'red',
}

export function RunStatusBadge({ status }: { status: RunStatus }) {
  return (
    <Badge
      color={RUN_STATUS_COLOR[status]}
      variant="light"
      leftSection={status === 'queued' || status === 'running' ? <Loader size={10} aria-hidden /> : null}
      data-testid="run-status"
    >
      {status}
    </Badge>
  )
}

/** The runs of one schedule, newest first, with their email delivery and the error of a failed one. */
export function RunHistory({ scheduleId }: { scheduleId: string }) {
  const [page, setPage] = useState(1)
  const runs = useScheduleRuns(scheduleId, page, PAGE_SIZE)
  if (runs.isPending) return <LoadingState label="Loading runs…" />
  if (runs.isError) return <ErrorState error={runs.error} onRetry={() => void runs.refetch()} />
  if (runs.data.items.length === 0)
    return <EmptyState title="No runs yet">Use “Run now” to make and send the reports at once.</EmptyState>
  return (
    <Stack>
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing="xs" aria-label="Run history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Started</Table.Th>
              <Table.Th>Trigger</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Delivery</Table.Th>
              <Table.Th ta="right">Reports</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {runs.data.items.map((run) => (
              <Table.Tr
                key={run.id}
                data-testid="run-row"
                data-status={run.status}
                data-delivery={run.delivery}
              >
                <Table.Td>{formatDateTime(run.started_at ?? run.created_at)}</Table.Td>
                <Table.Td>{run.trigger === 'manual' ? 'Run now' : 'Scheduled'}</Table.Td>
                <Table.Td>
                  <RunStatusBadge status={run.status} />
                </Table.Td>
                <Table.Td>
                  <Badge color={DELIVERY_COLOR[run.delivery]} variant="outline" data-testid="run-delivery">
                    {run.delivery}
                  </Badge>
                  {run.delivery_attempts > 1 && (
                    <Text size="xs" c="dimmed">
                      {run.delivery_attempts} attempts
                    </Text>
                  )}
                  {run.error && (
                    <Text size="xs" c="red" data-testid="run-error">
                      {run.error}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{run.report_ids.length}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {runs.data.total > PAGE_SIZE && (
        <Pagination
          total={Math.ceil(runs.data.total / PAGE_SIZE)}
          value={page}
          onChange={setPage}
          getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
        />
      )}
    </Stack>
  )
}
