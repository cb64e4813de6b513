/** One `{field, reason}` of a 422 `validation_error` (docs/api.md#errors). */
export type FieldProblem = { field: string; reason: string }

/** An error answer of the API, `{error, message, details?}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
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
    return new ApiError(status, body.error, message, details)
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
