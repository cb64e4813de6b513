import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import {
  CreateScheduleBody,
  RunPage,
  ScheduleListQuery,
  SchedulePage,
  ScheduleParams,
  ScheduleResponse,
  StartedRunResponse,
  UpdateScheduleBody,
} from './schedules.schemas.js'
import type { ScheduleService } from './schedules.service.js'

const tags = ['report-schedules']
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]

export const scheduleRoutes: FastifyPluginAsyncTypebox<{ schedules: ScheduleService }> = async (
  app,
  { schedules },
) => {
  const read = app.requireAuth({ scope: 'read:schedules' })
  const write = app.requireAuth({ scope: 'write:schedules' })
  // Saving or running a schedule mails reports of the scenarios' costs: that needs the right to read reports.
  const mailing = app.requireAuth({ scope: 'write:schedules', alsoNeeds: 'read:reports' })

  app.post(
    '/report-schedules',
    {
      schema: { tags, security, body: CreateScheduleBody, response: { 201: ScheduleResponse } },
      preHandler: mailing,
    },
    async (req, reply) => reply.code(201).send(await schedules.create(principalOf(req).userId, req.body)),
  )

  app.get(
    '/report-schedules',
    {
      schema: { tags, security, querystring: ScheduleListQuery, response: { 200: SchedulePage } },
      preHandler: read,
    },
    (req) => schedules.list(principalOf(req).userId, req.query),
  )

  app.get(
    '/report-schedules/:id',
    {
      schema: { tags, security, params: ScheduleParams, response: { 200: ScheduleResponse } },
      preHandler: read,
    },
    (req) => schedules.get(principalOf(req).userId, req.params.id),
  )

  app.patch(
    '/report-schedules/:id',
    {
      schema: {
        tags,
        security,
        params: ScheduleParams,
        body: UpdateScheduleBody,
        response: { 200: ScheduleResponse },
      },
      preHandler: mailing,
    },
    (req) => schedules.update(principalOf(req).userId, req.params.id, req.body),
  )

  app.delete(
    '/report-schedules/:id',
    { schema: { tags, security, params: ScheduleParams }, preHandler: write },
    async (req, reply) => {
      await schedules.remove(principalOf(req).userId, req.params.id)
      return reply.code(204).send()
    },
  )

  app.post(
    '/report-schedules/:id/run',
    {
      schema: { tags, security, params: ScheduleParams, response: { 202: StartedRunResponse } },
      preHandler: mailing,
    },
    async (req, reply) =>
      reply.code(202).send(await schedules.runNow(principalOf(req).userId, req.params.id)),
  )

  app.get(
    '/report-schedules/:id/runs',
    {
      schema: {
        tags,
        security,
        params: ScheduleParams,
        querystring: ScheduleListQuery,
        response: { 200: RunPage },
      },
      preHandler: read,
    },
    (req) => schedules.runs(principalOf(req).userId, req.params.id, req.query),
  )
}
