import { type Static, Type } from '@sinclair/typebox'

export const IngestHeaders = Type.Object({
  'x-scenario-id': Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'The scenario to ingest into (or `scenario_id` in a JSON body).',
    }),
  ),
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 255,
      description: 'A repeated key for the same scenario replays the first answer.',
    }),
  ),
})
export type IngestHeaders = Static<typeof IngestHeaders>

/** Documentation only: the route parses its own body (JSON or NDJSON) and validates every event itself. */
export const IngestBodyDoc = Type.Unknown({
  description:
    'application/json: one event or {"events": [...], "scenario_id"?}; application/x-ndjson: one event per line. ' +
    'At most 10,000 events and 5 MB. Event types and fields: docs/metering.md.',
})

export const IngestResponse = Type.Object({
  accepted: Type.Integer(),
  scenario_id: Type.String({ format: 'uuid' }),
  batch_id: Type.String({ format: 'uuid' }),
})
export type IngestResponse = Static<typeof IngestResponse>

export const MetricsParams = Type.Object({ id: Type.String({ format: 'uuid' }) })
export const MetricsQuery = Type.Object({
  bucket: Type.Union([Type.Literal('minute'), Type.Literal('hour'), Type.Literal('day')], {
    default: 'minute',
  }),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
})

const Counts = Type.Record(Type.String(), Type.Integer())
export const MetricsResponse = Type.Object({
  bucket: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  totals: Type.Object({ events: Type.Integer(), by_type: Counts }),
  series: Type.Array(Type.Object({ bucket_start: Type.String({ format: 'date-time' }), by_type: Counts })),
  usage: Type.Array(Type.Object({ usage_type: Type.String(), quantity: Type.String(), unit: Type.String() })),
  pii: Type.Object({
    total: Type.Integer(),
    by_kind: Counts,
    samples: Type.Array(
      Type.Object({
        kind: Type.String(),
        masked: Type.String(),
        seen_at: Type.String({ format: 'date-time' }),
      }),
    ),
  }),
})
