/** Signs up, creates a running scenario and a write:ingest key on a running server; returns what benches need. */
export async function prepareScenario(url: string) {
  const email = `bench-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`
  const post = async (path: string, body: object, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json() as Promise<Record<string, unknown>>
  }
  const session = await post('/api/v1/auth/register', { email, password: 'bench-pass-1' })
  const auth = { authorization: `Bearer ${session.access_token}` }
  const scenario = await post('/api/v1/scenarios', { name: 'bench', region: 'us-east-1' }, auth)
  const patch = await fetch(`${url}/api/v1/scenarios/${scenario.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ status: 'running' }),
  })
  if (!patch.ok) throw new Error(`start scenario: ${patch.status}`)
  const key = await post(
    '/api/v1/api-keys',
    { name: 'bench', scopes: ['write:ingest', 'read:scenarios'] },
    auth,
  )
  return { scenarioId: String(scenario.id), apiKey: String(key.key), auth }
}

const MODELS = ['anthropic.claude-3-haiku']

/** A mixed event as a backend would send it; `i` varies sizes so metering does real work. */
export function mixedEvent(i: number, timestamp?: string): object {
  const at = timestamp ? { timestamp } : {}
  switch (i % 8) {
    case 0:
      return { type: 'sqs.send', bytes: 512 + (i % 70_000), ...at }
    case 1:
      return {
        type: 'lambda.invoke',
        duration_ms: 20 + (i % 900),
        memory_mb: 512,
        architecture: 'arm64',
        ...at,
      }
    case 2:
      return { type: 'log', message: `GET /orders/${i} 200 in ${i % 97} ms`, level: 'info', ...at }
    case 3:
      return { type: 'dynamodb.read', bytes: 300 + (i % 9000), consistent: i % 2 === 0, ...at }
    case 4:
      return { type: 's3.put', bytes: 2048 + i, ...at }
    case 5:
      return { type: 'apigw.request', api_type: 'http', bytes: 800, ...at }
    case 6:
      return { type: 'bedrock.invoke', model: MODELS[0], input_tokens: 800, output_tokens: 200, ...at }
    default:
      return { type: 'transfer.out', bytes: 4096 + i, ...at }
  }
}

export function ndjsonBatch(size: number, offset = 0, timestampFor?: (i: number) => string): string {
  let out = ''
  for (let i = 0; i < size; i++)
    out += `${JSON.stringify(mixedEvent(offset + i, timestampFor?.(offset + i)))}\n`
  return out
}
