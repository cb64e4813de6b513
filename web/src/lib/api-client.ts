import createClient, { type Middleware } from 'openapi-fetch'
import { env } from '@/config/env'
import { ApiError, toApiError } from './api-error'
import type { paths } from './api-schema.generated'
import { getAccessToken, refreshSession } from './session'

const retries = new Map<string, Request>()

/**
 * Sends the in-memory access token; on a 401 from an expired token (a laptop that slept past the silent
 * refresh) it refreshes once and replays the request.
 */
const authMiddleware: Middleware = {
  onRequest({ request, id }) {
    const token = getAccessToken()
    if (token) request.headers.set('authorization', `Bearer ${token}`)
    if (!request.url.includes('/api/v1/auth/')) retries.set(id, request.clone())
    return request
  },
  async onResponse({ response, id }) {
    const retry = retries.get(id)
    retries.delete(id)
    if (response.status !== 401 || !retry) return response
    const session = await refreshSession()
    if (!session) return response
    retry.headers.set('authorization', `Bearer ${session.accessToken}`)
    return fetch(retry)
  },
  onError({ id }) {
    retries.delete(id)
  },
}

/** The typed API client: paths and bodies come from the server's OpenAPI document (`npm run api:types`). */
export const api = createClient<paths>({ baseUrl: env.apiBaseUrl, credentials: 'same-origin' })
api.use(authMiddleware)

type FetchResult<T> = { data?: T; error?: unknown; response: Response }

/** Returns the body of a successful answer, or throws an ApiError carrying the server's code and details. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request
  if (!response.ok) throw toApiError(response.status, error)
  return data as T
}

export { ApiError }
