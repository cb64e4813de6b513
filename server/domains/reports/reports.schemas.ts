import { type Static, Type } from '@sinclair/typebox'
import { PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'
import { CostsQuery } from '../scenarios/scenarios.schemas.js'

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

/** The what-if fields of the costs query, same ranges; a report asks for one projection or none. */
export const ReportWhatIfBody = Type.Pick(CostsQuery, ['scale', 'growth_pct_per_month', 'months'], {
  additionalProperties: false,
  description:
    'Adds a what-if section (docs/what-if-and-sharing.md): scale (default 1), growth_pct_per_month (default 0) ' +
    'and months (default 12), as in GET /scenarios/:id/costs. Without it the report has no what-if section.',
})
export type ReportWhatIfBody = Static<typeof ReportWhatIfBody>

/** The what-if of a report as stored, defaults applied. */
export const ReportWhatIf = Type.Object({
  scale: Type.Number(),
  growth_pct_per_month: Type.Number(),
  months: Type.Integer(),
})
export type ReportWhatIf = Static<typeof ReportWhatIf>

export const CreateReportBody = Type.Object(
  { format: ReportFormat, what_if: Type.Optional(ReportWhatIfBody) },
  { additionalProperties: false },
)
export type CreateReportBody = Static<typeof CreateReportBody>

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
  what_if: Nullable(ReportWhatIf),
})
export type ReportResponse = Static<typeof ReportResponse>

export const QueuedReportResponse = Type.Object({ id: Uuid, status: Type.Literal('queued') })

export const ReportListQuery = Type.Object(
  { ...PaginationQueryProperties, scenario_id: Type.Optional(Uuid) },
  { additionalProperties: false },
)
export type ReportListQuery = Static<typeof ReportListQuery>
export const ReportPage = paginated(ReportResponse)
