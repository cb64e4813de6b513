import type { Client } from './http.js'

// biome-ignore lint/suspicious/noExplicitAny: JSON Schema fragments from the OpenAPI document
type Schema = any

export type Operation = {
  method: string
  /** OpenAPI form, `/api/v1/scenarios/{id}`. */
  path: string
  params: string[]
  /** Declares a security requirement (bearer or API key). */
  isProtected: boolean
  acceptsApiKey: boolean
  bodySchema?: Schema
  querySchema: Record<string, Schema>
  /** Query parameters the route requires. */
  requiredQuery: string[]
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete']

/** Every documented operation of the running server, read from /docs/json: new routes are included as added. */
export async function loadOperations(
  http: Client,
  headers: Record<string, string> = {},
): Promise<Operation[]> {
  const res = await http('/docs/json', { headers })
  if (res.status !== 200) throw new Error(`/docs/json answered ${res.status}`)
  const doc = res.json()
  const operations: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Schema>>)) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      const security = (op.security ?? []) as Array<Record<string, unknown>>
      const parameters = (op.parameters ?? []) as Schema[]
      const querySchema: Record<string, Schema> = {}
      const requiredQuery: string[] = []
      for (const p of parameters) {
        if (p.in !== 'query') continue
        querySchema[p.name] = p.schema
        if (p.required) requiredQuery.push(p.name)
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ''),
        isProtected: security.length > 0,
        acceptsApiKey: security.some((s) => 'apiKey' in s),
        bodySchema: op.requestBody?.content?.['application/json']?.schema,
        querySchema,
        requiredQuery,
      })
    }
  }
  return operations
}

/** Fills `{name}` placeholders; values are percent-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`)
    return encodeURIComponent(value)
  })
}

/** `?name=value` for each query parameter the route requires (smallest valid values), or '' when none. */
export function minimalQuery(op: Operation): string {
  const query = new URLSearchParams()
  for (const name of op.requiredQuery) query.set(name, String(minimalValue(op.querySchema[name])))
  const text = query.toString()
  return text ? `?${text}` : ''
}

/**
 * The smallest body that passes a route's JSON Schema, so an authorization check reaches the handler (an
 * ownership 404) rather than stopping at validation. Service-level rules may still reject it later.
 */
export function minimalValue(schema: Schema): unknown {
  if (!schema || typeof schema !== 'object') return null
  if (schema.const !== undefined) return schema.const
  if (Array.isArray(schema.enum)) return schema.enum[0]
  for (const key of ['anyOf', 'oneOf']) {
    const first = (schema[key] as Schema[] | undefined)?.find((s) => s.type !== 'null')
    if (first) return minimalValue(first)
  }
  if (schema.default !== undefined) return schema.default
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const name of (schema.required ?? []) as string[])
        out[name] = minimalValue(schema.properties?.[name])
      // A partial update (minProperties, nothing required) needs some field: the first ones it lists.
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        if (Object.keys(out).length >= (schema.minProperties ?? 0)) break
        out[name] = minimalValue(property as Schema)
      }
      return out
    }
    case 'array': {
      const n = schema.minItems ?? 0
      return Array.from({ length: n }, () => minimalValue(schema.items))
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1
    case 'boolean':
      return false
    case 'string':
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000'
      if (schema.format === 'date-time') return new Date().toISOString()
      if (schema.format === 'email') return 'someone@example.com'
      return 'x'.repeat(Math.max(1, schema.minLength ?? 1))
    default:
      return {}
  }
}
