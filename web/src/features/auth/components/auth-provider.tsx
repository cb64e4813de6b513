import { useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useEffect, useMemo, useState } from 'react'
import { refreshSession, type SessionUser, setSession, subscribeSession } from '@/lib/session'
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
 * Keeps the session across reloads: on start it trades the refresh cookie for an access token (held in
 * memory only), and follows every later refresh, expiry and logout.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const [state, setState] = useState<AuthState>({ status: 'loading', user: null })

  useEffect(() => {
    const unsubscribe = subscribeSession((session) =>
      setState(session ? { status: 'signed-in', user: session.user } : { status: 'signed-out', user: null }),
    )
    // The refresh may answer after unmount (a test's teardown, a fast route change): ignore it then.
    let mounted = true
    void refreshSession().then((session) => {
      if (mounted && !session) setState({ status: 'signed-out', user: null })
    })
    return () => {
      mounted = false
      unsubscribe()
    }
  }, [])

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
