import { Badge, Card, Group, Pagination, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { ErrorState, LoadingState } from '@/components/page-states'
import { DIFF_PAGE_SIZE, type Snapshot, useSnapshotDiff } from '../api/rate-cards-api'

const CHANGE_COLOR = { added: 'teal', removed: 'red', changed: 'orange' } as const

function snapshotLabel(snapshot: Snapshot): string {
  const origin = snapshot.source === 'bundled' ? 'bundled catalog' : (snapshot.source_file ?? 'import')
  return `${snapshot.id.slice(0, 28)} · ${origin} · as of ${snapshot.as_of}${snapshot.current ? ' (current)' : ''}`
}

/** The snapshots this server knows, and what changed between two of them. */
export function SnapshotDiff({ snapshots }: { snapshots: Snapshot[] }) {
  const options = snapshots.map((s) => ({ value: s.id, label: snapshotLabel(s) }))
  const [from, setFrom] = useState<string | null>(snapshots[1]?.id ?? snapshots[0]?.id ?? null)
  const [to, setTo] = useState<string | null>(snapshots[0]?.id ?? null)
  const [page, setPage] = useState(1)
  const diff = useSnapshotDiff(from, to, page)

  return (
    <Card withBorder>
      <Stack>
        <div>
          <Title order={2} size="h3">
            Pricing snapshots
          </Title>
          <Text size="sm" c="dimmed">
            Every price import is a snapshot; costs name the one they used. Compare two to see what changed.
          </Text>
        </div>
        <Group grow>
          <Select
            label="From"
            data={options}
            value={from}
            allowDeselect={false}
            onChange={(v) => {
              setFrom(v)
              setPage(1)
            }}
          />
          <Select
            label="To"
            data={options}
            value={to}
            allowDeselect={false}
            onChange={(v) => {
              setTo(v)
              setPage(1)
            }}
          />
        </Group>
        {diff.isPending ? (
          <LoadingState label="Comparing snapshots…" />
        ) : diff.isError ? (
          <ErrorState error={diff.error} onRetry={() => void diff.refetch()} title="Could not compare" />
        ) : diff.data.total === 0 ? (
          <Text size="sm" data-testid="snapshot-diff-empty">
            No price changed between these snapshots.
          </Text>
        ) : (
          <>
            <Text size="sm">
              {diff.data.summary.changed} changed · {diff.data.summary.added} added ·{' '}
              {diff.data.summary.removed} removed
            </Text>
            <Table.ScrollContainer minWidth={640}>
              <Table data-testid="snapshot-diff">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Region</Table.Th>
                    <Table.Th>Usage type</Table.Th>
                    <Table.Th>Change</Table.Th>
                    <Table.Th>Old (per unit)</Table.Th>
                    <Table.Th>New (per unit)</Table.Th>
                    <Table.Th>%</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.data.items.map((row) => (
                    <Table.Tr key={`${row.region} ${row.usage_type}`}>
                      <Table.Td>{row.region}</Table.Td>
                      <Table.Td>{row.usage_type}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={CHANGE_COLOR[row.change]}>
                          {row.change}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{row.old_unit_price ?? '—'}</Table.Td>
                      <Table.Td>{row.new_unit_price ?? '—'}</Table.Td>
                      <Table.Td>{row.percent_change === null ? '—' : `${row.percent_change}%`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {diff.data.total > DIFF_PAGE_SIZE && (
              <Pagination
                total={Math.ceil(diff.data.total / DIFF_PAGE_SIZE)}
                value={page}
                onChange={setPage}
                aria-label="Diff pages"
              />
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
