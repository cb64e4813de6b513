import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import {
  ApiKeyListQuery,
  ApiKeyListResponse,
  ApiKeyParams,
  ApiKeyResponse,
  CreateApiKeyBody,
  CreatedApiKeyResponse,
} from './api-keys.schemas.js'
import type { ApiKeyService } from './api-keys.service.js'

const tags = ['api-keys']
const security = [{ bearer: [] }]

/** Key management is for signed-in people only: an API key can never manage keys. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeyService }> = async (
  app,
  { apiKeys },
) => {
  const jwtOnly = app.requireAuth({ jwtOnly: true })

  app.post(
    '/api-keys',
    {
      schema: { tags, security, body: CreateApiKeyBody, response: { 201: CreatedApiKeyResponse } },
      preHandler: jwtOnly,
    },
    async (req, reply) => reply.code(201).send(await apiKeys.create(principalOf(req).userId, req.body)),
  )

  app.get(
    '/api-keys',
    {
      schema: { tags, security, querystring: ApiKeyListQuery, response: { 200: ApiKeyListResponse } },
      preHandler: jwtOnly,
    },
    (req) => apiKeys.list(principalOf(req).userId, req.query.page, req.query.page_size),
  )

  app.get(
    '/api-keys/:id',
    {
      schema: { tags, security, params: ApiKeyParams, response: { 200: ApiKeyResponse } },
      preHandler: jwtOnly,
    },
    (req) => apiKeys.get(principalOf(req).userId, req.params.id),
  )

  app.delete(
    '/api-keys/:id',
    { schema: { tags, security, params: ApiKeyParams }, preHandler: jwtOnly },
    async (req, reply) => {
      await apiKeys.revoke(principalOf(req).userId, req.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/api-keys/:id/rotate',
    {
      schema: { tags, security, params: ApiKeyParams, response: { 201: CreatedApiKeyResponse } },
      preHandler: jwtOnly,
    },
    async (req, reply) => reply.code(201).send(await apiKeys.rotate(principalOf(req).userId, req.params.id)),
  )
}
