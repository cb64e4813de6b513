/** Every scope an API key can carry (SPEC §5); a JWT session holds all of them. */
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
