import { env } from '@/config/env'

/** The session as the browser holds it: the access token in memory only; the refresh token is a cookie. */
export type SessionUser = {
  id: string
  email: string
  full_name: string | null
  created_at: string
  last_login_at: string | null
}
export type Session = { user: SessionUser; accessToken: string; expiresIn: number }
type Listener = (session: Session | null) => void

let current: Session | null = null
let refreshTimer: ReturnType<typeof setTimeout> | undefined
let inFlight: Promise<Session | null> | null = null
const listeners = new Set<Listener>()

export function getAccessToken(): string | null {
  return current?.accessToken ?? null
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Stores a session answer of login/register/refresh and schedules the silent refresh before it expires. */
export function setSession(session: Session | null): void {
  current = session
  clearTimeout(refreshTimer)
  if (session) {
    const delay = Math.max(5, session.expiresIn - env.refreshLeadSeconds) * 1000
    refreshTimer = setTimeout(() => void refreshSession(), delay)
  }
  for (const listener of listeners) listener(session)
}

type SessionBody = { user: SessionUser; access_token: string; expires_in: number }
export function sessionFromBody(body: SessionBody): Session {
  return { user: body.user, accessToken: body.access_token, expiresIn: body.expires_in }
}

async function postRefresh(): Promise<Session | null> {
  const res = await fetch(`${env.apiBaseUrl}/api/v1/auth/refresh`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  if (!res.ok) return null
  return sessionFromBody((await res.json()) as SessionBody)
}

/**
 * Trades the httpOnly refresh cookie for a new access token. Tabs take turns through a Web Lock: the server
 * rotates the refresh token and treats a rotated one presented again as stolen, so two tabs must never
 * refresh with the same cookie at once.
 */
export function refreshSession(): Promise<Session | null> {
  inFlight ??= (async () => {
    try {
      const run = () => postRefresh()
      const session = globalThis.navigator?.locks
        ? await navigator.locks.request('mockupaws-refresh', run)
        : await run()
      setSession(session)
      return session
    } catch {
      // Offline: keep what we have; the next request or timer tries again.
      return current
    } finally {
      inFlight = null
    }
  })()
  return inFlight
}
