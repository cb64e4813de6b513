import { ActionIcon, Anchor, Badge, Group, Loader, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDownload, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { Link } from 'react-router'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { paths } from '@/config/paths'
import { errorMessage } from '@/lib/api-error'
import { formatDateTime } from '@/lib/format'
import {
  downloadReport,
  isPending,
  type Report,
  type ReportStatus,
  useDeleteReport,
} from '../api/reports-api'

const STATUS_COLOR: Record<ReportStatus, string> = {
  queued: 'gray',
  running: 'blue',
  ready: 'green',
  failed: 'red',
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—'
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  return (
    // The dot variant keeps the status text in the body colour: green text on the light variant's green
    // background measured 3.8:1 in light mode, below WCAG AA (axe, e2e/accessibility.spec.ts).
    <Badge
      color={STATUS_COLOR[status]}
      variant="dot"
      leftSection={status === 'queued' || status === 'running' ? <Loader size={10} aria-hidden /> : null}
      data-testid="report-status"
    >
      {status}
    </Badge>
  )
}

/**
 * Reports with their live status (the list polls while one is queued or running), download and delete.
 * `scenarioNames` adds a scenario column (the overall reports page).
 */
export function ReportTable({
  reports,
  scenarioNames,
}: {
  reports: Report[]
  scenarioNames?: Map<string, string>
}) {
  const remove = useDeleteReport()
  const [deleting, setDeleting] = useState<Report | null>(null)
  const [downloading, setDownloading] = useState<string | null>(null)

  async function download(report: Report) {
    setDownloading(report.id)
    try {
      await downloadReport(report)
    } catch (error) {
      notifications.show({ color: 'red', title: 'Download failed', message: errorMessage(error) })
    } finally {
      setDownloading(null)
    }
  }

  return (
    <>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="sm" aria-label="Reports" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              {scenarioNames && <Table.Th>Scenario</Table.Th>}
              <Table.Th>Format</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Requested</Table.Th>
              <Table.Th ta="right">Size</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {reports.map((r) => {
              const label = `${r.format.toUpperCase()} report of ${formatDateTime(r.created_at)}`
              return (
                <Table.Tr key={r.id} data-testid="report-row" data-status={r.status}>
                  {scenarioNames && (
                    <Table.Td>
                      <Anchor component={Link} to={paths.scenario(r.scenario_id)}>
                        {scenarioNames.get(r.scenario_id) ?? 'Scenario'}
                      </Anchor>
                    </Table.Td>
                  )}
                  <Table.Td tt="uppercase" fw={500}>
                    {r.format}
                  </Table.Td>
                  <Table.Td>
                    <ReportStatusBadge status={r.status} />
                    {r.status === 'failed' && r.error && (
                      <Text size="xs" c="red" mt={4}>
                        {r.error}
                      </Text>
                    )}
                    {r.schedule_run_id && (
                      <Text size="xs" c="dimmed" mt={4}>
                        from a schedule
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.created_at)}</Table.Td>
                  <Table.Td ta="right">{formatBytes(r.size_bytes)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Tooltip label="Download">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Download ${label}`}
                          disabled={r.status !== 'ready'}
                          loading={downloading === r.id}
                          onClick={() => void download(r)}
                        >
                          <IconDownload size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Delete ${label}`}
                          disabled={isPending(r)}
                          onClick={() => setDeleting(r)}
                        >
                          <IconTrash size={18} aria-hidden />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this report?"
        confirmLabel="Delete report"
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(null)
          remove.reset()
        }}
        onConfirm={() => {
          if (!deleting) return
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null)
              notifications.show({ message: 'Report deleted.' })
            },
          })
        }}
      >
        The {deleting?.format.toUpperCase()} file is deleted for good; you can generate a new one at any time.
      </ConfirmDialog>
    </>
  )
}
