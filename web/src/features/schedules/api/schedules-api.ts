import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { api, unwrap } from '@/lib/api-client'
import type { paths } from '@/lib/api-schema.generated'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type SchedulePage = Json<paths['/api/v1/report-schedules']['get']['responses'][200]>
export type Schedule = SchedulePage['items'][number]
export type ScheduleInput = Json<NonNullable<paths['/api/v1/report-schedules']['post']['requestBody']>>
export type ScheduleUpdate = Json<NonNullable<paths['/api/v1/report-schedules/{id}']['patch']['requestBody']>>
export type RunPage = Json<paths['/api/v1/report-schedules/{id}/runs']['get']['responses'][200]>
export type ScheduleRun = RunPage['items'][number]
export type Frequency = Schedule['frequency']
export type RunStatus = ScheduleRun['status']
export type Delivery = ScheduleRun['delivery']

export const scheduleKeys = {
  all: ['schedules'] as const,
  list: (page: number, pageSize: number) => ['schedules', 'list', page, pageSize] as const,
  runs: (id: string, page: number) => ['schedules', 'runs', id, page] as const,
}

/** A run still moving: its status or its email delivery will change without the user doing anything. */
export function isRunActive(run: Pick<ScheduleRun, 'status' | 'delivery'>): boolean {
  return run.status === 'queued' || run.status === 'running' || run.delivery === 'pending'
}

const RUN_POLL_MS = 1500

export function useSchedules(page = 1, pageSize = 20) {
  return useQuery({
    queryKey: scheduleKeys.list(page, pageSize),
    queryFn: () =>
      unwrap(api.GET('/api/v1/report-schedules', { params: { query: { page, page_size: pageSize } } })),
    placeholderData: keepPreviousData,
    // last_status of a run started here moves on its own; follow it while one is in flight.
    refetchInterval: (query) =>
      query.state.data?.items.some((s) => s.last_status === 'queued' || s.last_status === 'running')
        ? RUN_POLL_MS
        : false,
  })
}

/** A schedule's run history; polled while a run is queued, running or still delivering. */
export function useScheduleRuns(id: string, page = 1, pageSize = 10) {
  const queryClient = useQueryClient()
  const runs = useQuery({
    queryKey: scheduleKeys.runs(id, page),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/report-schedules/{id}/runs', {
          params: { path: { id }, query: { page, page_size: pageSize } },
        }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isRunActive) ? RUN_POLL_MS : false),
  })
  // A run that started or finished moves the schedule's last run and status in the list too.
  const active = runs.data?.items.filter(isRunActive).length
  useEffect(() => {
    if (active !== undefined) void queryClient.invalidateQueries({ queryKey: ['schedules', 'list'] })
  }, [active, queryClient])
  return runs
}

function useScheduleMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: scheduleKeys.all }),
  })
}

export function useCreateSchedule() {
  return useScheduleMutation((body: ScheduleInput) => unwrap(api.POST('/api/v1/report-schedules', { body })))
}

export function useUpdateSchedule() {
  return useScheduleMutation(({ id, body }: { id: string; body: ScheduleUpdate }) =>
    unwrap(api.PATCH('/api/v1/report-schedules/{id}', { params: { path: { id } }, body })),
  )
}

export function useDeleteSchedule() {
  return useScheduleMutation((id: string) =>
    unwrap(api.DELETE('/api/v1/report-schedules/{id}', { params: { path: { id } } })),
  )
}

export function useRunSchedule() {
  return useScheduleMutation((id: string) =>
    unwrap(api.POST('/api/v1/report-schedules/{id}/run', { params: { path: { id } } })),
  )
}
