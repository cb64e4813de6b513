import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import { CostsQuery, ScenarioParams } from '../scenarios/scenarios.schemas.js'
import {
  CreatedShareLinkResponse,
  CreateShareLinkBody,
  SharedParams,
  SharedScenarioResponse,
  ShareLinkList,
  ShareLinkParams,
} from './share-links.schemas.js'
import type { ShareLinkService } from './share-links.service.js'

const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]
const tags = ['share-links']

export const shareLinkRoutes: FastifyPluginAsyncTypebox<{ shareLinks: ShareLinkService }> = async (
  app,
  { shareLinks },
) => {
  const read = app.requireAuth({ scope: 'read:scenarios' })
  const write = app.requireAuth({ scope: 'write:scenarios' })
  // A link shows the scenario's costs to anyone holding it: creating one needs the right to read them.
  const create = app.requireAuth({ scope: 'write:scenarios', alsoNeeds: 'read:scenarios' })
  const userOf = (req: Parameters<typeof principalOf>[0]) => principalOf(req).userId

  app.post(
    '/scenarios/:id/share-links',
    {
      schema: {
        tags,
        security,
        description: 'A read-only link to the costs of this scenario; the token is shown once.',
        params: ScenarioParams,
        body: CreateShareLinkBody,
        response: { 201: CreatedShareLinkResponse },
      },
      preHandler: create,
    },
    async (req, reply) => reply.code(201).send(await shareLinks.create(userOf(req), req.params.id, req.body)),
  )

  app.get(
    '/scenarios/:id/share-links',
    {
      schema: { tags, security, params: ScenarioParams, response: { 200: ShareLinkList } },
      preHandler: read,
    },
    (req) => shareLinks.list(userOf(req), req.params.id),
  )

  app.delete(
    '/scenarios/:id/share-links/:link_id',
    { schema: { tags, security, params: ShareLinkParams }, preHandler: write },
    async (req, reply) => {
      await shareLinks.revoke(userOf(req), req.params.id, req.params.link_id)
      return reply.code(204).send()
    },
  )

  // Public: the token is the only credential. Request logging is off for this route (warn and above only),
  // so the token in the path never reaches a log line.
  app.get(
    '/shared/:token',
    {
      logLevel: 'warn',
      schema: {
        tags,
        description:
          "A shared scenario's name, region and costs answer (same query as /scenarios/:id/costs). No " +
          'authentication; an unknown, revoked or expired token is 404. Rate limited per IP (general class).',
        params: SharedParams,
        querystring: CostsQuery,
        response: { 200: SharedScenarioResponse },
      },
    },
    (req) => shareLinks.view(req.params.token, req.query),
  )
}
