export type ShareLinkState = 'active' | 'revoked' | 'expired'

/** The expiry choices of the create dialog (the API takes 1–90 days). */
export const EXPIRY_CHOICES = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
] as const

/** Which prices a link shows; list prices by default, so negotiated rates stay private. */
export const PRICES_CHOICES = [
  { value: 'list', label: 'AWS list prices' },
  { value: 'rate_card', label: 'My rate card' },
] as const

/** What a visitor of a shared page is told about its prices. */
export function sharedPricesNote(prices: 'list' | 'rate_card'): string {
  return prices === 'list'
    ? 'At AWS list prices, before any discount of the owner.'
    : "At the owner's prices: their rate card (discounts, overrides) is applied."
}

/** The page that renders a link for a visitor without an account (the API answers its data). */
export function shareLinkPageUrl(origin: string, token: string): string {
  return `${origin}/shared/${encodeURIComponent(token)}`
}

/** The same costs as JSON, for scripts: the API of the server the page came from. */
export function shareLinkJsonUrl(origin: string, token: string): string {
  return `${origin}/api/v1/shared/${encodeURIComponent(token)}`
}

/** Revoked wins over expired: the owner's action is the news. */
export function shareLinkState(
  link: { revoked_at: string | null; expires_at: string },
  now = Date.now(),
): ShareLinkState {
  if (link.revoked_at) return 'revoked'
  return new Date(link.expires_at).getTime() <= now ? 'expired' : 'active'
}
