import pino, { type Logger } from 'pino'

/** Paths pino replaces with "[redacted]": credentials never reach a log line, whatever logs them. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.current_password',
  '*.new_password',
  '*.access_token',
  '*.refresh_token',
  '*.token',
  '*.key',
  '*.api_key',
  '*.secret',
  'password',
  'token',
  'key',
]

/** A share-link token in a path (`/shared/<token>`, `/api/v1/shared/<token>`): only its first 12 characters stay. */
const SHARED_TOKEN = /(\/shared\/[^/?#]{0,12})[^/?#]*/

/**
 * The request URL as logged: share-link tokens cut to the prefix the owner's link list shows, and query values
 * dropped (names kept), since a query can carry a credential (`?api_key=…`) or personal data. Most URLs have
 * neither and are returned as they are.
 */
export function loggableUrl(url: string): string {
  const queryAt = url.indexOf('?')
  let path = queryAt === -1 ? url : url.slice(0, queryAt)
  if (path.includes('/shared/')) path = path.replace(SHARED_TOKEN, '$1…')
  if (queryAt === -1) return path
  const names = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => pair.split('=', 1)[0])
    .filter(Boolean)
  return `${path}?${names.map((name) => `${name}=`).join('&')}`
}

type LoggedRequest = {
  method: string
  url: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}

/** Fastify's own request serializer, with the URL made safe to log. */
function serializeRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: loggableUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }
}

/** How long a log line may wait in the stdout buffer before it is written. */
const FLUSH_INTERVAL_MS = 500

/**
 * Standard output in chunks of at least 4 KiB, or every FLUSH_INTERVAL_MS when traffic is light: under load,
 * logging costs one system call per dozen lines instead of one per line. Writes stay synchronous (pino's
 * default): measured per line, that is cheaper than handing each chunk to libuv's thread pool
 * (docs/PERFORMANCE.md). pino flushes what is left when the process exits.
 */
function bufferedStdout(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: 4096 })
  setInterval(() => stdout.flush(), FLUSH_INTERVAL_MS).unref()
  return stdout
}

/** The server's logger: JSON lines, credentials redacted, to `destination` or buffered standard output. */
export function createLogger(level: string, destination: pino.DestinationStream = bufferedStdout()): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { req: serializeRequest },
    },
    destination,
  )
}
