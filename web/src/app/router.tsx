import { createBrowserRouter, Outlet } from 'react-router'
import { AppLayout } from '@/components/app-layout'
import { GuestRoute, ProtectedRoute } from '@/features/auth/components/protected-route'
import { ApiKeysRoute } from './routes/api-keys'
import { DashboardRoute } from './routes/dashboard'
import { LoginRoute } from './routes/login'
import { NotFoundRoute } from './routes/not-found'
import { ProfileRoute } from './routes/profile'
import { RegisterRoute } from './routes/register'
import { ScenarioDetailRoute } from './routes/scenario-detail'
import { ScenariosRoute } from './routes/scenarios'

export const router = createBrowserRouter([
  {
    element: (
      <GuestRoute>
        <Outlet />
      </GuestRoute>
    ),
    children: [
      { path: '/login', element: <LoginRoute /> },
      { path: '/register', element: <RegisterRoute /> },
    ],
  },
  {
    element: (
      <ProtectedRoute>
        <AppLayout />
      </ProtectedRoute>
    ),
    children: [
      { index: true, element: <DashboardRoute /> },
      { path: 'scenarios', element: <ScenariosRoute /> },
      { path: 'scenarios/:id', element: <ScenarioDetailRoute /> },
      { path: 'api-keys', element: <ApiKeysRoute /> },
      { path: 'profile', element: <ProfileRoute /> },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
])
