/** Every scope an API key can carry (docs/api.md#authentication); a JWT session holds all of them. */
export const SCOPES = [
  'read:scenarios',
  'write:scenarios',
  'write:ingest',
  'read:reports',
  'write:reports',
  'read:schedules',
  'write:schedules',
] as const

export type Scope = (typeof SCOPES)[number]
