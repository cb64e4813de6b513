import { type Static, Type } from '@sinclair/typebox'
import { PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'

export const ReportFormat = Type.Union([Type.Literal('pdf'), Type.Literal('csv')])
export type ReportFormat = Static<typeof ReportFormat>
export const ReportStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('ready'),
  Type.Literal('failed'),
])

export const ScenarioParams = Type.Object({ id: Uuid })
export const ReportParams = Type.Object({ id: Uuid })

export const CreateReportBody = Type.Object({ format: ReportFormat }, { additionalProperties: false })

export const ReportResponse = Type.Object({
  id: Uuid,
  scenario_id: Uuid,
  format: ReportFormat,
  status: ReportStatus,
  file_name: Nullable(Type.String()),
  size_bytes: Nullable(Type.Integer()),
  error: Nullable(Type.String({ description: 'Why the report failed, when it did.' })),
  attempts: Type.Integer(),
  created_at: DateTime,
  completed_at: Nullable(DateTime),
  expires_at: Nullable(DateTime),
  schedule_run_id: Nullable(Uuid),
})
export type ReportResponse = Static<typeof ReportResponse>

export const QueuedReportResponse = Type.Object({ id: Uuid, status: Type.Literal('queued') })

export const ReportListQuery = Type.Object(
  { ...PaginationQueryProperties, scenario_id: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type ReportListQuery = Static<typeof ReportListQuery>
export const ReportPage = paginated(ReportResponse)
