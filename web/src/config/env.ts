/** The API lives on the same origin (served by `mockupaws serve`, or proxied by `npm run dev:web`). */
export const env = {
  apiBaseUrl: globalThis.location?.origin ?? 'http://localhost',
  /** Refresh the access token this many seconds before it expires. */
  refreshLeadSeconds: 60,
} as const
