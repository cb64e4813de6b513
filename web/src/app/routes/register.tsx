import { useNavigate } from 'react-router'
import { paths } from '@/config/paths'
import { RegisterForm } from '@/features/auth/components/register-form'
import { AuthLayout } from './auth-layout'

export function RegisterRoute() {
  const navigate = useNavigate()
  return (
    <AuthLayout title="Create your account">
      <RegisterForm onSuccess={() => navigate(paths.home, { replace: true })} />
    </AuthLayout>
  )
}
