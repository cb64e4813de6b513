import { useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { restoreSession, type Session, type SessionUser, setSession, subscribeSession } from '@/lib/session'
import * as authApi from '../api/auth-api'

export type AuthState =
  | { status: 'loading'; user: null }
  | { status: 'signed-in'; user: SessionUser }
  | { status: 'signed-out'; user: null }

export type AuthContextValue = AuthState & {
  login: (input: authApi.LoginInput) => Promise<void>
  register: (input: authApi.RegisterInput) => Promise<void>
  logout: () => Promise<void>
  /** Renames the signed-in user; the header and every reader of `user` show the new name at once. */
  updateProfile: (input: authApi.ProfileInput) => Promise<void>
}

export const AuthContext = createContext<AuthContextValue | null>(null)

/**
 * Keeps the session across reloads and tabs: on start it reuses this tab's or another tab's access token, or
 * trades the refresh cookie for one (lib/session.ts), and follows every later refresh, expiry and logout,
 * in this tab or another.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null })
  const userId = useRef<string | null>(null)

  useEffect(() => {
    const follow = (session: Session | null) => {
      // Another tab signed out or in as someone else: nothing cached for the previous user may show.
      const next = session?.user.id ?? null
      if (userId.current !== null && userId.current !== next) queryClient.clear()
      userId.current = next
      setState(session ? { status: 'signed-in', user: session.user } : { status: 'signed-out', user: null })
    }
    const unsubscribe = subscribeSession(follow)
    // The refresh may answer after unmount (a test's teardown, a fast route change): ignore it then. The
    // session may also have arrived from another tab before this subscribed: the answer is followed too.
    let mounted = true
    void restoreSession().then((session) => {
      if (mounted) follow(session)
    })
    return () => {
      mounted = false
      unsubscribe()
    }
  }, [queryClient])

  const login = useCallback(async (input: authApi.LoginInput) => setSession(await authApi.login(input)), [])
  const register = useCallback(
    async (input: authApi.RegisterInput) => setSession(await authApi.register(input)),
    [],
  )
  const logout = useCallback(async () => {
    try {
      await authApi.logout()
    } finally {
      setSession(null)
      queryClient.clear()
    }
  }, [queryClient])

  // The user lives in this state (from the session answers), not in a query: the answer replaces it here,
  // and the next silent refresh brings the same name from the server.
  const updateProfile = useCallback(async (input: authApi.ProfileInput) => {
    const user = await authApi.updateProfile(input)
    setState((current) => (current.status === 'signed-in' ? { status: 'signed-in', user } : current))
  }, [])

  const value = useMemo(
    () => ({ ...state, login, register, logout, updateProfile }),
    [state, login, register, logout, updateProfile],
  )
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}
