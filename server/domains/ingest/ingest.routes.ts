import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { AppError } from '../../errors.js'
import { sha256Hex } from '../../lib/hash.js'
import { nulInJson } from '../../lib/nul-text.js'
import { principalOf } from '../../plugins/auth.js'
import {
  CLOUDEVENTS_BATCH_CONTENT_TYPE,
  CLOUDEVENTS_CONTENT_TYPE,
  cloudEventsFormatOf,
} from './cloudevents.js'
import {
  IngestBodyDoc,
  IngestHeaders,
  IngestResponse,
  MetricsParams,
  MetricsQuery,
  MetricsResponse,
} from './ingest.schemas.js'
import type { IngestService } from './ingest.service.js'
import type { ScenarioMetricsService } from './scenario-metrics.service.js'

/** 5 MB: the ingest body limit (docs/api.md) (everything else has 1 MB). */
export const INGEST_BODY_LIMIT = 5 * 1024 * 1024

/**
 * POST /ingest. Registered in its own encapsulated context so only these parsers apply: JSON and NDJSON;
 * `text/plain` (which Fastify accepts by default) and every other type get 415.
 */
/** The 422 for an NDJSON body with a NUL in a string of some line (`line.N.path`), else undefined. */
function nulInNdjson(text: string): AppError | undefined {
  if (!text.includes('\\u0000')) return undefined
  const lines = text.split('\n')
  for (const [i, line] of lines.entries()) {
    try {
      const nul = nulInJson(line, JSON.parse(line), `line.${i + 1}`)
      if (nul) return nul
    } catch {
      // A line that is not JSON is reported by the NDJSON parser.
    }
  }
  return undefined
}

/**
 * SHA-256 of each raw body that carries an Idempotency-Key, taken by the parsers (the handler only sees the
 * parsed value): a reused key with another body is refused. Bodies without a key are not hashed.
 */
const bodyHashes = new WeakMap<FastifyRequest, string>()
function rememberBodyHash(req: FastifyRequest, body: string): void {
  if (req.headers['idempotency-key']) bodyHashes.set(req, sha256Hex(body))
}

export const ingestRoutes: FastifyPluginAsyncTypebox<{
  ingest: IngestService
  metrics: ScenarioMetricsService
}> = async (app, { ingest, metrics }) => {
  app.get(
    '/scenarios/:id/metrics',
    {
      schema: {
        tags: ['ingest'],
        description:
          'Live counters: totals, a per-bucket series (default span: 6 h of minutes, 7 days of hours, 90 days of days, ' +
          'ending at the last event), metered usage and PII findings (masked).',
        security: [{ bearer: [] }, { apiKey: [] }],
        params: MetricsParams,
        querystring: MetricsQuery,
        response: { 200: MetricsResponse },
      },
      preHandler: app.requireAuth({ scope: 'read:scenarios' }),
    },
    (req) => metrics.get(principalOf(req).userId, req.params.id, req.query.bucket, req.query),
  )

  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    rememberBodyHash(req, body as string)
    let value: unknown
    try {
      value = JSON.parse(body as string)
    } catch {
      const error = Object.assign(new SyntaxError('invalid JSON'), { statusCode: 400 })
      return done(error, undefined)
    }
    const nul = nulInJson(body as string, value)
    return nul ? done(nul, undefined) : done(null, value)
  })
  app.addContentTypeParser('application/x-ndjson', { parseAs: 'string' }, (req, body, done) => {
    rememberBodyHash(req, body as string)
    done(nulInNdjson(body as string) ?? null, body)
  })
  // CloudEvents 1.0 JSON, structured (one event) and batched (an array): docs/cloudevents.md.
  for (const type of [CLOUDEVENTS_CONTENT_TYPE, CLOUDEVENTS_BATCH_CONTENT_TYPE]) {
    app.addContentTypeParser(type, { parseAs: 'string' }, (req, body, done) => {
      rememberBodyHash(req, body as string)
      let value: unknown
      try {
        value = JSON.parse(body as string)
      } catch {
        return done(Object.assign(new SyntaxError('invalid JSON'), { statusCode: 400 }), undefined)
      }
      const nul = nulInJson(body as string, value)
      return nul ? done(nul, undefined) : done(null, value)
    })
  }

  app.post(
    '/ingest',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      config: { rateClass: 'ingest' },
      schema: {
        tags: ['ingest'],
        security: [{ apiKey: [] }, { bearer: [] }],
        headers: IngestHeaders,
        body: IngestBodyDoc,
        response: { 200: IngestResponse },
      },
      preHandler: app.requireAuth({ scope: 'write:ingest' }),
    },
    async (req) => {
      const principal = principalOf(req)
      const isNdjson = (req.headers['content-type'] ?? '').startsWith('application/x-ndjson')
      const cloudEvents = cloudEventsFormatOf(req.headers['content-type'])
      return ingest.ingest({
        userId: principal.userId,
        apiKeyId: principal.apiKeyId ?? null,
        body: req.body,
        format: isNdjson ? 'ndjson' : (cloudEvents ?? 'json'),
        bytes: isNdjson ? Buffer.byteLength(String(req.body)) : Number(req.headers['content-length'] ?? 0),
        scenarioHeader: req.headers['x-scenario-id'],
        idempotencyKey: req.headers['idempotency-key'],
        bodyHash: bodyHashes.get(req),
      })
    },
  )
}
