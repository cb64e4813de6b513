import { type AppError, validationError } from '../errors.js'

/** JSON text can only carry U+0000 escaped (a raw NUL byte is invalid JSON). */
const NUL_ESCAPE = '\\u0000'

/** Dotted path of the first key or string value holding U+0000 in a parsed value ('' for the value itself). */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\0') ? path : undefined
  if (typeof value !== 'object' || value === null) return undefined
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key
    if (key.includes('\0')) return itemPath
    const found = nulPath(item, itemPath)
    if (found !== undefined) return found
  }
  return undefined
}

export function nulError(field: string): AppError {
  return validationError([{ field: field || 'body', reason: 'must not contain the NUL character (U+0000)' }])
}

/**
 * The 422 for a parsed JSON body whose text carries a NUL, else undefined. PostgreSQL cannot store U+0000 in
 * text, so such input would fail deep in a write. The substring search over the raw text costs next to nothing;
 * the parsed value is only walked when it hits.
 */
export function nulInJson(text: string, parsed: unknown, prefix = 'body'): AppError | undefined {
  if (!text.includes(NUL_ESCAPE)) return undefined
  const path = nulPath(parsed)
  return path === undefined ? undefined : nulError(path ? `${prefix}.${path}` : prefix)
}
