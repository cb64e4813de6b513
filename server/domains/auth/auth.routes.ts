import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import {
  ChangePasswordBody,
  LoginBody,
  RefreshBody,
  RegisterBody,
  SessionResponse,
  UserResponse,
} from './auth.schemas.js'
import type { AuthService } from './auth.service.js'

const authClass = { rateClass: 'auth' as const }
const bearer = [{ bearer: [] }]

export const authRoutes: FastifyPluginAsyncTypebox<{ auth: AuthService }> = async (app, { auth }) => {
  app.post(
    '/auth/register',
    { config: authClass, schema: { tags: ['auth'], body: RegisterBody, response: { 201: SessionResponse } } },
    async (req, reply) => reply.code(201).send(await auth.register(req.body, { ip: req.ip })),
  )

  app.post(
    '/auth/login',
    { config: authClass, schema: { tags: ['auth'], body: LoginBody, response: { 200: SessionResponse } } },
    (req) => auth.login(req.body, { ip: req.ip }),
  )

  app.post(
    '/auth/refresh',
    { config: authClass, schema: { tags: ['auth'], body: RefreshBody, response: { 200: SessionResponse } } },
    (req) => auth.refresh(req.body.refresh_token, { ip: req.ip }),
  )

  app.post(
    '/auth/logout',
    { config: authClass, schema: { tags: ['auth'], body: RefreshBody } },
    async (req, reply) => {
      await auth.logout(req.body.refresh_token)
      return reply.code(204).send()
    },
  )

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], security: bearer, response: { 200: UserResponse } },
      preHandler: app.requireAuth(),
    },
    (req) => auth.me(principalOf(req).userId),
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
      return reply.code(204).send()
    },
  )
}
