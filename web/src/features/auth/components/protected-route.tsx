import type { ReactNode } from 'react'
import { Navigate, useLocation, useSearchParams } from 'react-router'
import { LoadingState } from '@/components/page-states'
import { paths, safeNextPath } from '@/config/paths'
import { useAuth } from '../hooks/use-auth'

/** A signed-out visitor goes to the login page, which brings them back here afterwards. */
export function ProtectedRoute({ children }: { children: ReactNode }) {
  const { status } = useAuth()
  const location = useLocation()
  if (status === 'loading') return <LoadingState label="Restoring your session…" />
  if (status === 'signed-out') {
    const next = encodeURIComponent(`${location.pathname}${location.search}`)
    return <Navigate to={`${paths.login}?next=${next}`} replace />
  }
  return children
}

/** Login and register: a signed-in user goes on to the page they asked for (or the dashboard). */
export function GuestRoute({ children }: { children: ReactNode }) {
  const { status } = useAuth()
  const [params] = useSearchParams()
  if (status === 'loading') return <LoadingState label="Restoring your session…" />
  if (status === 'signed-in') return <Navigate to={safeNextPath(params.get('next'))} replace />
  return children
}
