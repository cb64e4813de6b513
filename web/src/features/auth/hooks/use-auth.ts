import { useContext } from 'react'
import { AuthContext, type AuthContextValue } from '../components/auth-provider'

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth needs an <AuthProvider>')
  return value
}
