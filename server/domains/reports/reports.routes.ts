import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { principalOf } from '../../plugins/auth.js'
import {
  CreateReportBody,
  QueuedReportResponse,
  ReportListQuery,
  ReportPage,
  ReportParams,
  ReportResponse,
  ScenarioParams,
} from './reports.schemas.js'
import type { ReportService } from './reports.service.js'

const tags = ['reports']
const security: { [scheme: string]: string[] }[] = [{ bearer: [] }, { apiKey: [] }]

export const reportRoutes: FastifyPluginAsyncTypebox<{ reports: ReportService }> = async (
  app,
  { reports },
) => {
  app.post(
    '/scenarios/:id/reports',
    {
      schema: {
        tags,
        security,
        params: ScenarioParams,
        body: CreateReportBody,
        response: { 202: QueuedReportResponse },
      },
      preHandler: app.requireAuth({ scope: 'write:reports' }),
    },
    async (req, reply) =>
      reply
        .code(202)
        .send(
          await reports.create(
            principalOf(req).userId,
            req.params.id,
            req.body.format,
            undefined,
            req.body.what_if,
          ),
        ),
  )

  app.get(
    '/scenarios/:id/reports',
    {
      schema: {
        tags,
        security,
        params: ScenarioParams,
        querystring: ReportListQuery,
        response: { 200: ReportPage },
      },
      preHandler: app.requireAuth({ scope: 'read:reports' }),
    },
    (req) => reports.list(principalOf(req).userId, { ...req.query, scenario_id: req.params.id }),
  )

  app.get(
    '/reports',
    {
      schema: { tags, security, querystring: ReportListQuery, response: { 200: ReportPage } },
      preHandler: app.requireAuth({ scope: 'read:reports' }),
    },
    (req) => reports.list(principalOf(req).userId, req.query),
  )

  app.get(
    '/reports/:id',
    {
      schema: { tags, security, params: ReportParams, response: { 200: ReportResponse } },
      preHandler: app.requireAuth({ scope: 'read:reports' }),
    },
    (req) => reports.get(principalOf(req).userId, req.params.id),
  )

  app.get(
    '/reports/:id/download',
    {
      schema: {
        tags,
        security,
        params: ReportParams,
        description: 'The file (PDF or CSV) of a ready report.',
      },
      preHandler: app.requireAuth({ scope: 'read:reports' }),
    },
    async (req, reply) => {
      const file = await reports.download(principalOf(req).userId, req.params.id)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(file.content)
    },
  )

  app.delete(
    '/reports/:id',
    {
      schema: { tags, security, params: ReportParams },
      preHandler: app.requireAuth({ scope: 'write:reports' }),
    },
    async (req, reply) => {
      await reports.remove(principalOf(req).userId, req.params.id)
      return reply.code(204).send()
    },
  )
}
