import fastifyCookie from '@fastify/cookie'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { unauthorized } from '../../errors.js'
import { principalOf } from '../../plugins/auth.js'
import {
  ChangePasswordBody,
  LoginBody,
  RefreshBody,
  RegisterBody,
  SessionResponse,
  UpdateMeBody,
  UserResponse,
} from './auth.schemas.js'
import type { AuthService } from './auth.service.js'

/** Password attempts: the strict auth limit. Refresh and logout present a token: the session class. */
const authClass = { rateClass: 'auth' as const }
const sessionClass = { rateClass: 'session' as const }
const bearer = [{ bearer: [] }]
/** /auth/me also answers for an API key: it tells a machine whose key it holds. */
const bearerOrKey: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]

/** The web app's refresh token: httpOnly (no script reads it), sent only to the auth routes. */
export const REFRESH_COOKIE = 'mockupaws_refresh'
/**
 * Set and cleared with the refresh cookie, readable by the page and holding no secret ("1"): a browser with no
 * refresh cookie then skips the refresh at page load instead of earning a 401 on every signed-out page.
 */
export const SESSION_HINT_COOKIE = 'mockupaws_session'
const COOKIE_PATH = '/api/v1/auth'

type CookieOptions = { secure: boolean; maxAgeSeconds: number }

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService; cookie: CookieOptions }> = async (
  app,
  { auth, cookie },
) => {
  // Cookies are read and written only here: the plugin's hooks run for these routes alone, not every request.
  await app.register(fastifyCookie)
  /** Every new session also lands in the cookie, so a browser keeps it across reloads without storage. */
  function setRefreshCookie(reply: FastifyReply, token: string): void {
    reply.setCookie(REFRESH_COOKIE, token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    })
    reply.setCookie(SESSION_HINT_COOKIE, '1', {
      path: '/',
      sameSite: 'strict',
      secure: cookie.secure,
      maxAge: cookie.maxAgeSeconds,
    })
  }
  function clearRefreshCookie(reply: FastifyReply): void {
    reply.clearCookie(REFRESH_COOKIE, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: cookie.secure,
    })
    reply.clearCookie(SESSION_HINT_COOKIE, { path: '/', sameSite: 'strict', secure: cookie.secure })
  }
  /** The body wins (API clients); a browser sends only the cookie. */
  function presentedRefreshToken(req: FastifyRequest, body: RefreshBody | undefined): string | undefined {
    return body?.refresh_token ?? req.cookies[REFRESH_COOKIE] ?? undefined
  }

  app.post(
    '/auth/register',
    { config: authClass, schema: { tags: ['auth'], body: RegisterBody, response: { 201: SessionResponse } } },
    async (req, reply) => {
      const session = await auth.register(req.body, { ip: req.ip })
      setRefreshCookie(reply, session.refresh_token)
      return reply.code(201).send(session)
    },
  )

  app.post(
    '/auth/login',
    { config: authClass, schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionResponse } } },
    async (req, reply) => {
      const session = await auth.login(req.body, { ip: req.ip })
      setRefreshCookie(reply, session.refresh_token)
      return session
    },
  )

  app.post(
    '/auth/refresh',
    {
      config: sessionClass,
      schema: {
        tags: ['auth'],
        description: 'Rotates the refresh token from the body or, when the body has none, the cookie.',
        body: RefreshBody,
        response: { 200: SessionResponse },
      },
    },
    async (req, reply) => {
      const token = presentedRefreshToken(req, req.body)
      if (!token) throw unauthorized('missing_token', 'No refresh token was sent.')
      try {
        const session = await auth.refresh(token, { ip: req.ip })
        setRefreshCookie(reply, session.refresh_token)
        return session
      } catch (err) {
        // A dead cookie would be replayed on every page load: drop it.
        clearRefreshCookie(reply)
        throw err
      }
    },
  )

  app.post(
    '/auth/logout',
    {
      config: sessionClass,
      schema: {
        tags: ['auth'],
        description:
          'Revokes the family of the refresh token from the body or the cookie; clears the cookie.',
        body: RefreshBody,
      },
    },
    async (req, reply) => {
      const token = presentedRefreshToken(req, req.body)
      if (token) await auth.logout(token)
      clearRefreshCookie(reply)
      return reply.code(204).send()
    },
  )

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], security: bearerOrKey, response: { 200: UserResponse } },
      preHandler: app.requireAuth(),
    },
    (req) => auth.me(principalOf(req).userId),
  )

  app.patch(
    '/auth/me',
    {
      schema: {
        tags: ['auth'],
        security: bearer,
        description:
          'Changes the signed-in user’s name (trimmed, 1–255 characters); answers the user as GET /auth/me. ' +
          'Other fields are dropped. A JWT only: an API key cannot edit its owner’s account.',
        body: UpdateMeBody,
        response: { 200: UserResponse },
      },
      preHandler: app.requireAuth({ jwtOnly: true }),
    },
    (req) => auth.updateMe(principalOf(req).userId, req.body),
  )

  app.post(
    '/auth/change-password',
    {
      config: authClass,
      schema: { tags: ['auth'], security: bearer, body: ChangePasswordBody },
      preHandler: app.requireAuth({ jwtOnly: true }),
    },
    async (req, reply) => {
      await auth.changePassword(principalOf(req).userId, req.body, { ip: req.ip })
      clearRefreshCookie(reply)
      return reply.code(204).send()
    },
  )
}
