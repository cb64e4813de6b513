import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { env } from '@/config/env'
import { api, unwrap } from '@/lib/api-client'
import { toApiError } from '@/lib/api-error'
import type { paths } from '@/lib/api-schema.generated'
import { getAccessToken, refreshSession } from '@/lib/session'

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never
export type ReportPage = Json<paths['/api/v1/reports']['get']['responses'][200]>
export type Report = ReportPage['items'][number]
export type ReportFormat = Report['format']
export type ReportStatus = Report['status']
export type CreateReportInput = Json<
  NonNullable<paths['/api/v1/scenarios/{id}/reports']['post']['requestBody']>
>

export const reportKeys = {
  all: ['reports'] as const,
  list: (scenarioId: string | undefined, page: number, pageSize: number) =>
    ['reports', 'list', scenarioId ?? 'all', page, pageSize] as const,
}

/** While a report is queued or running its list is polled, so its status turns to ready by itself. */
export const REPORT_POLL_MS = 1500

export function isPending(report: Pick<Report, 'status'>): boolean {
  return report.status === 'queued' || report.status === 'running'
}

/** Reports of one scenario, or all of the user's reports when `scenarioId` is undefined. */
export function useReports(scenarioId: string | undefined, page = 1, pageSize = 10) {
  return useQuery({
    queryKey: reportKeys.list(scenarioId, page, pageSize),
    queryFn: () =>
      unwrap(
        scenarioId
          ? api.GET('/api/v1/scenarios/{id}/reports', {
              params: { path: { id: scenarioId }, query: { page, page_size: pageSize } },
            })
          : api.GET('/api/v1/reports', { params: { query: { page, page_size: pageSize } } }),
      ),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some(isPending) ? REPORT_POLL_MS : false),
  })
}

export function useCreateReport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ scenarioId, ...body }: { scenarioId: string } & CreateReportInput) =>
      unwrap(api.POST('/api/v1/scenarios/{id}/reports', { params: { path: { id: scenarioId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  })
}

export function useDeleteReport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/reports/{id}', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: reportKeys.all }),
  })
}

async function fetchReportFile(id: string, token: string | null): Promise<Response> {
  return fetch(`${env.apiBaseUrl}/api/v1/reports/${encodeURIComponent(id)}/download`, {
    credentials: 'same-origin',
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
}

/**
 * Downloads a ready report. The download needs the bearer token, which a plain link cannot send, so the
 * file is fetched, turned into a blob URL and saved through a temporary `<a download>`.
 */
export async function downloadReport(report: Pick<Report, 'id' | 'file_name' | 'format'>): Promise<void> {
  let res = await fetchReportFile(report.id, getAccessToken())
  if (res.status === 401) {
    const session = await refreshSession()
    if (session) res = await fetchReportFile(report.id, session.accessToken)
  }
  if (!res.ok) {
    const body = await res.json().catch(() => null)
    throw toApiError(res.status, body)
  }
  const blob = await res.blob()
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = report.file_name ?? `report-${report.id}.${report.format}`
  document.body.append(link)
  link.click()
  link.remove()
  // Give the browser a moment to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
