import type { IncomingMessage } from 'node:http'
import type { FastifyError, FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { AppError, type ErrorDetail, internalError, unavailable } from '../errors.js'

/** PostgreSQL SQLSTATE classes and socket errors that mean "the database is gone", not "the query is wrong". */
const CONNECTION_SQLSTATE = /^(08|57P0[1-3]|53300)/
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
])
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|PGlite is closed/i

/** Walks the `cause` chain (Drizzle wraps driver errors) looking for a lost-connection signal. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || CONNECTION_SQLSTATE.test(code)))
      return true
    if (CONNECTION_MESSAGES.test(e.message)) return true
  }
  return false
}

/** Maps every error to the one error shape (docs/api.md#errors); unknown errors never leak their message, stack or SQL. */
export function toAppError(err: FastifyError | Error): AppError {
  if (err instanceof AppError) return err
  const fe = err as FastifyError
  if (fe.validation)
    return new AppError(422, 'validation_error', 'The request is not valid.', validationDetails(fe))
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'payload_too_large', 'The request body is too large.')
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'This content type is not supported here.')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'bad_request', 'The request body is empty but the content type says JSON.')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new AppError(400, 'bad_request', 'The request body is not valid JSON.')
  }
  if (err instanceof SyntaxError && fe.statusCode === 400) {
    return new AppError(400, 'bad_request', 'The request body is not valid JSON.')
  }
  if (isDatabaseUnavailable(err)) return unavailable()
  if (fe.statusCode === 400) return new AppError(400, 'bad_request', 'The request could not be read.')
  return internalError()
}

const MAX_DISCARD_BYTES = 64 * 1024 * 1024
const MAX_DISCARD_MS = 10_000

/**
 * Reads and drops what is left of a request body (at most 64 MB or 10 s; past that the socket is closed
 * anyway). Without it the server would close the connection while the client is still writing, and the
 * client would see a reset (EPIPE) instead of the 413 and its error body.
 */
function discardBody(raw: IncomingMessage): Promise<void> {
  // readableEnded: the body was read whole (a 413 for too many events), 'end' will not come again.
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    let bytes = 0
    const done = () => {
      clearTimeout(timer)
      raw.off('data', onData)
      resolve()
    }
    const onData = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > MAX_DISCARD_BYTES) done()
    }
    const timer = setTimeout(done, MAX_DISCARD_MS)
    raw.on('data', onData)
    raw.once('end', done)
    raw.once('error', done)
    raw.once('close', done)
    raw.resume()
  })
}

/** Drizzle's own message ("Failed query: …") embeds the SQL text and its parameters: log the driver's cause. */
export function describeForLog(err: Error) {
  const source = err.message.startsWith('Failed query') && err.cause instanceof Error ? err.cause : err
  return { type: source.name, code: (source as FastifyError).code, message: source.message }
}

function validationDetails(err: FastifyError): ErrorDetail[] {
  return (err.validation ?? []).slice(0, 20).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.')
    const field = [path, missing].filter(Boolean).join('.') || (err.validationContext ?? 'body')
    return { field, reason: v.message ?? 'is not valid' }
  })
}

export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const appError = toAppError(err)
    // The connection closes after a refused body: read the rest first, so a client still sending gets the 413.
    if (appError.statusCode === 413) await discardBody(req.raw)
    if (appError.statusCode >= 500) {
      req.log.error({ err: describeForLog(err) }, 'request failed')
    }
    if (appError.headers) reply.headers(appError.headers)
    // Serialised here, not by the route: a route's own schema for that status (e.g. /health's 503 body) would
    // reject the error shape and turn the answer into a 500 FST_ERR_FAILED_ERROR_SERIALIZATION.
    return reply
      .code(appError.statusCode)
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(appError.toBody()))
  })
})
