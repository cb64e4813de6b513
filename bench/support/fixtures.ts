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

/** Log lines as a backend writes them, most carrying personal data the PII scanner must find and mask. */
const LOG_LINES: ((i: number) => string)[] = [
  (i: number) => `order ${i} paid by jane.doe+${i % 97}@example.com with card 4111 1111 1111 1111`,
  (i: number) => `login ok user=${i} ip=203.0.113.${i % 250} agent="Mozilla/5.0"`,
  (i: number) => `sms sent to +44 20 7946 0${String(i % 1000).padStart(3, '0')} for order ${i}`,
  (i: number) => `GET /orders/${i} 200 in ${i % 97} ms`,
  (i: number) => `refund ${i} to IBAN GB82 WEST 1234 5698 7654 32, contact ops@example.org`,
]

/** `mixedEvent` with a log line carrying PII in place of its plain log line: what production traffic looks like. */
export function realisticEvent(i: number, timestamp: string): object {
  if (i % 8 === 2) {
    const line = LOG_LINES[i % LOG_LINES.length] as (i: number) => string
    return { type: 'log', message: line(i), level: 'info', timestamp }
  }
  return mixedEvent(i, timestamp)
}

/**
 * How a batch's timestamps spread: `live` within the last minute; `scattered` uniformly over the accepted 90
 * days; `replayed` a log read in order over 29 days (each batch a consecutive slice); `clocks` three senders
 * whose clocks are off by minutes, merged.
 */
export type BatchMix = 'live' | 'scattered' | 'replayed' | 'clocks'

const DAY_MS = 86_400_000
/** How far behind the first sender's clock each sender's is. */
const CLOCK_OFFSETS_MS = [0, 7 * 60_000, 45 * 60_000]

/** The timestamp of event `i` of body `body` (of `bodies`, each `size` events) in a mix, as epoch ms. */
export function eventTime(
  mix: BatchMix,
  now: number,
  body: number,
  bodies: number,
  i: number,
  size: number,
): number {
  switch (mix) {
    case 'live':
      return now - ((i * 7919) % 60_000)
    case 'scattered':
      // A fixed pseudo-random walk (Knuth's multiplicative hash) so runs are comparable; 89 days keeps a
      // margin inside the 90-day window for the run's own duration.
      return now - (((body * size + i) * 2654435761) % (89 * DAY_MS))
    case 'replayed': {
      const span = 29 * DAY_MS
      return now - span + Math.floor(((body * size + i) / (bodies * size)) * span)
    }
    case 'clocks':
      return now - (CLOCK_OFFSETS_MS[i % CLOCK_OFFSETS_MS.length] ?? 0) - ((i * 104729) % 5_000)
  }
}

/** `count` different NDJSON bodies of `size` realistic events each, timestamped as `mix` says. */
export function batchBodies(mix: BatchMix, size: number, count: number): string[] {
  const now = Date.now()
  return Array.from({ length: count }, (_, body) => {
    let out = ''
    for (let i = 0; i < size; i++) {
      const at = new Date(eventTime(mix, now, body, count, i, size)).toISOString()
      out += `${JSON.stringify(realisticEvent(body * size + i, at))}\n`
    }
    return out
  })
}
