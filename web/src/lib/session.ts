import { env } from '@/config/env'

/**
 * The session as the browser holds it. The refresh token is an httpOnly cookie; the access token lives in
 * memory, in this tab's sessionStorage (so a reload reuses it) and is handed to the other tabs of this browser
 * over a BroadcastChannel (so a new tab reuses it): opening or reloading tabs spends no refresh while the
 * token is valid, and a refresh, login or logout in one tab reaches every tab.
 */
export type SessionUser = {
  id: string
  email: string
  full_name: string | null
  created_at: string
  last_login_at: string | null
}
/** `expiresAt`: epoch milliseconds at which the access token expires. */
export type Session = { user: SessionUser; accessToken: string; expiresIn: number; expiresAt: number }
type Listener = (session: Session | null) => void
type Message = { type: 'ask' } | { type: 'session'; session: Session | null }

const STORAGE_KEY = 'mockupaws-session'
/** How long a new tab waits for another tab to hand over its session before it refreshes itself. */
const ASK_TIMEOUT_MS = 250

let current: Session | null = null
let refreshTimer: ReturnType<typeof setTimeout> | undefined
let inFlight: Promise<Session | null> | null = null
const listeners = new Set<Listener>()
const channel: BroadcastChannel | null =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('mockupaws-session')

export function getAccessToken(): string | null {
  return current?.accessToken ?? null
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** True while the token has more than the refresh lead left: worth adopting instead of refreshing. */
function fresh(session: Session | null | undefined): session is Session {
  return !!session && session.expiresAt - Date.now() > env.refreshLeadSeconds * 1000
}

function store(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session))
    else sessionStorage.removeItem(STORAGE_KEY)
  } catch {
    // Storage disabled (private mode, quota): the tab still works, it refreshes on reload.
  }
}

function stored(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY)
    return raw ? (JSON.parse(raw) as Session) : null
  } catch {
    return null
  }
}

function apply(session: Session | null): void {
  current = session
  store(session)
  clearTimeout(refreshTimer)
  if (session) {
    const delay = Math.max(5_000, session.expiresAt - Date.now() - env.refreshLeadSeconds * 1000)
    refreshTimer = setTimeout(() => void refreshSession(), delay)
  }
  for (const listener of listeners) listener(session)
}

/** Stores a session answer of login/register/refresh (or null: signed out) here and in every other tab. */
export function setSession(session: Session | null): void {
  apply(session)
  channel?.postMessage({ type: 'session', session } satisfies Message)
}

channel?.addEventListener('message', (event: MessageEvent<Message>) => {
  const message = event.data
  if (message.type === 'ask') {
    if (fresh(current)) channel.postMessage({ type: 'session', session: current } satisfies Message)
    return
  }
  const next = message.session
  if (next === null) {
    if (current) apply(null)
  } else if (next.accessToken !== current?.accessToken && next.expiresAt >= (current?.expiresAt ?? 0)) {
    apply(next)
  }
})

type SessionBody = { user: SessionUser; access_token: string; expires_in: number }
export function sessionFromBody(body: SessionBody): Session {
  return {
    user: body.user,
    accessToken: body.access_token,
    expiresIn: body.expires_in,
    expiresAt: Date.now() + body.expires_in * 1000,
  }
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
 * refresh with the same cookie at once. A tab that gets the lock after another tab refreshed (and handed
 * the new token over) uses that token instead of refreshing again.
 */
export function refreshSession(): Promise<Session | null> {
  const stale = current?.accessToken
  inFlight ??= (async () => {
    try {
      const run = async () => {
        if (fresh(current) && current.accessToken !== stale) return current
        return postRefresh()
      }
      const session = globalThis.navigator?.locks
        ? await navigator.locks.request('mockupaws-refresh', run)
        : await run()
      if (session !== current) setSession(session)
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

/** Asks the other tabs for their session; null when none answers in time. */
function askOtherTabs(): Promise<Session | null> {
  const ch = channel
  if (!ch) return Promise.resolve(null)
  return new Promise((resolve) => {
    const done = (session: Session | null) => {
      clearTimeout(timer)
      ch.removeEventListener('message', onMessage)
      resolve(session)
    }
    const onMessage = (event: MessageEvent<Message>) => {
      if (event.data.type === 'session' && fresh(event.data.session)) done(event.data.session)
    }
    const timer = setTimeout(() => done(null), ASK_TIMEOUT_MS)
    ch.addEventListener('message', onMessage)
    ch.postMessage({ type: 'ask' } satisfies Message)
  })
}

/**
 * Checks an adopted token with GET /auth/me (a general request, not a refresh): a token the server no longer
 * accepts (the password changed in another browser) refreshes, which signs this tab out if the cookie was
 * revoked too; the answer also brings a name changed elsewhere.
 */
async function verify(session: Session): Promise<void> {
  try {
    const res = await fetch(`${env.apiBaseUrl}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
      credentials: 'same-origin',
    })
    if (res.status === 401) {
      if (current?.accessToken === session.accessToken) await refreshSession()
      return
    }
    if (!res.ok || current?.accessToken !== session.accessToken) return
    const user = (await res.json()) as SessionUser
    if (JSON.stringify(user) !== JSON.stringify(current.user)) setSession({ ...current, user })
  } catch {
    // Offline: the next request tells.
  }
}

/**
 * The session at page load: this tab's own (a reload), another tab's (a new tab), or else a refresh with
 * the cookie. Only the last one rotates the refresh token; an adopted token is checked in the background.
 */
export async function restoreSession(): Promise<Session | null> {
  const own = stored()
  const adopted = fresh(own) ? own : await askOtherTabs()
  if (fresh(adopted)) {
    if (!fresh(current)) apply(adopted)
    void verify(adopted)
    return current
  }
  // Without the server's session hint there is no refresh cookie either: a refresh could only answer 401.
  return hasSessionHint() ? refreshSession() : null
}

/** The readable companion of the httpOnly refresh cookie, set and cleared with it by the server. */
function hasSessionHint(): boolean {
  return /(?:^|;\s*)mockupaws_session=1(?:;|$)/.test(globalThis.document?.cookie ?? '')
}
