import { type ComponentType, lazy, type ReactNode, Suspense } from 'react'
import { createBrowserRouter, Outlet } from 'react-router'
import { AppLayout } from '@/components/app-layout'
import { LoadingState } from '@/components/page-states'
import { GuestRoute, ProtectedRoute } from '@/features/auth/components/protected-route'
import { LoginRoute } from './routes/login'

/**
 * Only the sign-in page is in the first download; every other page is its own chunk (React.lazy), so the
 * login route stays under its JavaScript budget (bench/web-bundle.bench.ts).
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ReactNode {
  const Page = lazy(() => load().then((module) => ({ default: pick(module) })))
  return (
    <Suspense fallback={<LoadingState />}>
      <Page />
    </Suspense>
  )
}

export const router = createBrowserRouter([
  // A share link's public page: outside both the guest and the signed-in layouts, no navigation.
  {
    path: '/shared/:token',
    element: page(
      () => import('./routes/shared'),
      (m) => m.SharedRoute,
    ),
  },
  {
    element: (
      <GuestRoute>
        <Outlet />
      </GuestRoute>
    ),
    children: [
      { path: '/login', element: <LoginRoute /> },
      {
        path: '/register',
        element: page(
          () => import('./routes/register'),
          (m) => m.RegisterRoute,
        ),
      },
    ],
  },
  {
    element: (
      <ProtectedRoute>
        <AppLayout />
      </ProtectedRoute>
    ),
    children: [
      {
        index: true,
        element: page(
          () => import('./routes/dashboard'),
          (m) => m.DashboardRoute,
        ),
      },
      {
        path: 'scenarios',
        element: page(
          () => import('./routes/scenarios'),
          (m) => m.ScenariosRoute,
        ),
      },
      {
        path: 'scenarios/:id',
        element: page(
          () => import('./routes/scenario-detail'),
          (m) => m.ScenarioDetailRoute,
        ),
      },
      {
        path: 'compare',
        element: page(
          () => import('./routes/compare'),
          (m) => m.CompareRoute,
        ),
      },
      {
        path: 'reports',
        element: page(
          () => import('./routes/reports'),
          (m) => m.ReportsRoute,
        ),
      },
      {
        path: 'schedules',
        element: page(
          () => import('./routes/schedules'),
          (m) => m.SchedulesRoute,
        ),
      },
      {
        path: 'rate-card',
        element: page(
          () => import('./routes/rate-card'),
          (m) => m.RateCardRoute,
        ),
      },
      {
        path: 'api-keys',
        element: page(
          () => import('./routes/api-keys'),
          (m) => m.ApiKeysRoute,
        ),
      },
      {
        path: 'profile',
        element: page(
          () => import('./routes/profile'),
          (m) => m.ProfileRoute,
        ),
      },
      {
        path: '*',
        element: page(
          () => import('./routes/not-found'),
          (m) => m.NotFoundRoute,
        ),
      },
    ],
  },
])
