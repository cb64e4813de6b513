import { type Static, Type } from '@sinclair/typebox'
import { PaginationQueryProperties, paginated } from '../../lib/pagination.js'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'

const Frequency = Type.Union([
  Type.Literal('daily'),
  Type.Literal('weekly'),
  Type.Literal('monthly'),
  Type.Literal('cron'),
])
const Format = Type.Union([Type.Literal('pdf'), Type.Literal('csv')])
const RunStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('succeeded'),
  Type.Literal('failed'),
])

const scheduleFields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  scenario_ids: Type.Array(Uuid, { minItems: 1, maxItems: 20, uniqueItems: true }),
  formats: Type.Array(Format, { minItems: 1, maxItems: 2, uniqueItems: true }),
  frequency: Frequency,
  cron: Type.Optional(
    Nullable(Type.String({ minLength: 1, maxLength: 120, description: 'Required when frequency is cron.' })),
  ),
  timezone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Rome.' }),
  hour: Type.Integer({ minimum: 0, maximum: 23 }),
  minute: Type.Integer({ minimum: 0, maximum: 59 }),
  day_of_week: Type.Optional(
    Nullable(Type.Integer({ minimum: 0, maximum: 6, description: '0 = Sunday, as in cron.' })),
  ),
  day_of_month: Type.Optional(
    Nullable(Type.Integer({ minimum: 1, maximum: 31, description: "Clamped to the month's last day." })),
  ),
  recipients: Type.Array(Type.String({ minLength: 3, maxLength: 254 }), { minItems: 1, maxItems: 20 }),
  enabled: Type.Boolean(),
}

// Defaults on create only: the validator fills defaults in, so on PATCH they would overwrite stored values.
export const CreateScheduleBody = Type.Object(
  {
    ...scheduleFields,
    hour: Type.Integer({ ...scheduleFields.hour, default: 8 }),
    minute: Type.Integer({ ...scheduleFields.minute, default: 0 }),
    enabled: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
)
export type CreateScheduleBody = Static<typeof CreateScheduleBody>

export const UpdateScheduleBody = Type.Partial(Type.Object(scheduleFields), {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateScheduleBody = Static<typeof UpdateScheduleBody>

export const ScheduleParams = Type.Object({ id: Uuid })

export const ScheduleResponse = Type.Object({
  id: Uuid,
  name: Type.String(),
  scenario_ids: Type.Array(Uuid),
  formats: Type.Array(Format),
  frequency: Frequency,
  cron: Nullable(Type.String()),
  timezone: Type.String(),
  hour: Type.Integer(),
  minute: Type.Integer(),
  day_of_week: Nullable(Type.Integer()),
  day_of_month: Nullable(Type.Integer()),
  recipients: Type.Array(Type.String()),
  enabled: Type.Boolean(),
  next_run_at: Nullable(DateTime),
  last_run_at: Nullable(DateTime, {
    description:
      'When the newest run was queued, started or finished, whichever it did last; null before the first run.',
  }),
  last_status: Nullable(RunStatus, {
    description: 'The newest run’s status, followed while it is queued and running.',
  }),
  email_delivery: Type.Union([Type.Literal('smtp'), Type.Literal('not_configured')], {
    description:
      'not_configured: the server has no SMTP_URL, so runs make the reports but email nobody (each run’s ' +
      '`delivery` is `skipped`); the reports are on the Reports page.',
  }),
  warnings: Type.Array(Type.String(), { description: 'What will not work as the schedule reads.' }),
  created_at: DateTime,
  updated_at: DateTime,
})
export type ScheduleResponse = Static<typeof ScheduleResponse>

export const ScheduleListQuery = Type.Object(PaginationQueryProperties, { additionalProperties: false })
export const SchedulePage = paginated(ScheduleResponse)

export const RunResponse = Type.Object({
  id: Uuid,
  schedule_id: Uuid,
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
  scheduled_for: DateTime,
  status: RunStatus,
  delivery: Type.Union([
    Type.Literal('pending'),
    Type.Literal('sent'),
    Type.Literal('skipped'),
    Type.Literal('failed'),
  ]),
  delivery_attempts: Type.Integer(),
  error: Nullable(Type.String()),
  report_ids: Type.Array(Uuid),
  created_at: DateTime,
  started_at: Nullable(DateTime),
  finished_at: Nullable(DateTime),
})
export type RunResponse = Static<typeof RunResponse>
export const RunPage = paginated(RunResponse)
export const StartedRunResponse = Type.Object({ run_id: Uuid, status: RunStatus })
