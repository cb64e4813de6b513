import type { components } from './api-schema.generated'

/** The error codes the API declares for every route (its ErrorResponse schema). */
export type ErrorCode = components['schemas']['ErrorResponse']['error']

/** One `{field, reason}` of a 422 `validation_error`. */
export type FieldProblem = { field: string; reason: string }

/** An error answer of the API, `{error, message, details?}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's code, or `unknown_error` when the answer was not in the error shape. */
    readonly code: ErrorCode | 'unknown_error',
    message: string,
    readonly details: FieldProblem[] = [],
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

/** Reads an error body of the API; anything unexpected becomes a generic message, never raw text. */
export function toApiError(status: number, body: unknown): ApiError {
  if (isRecord(body) && typeof body.error === 'string') {
    const details = Array.isArray(body.details)
      ? body.details.filter(
          (d): d is FieldProblem =>
            isRecord(d) && typeof d.field === 'string' && typeof d.reason === 'string',
        )
      : []
    const message = typeof body.message === 'string' ? body.message : 'The request failed.'
    // The contract declares every route's errors with ErrorResponse, so `error` is one of its codes.
    return new ApiError(status, body.error as ErrorCode, message, details)
  }
  return new ApiError(status, 'unknown_error', `The server answered ${status}.`)
}

/** A message for a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message
  if (error instanceof Error && error.name === 'TypeError')
    return 'Cannot reach the server. Check your connection.'
  return 'Something went wrong.'
}
