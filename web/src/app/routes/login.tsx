import { useNavigate, useSearchParams } from 'react-router'
import { safeNextPath } from '@/config/paths'
import { LoginForm } from '@/features/auth/components/login-form'
import { AuthLayout } from './auth-layout'

export function LoginRoute() {
  const navigate = useNavigate()
  const [params] = useSearchParams()
  return (
    <AuthLayout title="Sign in">
      <LoginForm onSuccess={() => navigate(safeNextPath(params.get('next')), { replace: true })} />
    </AuthLayout>
  )
}
