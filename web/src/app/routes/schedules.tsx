import { Alert, Button, Drawer, Group, Pagination, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconPlus } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { ConfirmDialog } from '@/components/confirm-dialog'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { useScenarios } from '@/features/scenarios/api/scenarios-api'
import {
  type Schedule,
  useDeleteSchedule,
  useRunSchedule,
  useSchedules,
  useUpdateSchedule,
} from '@/features/schedules/api/schedules-api'
import { RunHistory } from '@/features/schedules/components/run-history'
import { ScheduleFormModal } from '@/features/schedules/components/schedule-form-modal'
import { ScheduleTable } from '@/features/schedules/components/schedule-table'
import { describeTiming, formatInZone } from '@/features/schedules/schedule-text'
import { errorMessage } from '@/lib/api-error'

const PAGE_SIZE = 20

export function SchedulesRoute() {
  const [params, setParams] = useSearchParams()
  const [page, setPage] = useState(1)
  const schedules = useSchedules(page, PAGE_SIZE)
  const scenarios = useScenarios({}, 1, 100)
  const update = useUpdateSchedule()
  const run = useRunSchedule()
  const remove = useDeleteSchedule()
  const [editing, setEditing] = useState<Schedule | null>(null)
  const [history, setHistory] = useState<Schedule | null>(null)
  const [deleting, setDeleting] = useState<Schedule | null>(null)
  const [saved, setSaved] = useState<Schedule | null>(null)
  const creating = params.get('new') === '1'
  const options = useMemo(
    () => (scenarios.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
    [scenarios.data],
  )

  const closeForm = () => {
    setEditing(null)
    if (creating) setParams({}, { replace: true })
  }

  return (
    <Stack>
      <Group justify="space-between">
        <div>
          <Title order={1}>Schedules</Title>
          <Text c="dimmed" size="sm">
            Reports made on a timetable and emailed to the recipients with the files attached.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setParams({ new: '1' })}>
          New schedule
        </Button>
      </Group>

      {saved && (
        <Alert
          color={saved.warnings.length > 0 ? 'yellow' : 'green'}
          withCloseButton
          onClose={() => setSaved(null)}
          title={`Schedule “${saved.name}” saved`}
          data-testid="schedule-saved"
        >
          Runs {describeTiming(saved)}
          {saved.enabled && saved.next_run_at
            ? ` — next: ${formatInZone(saved.next_run_at, saved.timezone)} (${saved.timezone})`
            : ' — paused'}
          {saved.warnings.map((warning) => (
            <Text key={warning} size="sm" mt="xs" data-testid="schedule-warning">
              {warning}
            </Text>
          ))}
        </Alert>
      )}

      {schedules.isPending ? (
        <LoadingState label="Loading schedules…" />
      ) : schedules.isError ? (
        <ErrorState
          error={schedules.error}
          onRetry={() => void schedules.refetch()}
          title="Could not load your schedules"
        />
      ) : schedules.data.items.length === 0 ? (
        <EmptyState
          title="No schedules yet"
          action={<Button onClick={() => setParams({ new: '1' })}>Create a schedule</Button>}
        >
          A schedule makes PDF or CSV reports of your scenarios every day, week or month and emails them.
        </EmptyState>
      ) : (
        <>
          <ScheduleTable
            schedules={schedules.data.items}
            running={run.isPending ? (run.variables ?? null) : null}
            toggling={update.isPending ? (update.variables?.id ?? null) : null}
            onToggle={(s, enabled) =>
              update.mutate(
                { id: s.id, body: { enabled } },
                {
                  onSuccess: () =>
                    notifications.show({ message: `“${s.name}” ${enabled ? 'enabled' : 'paused'}.` }),
                  onError: (e) =>
                    notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) }),
                },
              )
            }
            onRun={(s) =>
              run.mutate(s.id, {
                onSuccess: () => {
                  notifications.show({ message: `“${s.name}” is running; its history follows it.` })
                  setHistory(s)
                },
                onError: (e) =>
                  notifications.show({ color: 'red', title: 'Not started', message: errorMessage(e) }),
              })
            }
            onHistory={setHistory}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
          {schedules.data.total > PAGE_SIZE && (
            <Pagination
              total={Math.ceil(schedules.data.total / PAGE_SIZE)}
              value={page}
              onChange={setPage}
              getItemProps={(n) => ({ 'aria-label': `Page ${n}` })}
            />
          )}
        </>
      )}

      <ScheduleFormModal
        opened={creating || editing !== null}
        schedule={editing}
        scenarios={options}
        onClose={closeForm}
        onSaved={(s) => {
          closeForm()
          setSaved(s)
        }}
      />

      <Drawer
        opened={history !== null}
        onClose={() => setHistory(null)}
        position="right"
        size="xl"
        title={history ? `Run history — ${history.name}` : ''}
        closeButtonProps={{ 'aria-label': 'Close run history' }}
      >
        {history && <RunHistory scheduleId={history.id} />}
      </Drawer>

      <ConfirmDialog
        opened={deleting !== null}
        title="Delete this schedule?"
        confirmLabel="Delete schedule"
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
              notifications.show({ message: `Schedule “${deleting.name}” deleted.` })
              setDeleting(null)
            },
          })
        }}
      >
        {deleting?.name} stops running and its run history goes with it; the reports it made are kept.
      </ConfirmDialog>
    </Stack>
  )
}
