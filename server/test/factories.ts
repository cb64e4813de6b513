import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'

export type TestUser = {
  id: string
  email: string
  password: string
  accessToken: string
  refreshToken: string
  /** `{ authorization: 'Bearer …' }` for app.inject. */
  headers: { authorization: string }
}

let counter = 0

/** Registers a unique user through the real API and returns its credentials. */
export async function createUser(
  app: FastifyInstance,
  overrides: { email?: string; password?: string; full_name?: string } = {},
): Promise<TestUser> {
  counter += 1
  const email = overrides.email ?? `user${counter}-${randomUUID().slice(0, 8)}@example.com`
  const password = overrides.password ?? `Passw0rd-${randomUUID().slice(0, 8)}`
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { email, password, full_name: overrides.full_name ?? `Test User ${counter}` },
  })
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`)
  const body = res.json()
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    headers: { authorization: `Bearer ${body.access_token}` },
  }
}

export type TestApiKey = { id: string; key: string; keyPrefix: string; headers: { 'x-api-key': string } }

/** Creates an API key for `user` through the real API. */
export async function createApiKey(
  app: FastifyInstance,
  user: TestUser,
  body: { name?: string; scopes: string[]; expires_days?: number },
): Promise<TestApiKey> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/api-keys',
    headers: user.headers,
    payload: { name: body.name ?? 'test key', ...body },
  })
  if (res.statusCode !== 201) throw new Error(`api key create failed: ${res.statusCode} ${res.body}`)
  const created = res.json()
  return {
    id: created.id,
    key: created.key,
    keyPrefix: created.key_prefix,
    headers: { 'x-api-key': created.key },
  }
}

/** Creates a scenario through the API; `status: 'running'` moves it there so it accepts ingest. */
export async function createScenario(
  app: FastifyInstance,
  user: TestUser,
  body: { name?: string; region?: string; status?: 'draft' | 'running'; include_free_tier?: boolean } = {},
): Promise<{ id: string }> {
  const { status, ...fields } = body
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/scenarios',
    headers: user.headers,
    payload: {
      name: fields.name ?? `Scenario ${randomUUID().slice(0, 6)}`,
      region: fields.region ?? 'us-east-1',
      ...fields,
    },
  })
  if (res.statusCode !== 201) throw new Error(`scenario create failed: ${res.statusCode} ${res.body}`)
  const id = res.json().id as string
  if (status === 'running') {
    const patch = await app.inject({
      method: 'PATCH',
      url: `/api/v1/scenarios/${id}`,
      headers: user.headers,
      payload: { status: 'running' },
    })
    if (patch.statusCode !== 200) throw new Error(`scenario start failed: ${patch.statusCode} ${patch.body}`)
  }
  return { id }
}

/** `call(method, url, payload?)` against `/api/v1` as `user`, through app.inject. */
export function callerAs(app: FastifyInstance, user: TestUser) {
  return (method: string, url: string, payload?: unknown) =>
    app.inject({
      method: method as 'GET',
      url: `/api/v1${url}`,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    })
}
