import { type Static, Type } from '@sinclair/typebox'
import { SCOPES } from './scopes.js'

const ScopeSchema = Type.Union(
  SCOPES.map((s) => Type.Literal(s)),
  { description: 'One of the API key scopes (docs/api.md#authentication).' },
)
const Timestamp = Type.String({ format: 'date-time' })
const NullableTimestamp = Type.Union([Timestamp, Type.Null()])

export const ApiKeyParams = Type.Object({ id: Type.String({ format: 'uuid' }) })

export const CreateApiKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(ScopeSchema, { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
    expires_days: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 365,
        description: 'Lifetime in days (1–365); omit for a key that does not expire.',
      }),
    ),
  },
  { additionalProperties: false },
)
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>

/** What a list or a read shows: never the key, never its hash. */
export const ApiKeyResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  key_prefix: Type.String(),
  scopes: Type.Array(ScopeSchema),
  created_at: Timestamp,
  expires_at: NullableTimestamp,
  last_used_at: NullableTimestamp,
  revoked_at: NullableTimestamp,
})
export type ApiKeyResponse = Static<typeof ApiKeyResponse>

/** Create and rotate answers: the only time the whole key is shown. */
export const CreatedApiKeyResponse = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  key: Type.String({ description: 'The whole key. Shown once: store it now.' }),
  key_prefix: Type.String(),
  scopes: Type.Array(ScopeSchema),
  expires_at: NullableTimestamp,
  created_at: Timestamp,
})
export type CreatedApiKeyResponse = Static<typeof CreatedApiKeyResponse>

export const ApiKeyListQuery = Type.Object({
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  page_size: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
})
export type ApiKeyListQuery = Static<typeof ApiKeyListQuery>

export const ApiKeyListResponse = Type.Object({
  items: Type.Array(ApiKeyResponse),
  total: Type.Integer(),
  page: Type.Integer(),
  page_size: Type.Integer(),
})
