import { ApiError, errorMessage } from './api-error'

type FieldErrorSetter = { setFieldError: (path: string, error: string) => void }

/**
 * Puts a 422's `details` on the matching form fields (`params.memory_mb` included) and returns the message
 * for the form's alert: the server's sentence, so a person reads why it failed.
 */
export function applyServerErrors(form: FieldErrorSetter, error: unknown, fields: readonly string[]): string {
  if (error instanceof ApiError) {
    for (const detail of error.details) {
      if (fields.includes(detail.field) || detail.field.startsWith('params.')) {
        form.setFieldError(detail.field, capitalise(detail.reason))
      }
    }
    const unplaced = error.details.filter((d) => !fields.includes(d.field) && !d.field.startsWith('params.'))
    if (unplaced.length > 0)
      return `${error.message} ${unplaced.map((d) => `${d.field}: ${d.reason}`).join('; ')}`
  }
  return errorMessage(error)
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
