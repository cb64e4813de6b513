import { api, unwrap } from '@/lib/api-client'
import { type Session, type SessionUser, sessionFromBody } from '@/lib/session'

export type LoginInput = { email: string; password: string }
export type RegisterInput = LoginInput & { full_name?: string }
export type ProfileInput = { full_name: string }

/** The server also sets the httpOnly refresh cookie; the refresh token in the body is ignored here. */
export async function login(input: LoginInput): Promise<Session> {
  return sessionFromBody(await unwrap(api.POST('/api/v1/auth/login', { body: input })))
}

export async function register(input: RegisterInput): Promise<Session> {
  return sessionFromBody(await unwrap(api.POST('/api/v1/auth/register', { body: input })))
}

/** Revokes this browser's refresh-token family and clears the cookie. */
export async function logout(): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/logout', { body: {} }))
}

export async function changePassword(input: {
  current_password: string
  new_password: string
}): Promise<void> {
  await unwrap(api.POST('/api/v1/auth/change-password', { body: input }))
}

/** Renames the signed-in user; answers the user as GET /auth/me does. */
export async function updateProfile(input: ProfileInput): Promise<SessionUser> {
  return unwrap(api.PATCH('/api/v1/auth/me', { body: input }))
}
