import { Button, Group, Menu, Switch, Table, Text } from '@mantine/core'
import { IconDots, IconHistory, IconPencil, IconPlayerPlay, IconTrash } from '@tabler/icons-react'
import { formatDateTime } from '@/lib/format'
import type { Schedule } from '../api/schedules-api'
import { describeTiming, formatInZone } from '../schedule-text'
import { RunStatusBadge } from './run-history'

export function ScheduleTable({
  schedules,
  running,
  toggling,
  onToggle,
  onRun,
  onHistory,
  onEdit,
  onDelete,
}: {
  schedules: Schedule[]
  /** Id of the schedule whose "Run now" is in flight. */
  running: string | null
  toggling: string | null
  onToggle: (schedule: Schedule, enabled: boolean) => void
  onRun: (schedule: Schedule) => void
  onHistory: (schedule: Schedule) => void
  onEdit: (schedule: Schedule) => void
  onDelete: (schedule: Schedule) => void
}) {
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" aria-label="Report schedules" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Next run</Table.Th>
            <Table.Th>Last run</Table.Th>
            <Table.Th>Enabled</Table.Th>
            <Table.Th ta="right">Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedules.map((s) => (
            <Table.Tr key={s.id} data-testid="schedule-row">
              <Table.Td>
                <Text fw={500}>{s.name}</Text>
                <Text size="xs" c="dimmed">
                  {s.formats.map((f) => f.toUpperCase()).join(' + ')} · {s.scenario_ids.length} scenario
                  {s.scenario_ids.length === 1 ? '' : 's'} · {s.recipients.join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{describeTiming(s)}</Text>
              </Table.Td>
              <Table.Td data-testid="schedule-next-run">
                {s.enabled && s.next_run_at ? (
                  <>
                    <Text size="sm">{formatInZone(s.next_run_at, s.timezone)}</Text>
                    <Text size="xs" c="dimmed">
                      {s.timezone}
                    </Text>
                  </>
                ) : (
                  <Text size="sm" c="dimmed">
                    {s.enabled ? '—' : 'paused'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {s.last_status ? (
                  <Group gap={6}>
                    <RunStatusBadge status={s.last_status} />
                    <Text size="xs" c="dimmed">
                      {formatDateTime(s.last_run_at)}
                    </Text>
                    {s.email_delivery === 'not_configured' && (
                      <Text size="xs" c="dimmed" data-testid="schedule-not-emailed">
                        not emailed: no SMTP
                      </Text>
                    )}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    never
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Switch
                  aria-label={`Enabled: ${s.name}`}
                  label={s.enabled ? 'On' : 'Paused'}
                  checked={s.enabled}
                  disabled={toggling === s.id}
                  onChange={(e) => onToggle(s, e.currentTarget.checked)}
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconPlayerPlay size={14} aria-hidden />}
                    loading={running === s.id}
                    onClick={() => onRun(s)}
                    aria-label={`Run now: ${s.name}`}
                  >
                    Run now
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconHistory size={14} aria-hidden />}
                    onClick={() => onHistory(s)}
                    aria-label={`History: ${s.name}`}
                  >
                    History
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <Button size="xs" variant="subtle" px={6} aria-label={`More actions for ${s.name}`}>
                        <IconDots size={16} aria-hidden />
                      </Button>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(s)}>
                        Edit
                      </Menu.Item>
                      <Menu.Item
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => onDelete(s)}
                      >
                        Delete
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
