import { type Static, Type } from '@sinclair/typebox'
import { DateTime, Nullable, Uuid } from '../../lib/schema-types.js'
import { CostsResponse } from '../scenarios/scenarios.schemas.js'

export const SharedPrices = Type.Union([Type.Literal('list'), Type.Literal('rate_card')], {
  description:
    "Which prices the link shows: `list`, AWS list prices (the default: an owner's negotiated rates stay " +
    "private), or `rate_card`, the owner's rate card as the scenario is priced.",
})

export const CreateShareLinkBody = Type.Object(
  {
    expires_days: Type.Integer({ minimum: 1, maximum: 90, description: 'Days until the link expires.' }),
    prices: Type.Optional(SharedPrices),
  },
  { additionalProperties: false },
)
export type CreateShareLinkBody = Static<typeof CreateShareLinkBody>

export const ShareLinkParams = Type.Object({ id: Uuid, link_id: Uuid })

export const CreatedShareLinkResponse = Type.Object({
  id: Uuid,
  token: Type.String({ description: 'Shown once; only its SHA-256 is stored.' }),
  url: Type.String({ description: 'The web page of this link: the read-only cost view, no sign-in.' }),
  api_url: Type.String({ description: 'The same costs as JSON, for scripts.' }),
  expires_at: DateTime,
  prices: SharedPrices,
})
export type CreatedShareLinkResponse = Static<typeof CreatedShareLinkResponse>

export const ShareLinkResponse = Type.Object({
  id: Uuid,
  token_prefix: Type.String({ description: 'First 12 characters of the token, to recognise it.' }),
  created_at: DateTime,
  expires_at: DateTime,
  revoked_at: Nullable(DateTime),
  is_active: Type.Boolean({ description: 'Neither revoked nor expired.' }),
  prices: SharedPrices,
})
export type ShareLinkResponse = Static<typeof ShareLinkResponse>

export const ShareLinkList = Type.Object({ items: Type.Array(ShareLinkResponse) })
export type ShareLinkList = Static<typeof ShareLinkList>

export const SharedParams = Type.Object({ token: Type.String({ maxLength: 200 }) })

export const SharedScenarioResponse = Type.Object({
  name: Type.String(),
  region: Type.String(),
  prices: SharedPrices,
  costs: CostsResponse,
})
export type SharedScenarioResponse = Static<typeof SharedScenarioResponse>
