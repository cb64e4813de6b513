/** Every error code a client can receive; the OpenAPI document publishes them as the error body's enum. */
export const ERROR_CODES = [
  'bad_request',
  'missing_token',
  'invalid_token',
  'token_expired',
  'invalid_api_key',
  'invalid_credentials',
  'insufficient_scope',
  'forbidden',
  'not_found',
  'email_already_registered',
  'conflict',
  'scenario_not_running',
  'payload_too_large',
  'unsupported_media_type',
  'validation_error',
  'idempotency_mismatch',
  'rate_limited',
  'internal_error',
  'unavailable',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export type ErrorDetail = { field: string; reason: string }

export type ErrorBody = { error: ErrorCode; message: string; details?: ErrorDetail[] }

/** An error meant for the client: its status, code and message are sent as they are. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    /** Extra response headers, e.g. Retry-After on a 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toBody(): ErrorBody {
    return this.details
      ? { error: this.code, message: this.message, details: this.details }
      : { error: this.code, message: this.message }
  }
}

export const badRequest = (message: string, details?: ErrorDetail[]) =>
  new AppError(400, 'bad_request', message, details)
export const unauthorized = (
  code: 'missing_token' | 'invalid_token' | 'token_expired' | 'invalid_api_key' | 'invalid_credentials',
  message: string,
) => new AppError(401, code, message)
export const insufficientScope = (scope: string) =>
  new AppError(403, 'insufficient_scope', `This API key lacks the "${scope}" scope.`)
export const forbidden = (message: string) => new AppError(403, 'forbidden', message)
export const notFound = (resource: string) =>
  new AppError(404, 'not_found', `${capitalise(resource)} not found.`)
export const conflict = (
  message: string,
  code: 'conflict' | 'email_already_registered' | 'scenario_not_running' = 'conflict',
) => new AppError(409, code, message)
export const payloadTooLarge = (message = 'The request body is too large.') =>
  new AppError(413, 'payload_too_large', message)
export const unsupportedMediaType = (message = 'This content type is not supported here.') =>
  new AppError(415, 'unsupported_media_type', message)
export const validationError = (details: ErrorDetail[], message = 'The request is not valid.') =>
  new AppError(422, 'validation_error', message, details)
export const idempotencyMismatch = () =>
  new AppError(
    422,
    'idempotency_mismatch',
    'This Idempotency-Key was already used with a different body; use a new key for new events.',
  )
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError(429, 'rate_limited', 'Too many requests; try again later.', undefined, {
    'retry-after': String(retryAfterSeconds),
  })
export const unavailable = () =>
  new AppError(503, 'unavailable', 'The service is temporarily unavailable; try again shortly.')
export const internalError = () => new AppError(500, 'internal_error', 'An unexpected error occurred.')

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
