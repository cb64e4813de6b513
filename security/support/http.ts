import { randomUUID } from 'node:crypto'
import { Agent, request as httpRequest, type IncomingHttpHeaders } from 'node:http'
import { rememberSecret } from './secrets.js'

const agent = new Agent({ keepAlive: true, maxSockets: 16 })

export type HttpResponse = {
  status: number
  headers: IncomingHttpHeaders
  text: string
  /** The body's bytes, for binary answers (a PDF download). */
  raw: Buffer
  // biome-ignore lint/suspicious/noExplicitAny: a parsed JSON body is whatever the server sent
  json(): any
}

export type RequestOptions = {
  method?: string
  headers?: Record<string, string | undefined>
  /** An object is sent as JSON; a string or Buffer is sent as is. */
  body?: unknown
  timeoutMs?: number
}

/**
 * One HTTP request with full control over method, path, headers and raw body (fetch forbids some of these).
 * Network errors reject.
 */
export function request(baseUrl: string, path: string, options: RequestOptions = {}): Promise<HttpResponse> {
  const url = new URL(baseUrl)
  const headers: Record<string, string> = {}
  for (const [k, v] of Object.entries(options.headers ?? {}))
    if (v !== undefined) headers[k.toLowerCase()] = v
  let payload: Buffer | undefined
  if (options.body !== undefined) {
    if (typeof options.body === 'string' || Buffer.isBuffer(options.body)) payload = Buffer.from(options.body)
    else {
      payload = Buffer.from(JSON.stringify(options.body))
      headers['content-type'] ??= 'application/json'
    }
    headers['content-length'] = String(payload.length)
  }
  return new Promise((resolveResponse, reject) => {
    const req = httpRequest(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: options.method ?? 'GET',
        path,
        headers,
        timeout: options.timeoutMs ?? 30_000,
      },
      (res) => {
        const parts: Buffer[] = []
        res.on('data', (d: Buffer) => parts.push(d))
        res.on('end', () => {
          const raw = Buffer.concat(parts)
          const text = raw.toString('utf8')
          resolveResponse({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            raw,
            json: () => JSON.parse(text),
          })
        })
        res.on('error', reject)
      },
    )
    req.on('timeout', () => req.destroy(new Error(`timeout: ${options.method ?? 'GET'} ${path}`)))
    req.on('error', reject)
    req.end(payload)
  })
}

/** A client bound to one server. */
export function client(baseUrl: string) {
  return (path: string, options?: RequestOptions) => request(baseUrl, path, options)
}
export type Client = ReturnType<typeof client>

export type User = {
  id: string
  email: string
  password: string
  accessToken: string
  refreshToken: string
  auth: { authorization: string }
}

let counter = 0

/** Registers a unique user through the API; its password and tokens go into the secret ledger. */
export async function registerUser(
  http: Client,
  headers: Record<string, string> = {},
  overrides: { email?: string; password?: string } = {},
): Promise<User> {
  counter += 1
  const email = overrides.email ?? `sec${counter}-${randomUUID().slice(0, 8)}@example.com`
  const password = overrides.password ?? `Pw0-${randomUUID()}`
  rememberSecret(password)
  const res = await http('/api/v1/auth/register', {
    method: 'POST',
    headers,
    body: { email, password, full_name: `Security ${counter}` },
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${res.text}`)
  const body = res.json()
  rememberSecret(body.access_token)
  rememberSecret(body.refresh_token)
  return {
    id: body.user.id,
    email: body.user.email,
    password,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    auth: { authorization: `Bearer ${body.access_token}` },
  }
}

export type ApiKey = { id: string; key: string; keyPrefix: string; auth: { 'x-api-key': string } }

export async function createApiKey(
  http: Client,
  user: User,
  scopes: string[],
  extra: Record<string, unknown> = {},
): Promise<ApiKey> {
  const res = await http('/api/v1/api-keys', {
    method: 'POST',
    headers: user.auth,
    body: { name: `key ${scopes.join(' ')}`.slice(0, 100), scopes, ...extra },
  })
  if (res.status !== 201) throw new Error(`api key create failed: ${res.status} ${res.text}`)
  const body = res.json()
  rememberSecret(body.key)
  return { id: body.id, key: body.key, keyPrefix: body.key_prefix, auth: { 'x-api-key': body.key } }
}

export async function createScenario(
  http: Client,
  user: User,
  options: { running?: boolean; name?: string } = {},
): Promise<string> {
  const res = await http('/api/v1/scenarios', {
    method: 'POST',
    headers: user.auth,
    body: { name: options.name ?? `Scenario ${randomUUID().slice(0, 6)}`, region: 'us-east-1' },
  })
  if (res.status !== 201) throw new Error(`scenario create failed: ${res.status} ${res.text}`)
  const id = res.json().id as string
  if (options.running) {
    const patch = await http(`/api/v1/scenarios/${id}`, {
      method: 'PATCH',
      headers: user.auth,
      body: { status: 'running' },
    })
    if (patch.status !== 200) throw new Error(`scenario start failed: ${patch.status} ${patch.text}`)
  }
  return id
}

export async function createItem(http: Client, user: User, scenarioId: string): Promise<string> {
  const res = await http(`/api/v1/scenarios/${scenarioId}/items`, {
    method: 'POST',
    headers: user.auth,
    body: { service: 's3', params: { storage_gb: 10, put_requests: 1000, get_requests: 5000 } },
  })
  if (res.status !== 201) throw new Error(`item create failed: ${res.status} ${res.text}`)
  return res.json().id as string
}

/** An error body of docs/api.md: code and message, nothing else that could leak (no stack, SQL, path, request id). */
export function expectErrorShape(res: HttpResponse): { error: string; message: string } {
  const body = res.json()
  const allowed = new Set(['error', 'message', 'details'])
  for (const key of Object.keys(body)) if (!allowed.has(key)) throw new Error(`unexpected error field ${key}`)
  if (typeof body.error !== 'string' || typeof body.message !== 'string')
    throw new Error(`not an error body: ${res.text}`)
  if (
    /\n\s*at |\((?:file:\/\/)?\/[^)]*:\d+:\d+\)|node_modules|\/work\/|dist\/server|select .* from|insert into|postgres|pglite/i.test(
      res.text,
    )
  )
    throw new Error(`error body leaks internals: ${res.text}`)
  return body
}
