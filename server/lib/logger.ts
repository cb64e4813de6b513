import type { Writable } from 'node:stream'
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

/**
 * Standard output written once per event-loop turn: the lines of every request answered in a turn go out in
 * one system call (under load, a dozen or more), and a line is never held past the turn that wrote it, so an
 * operator tailing the log, or a test reading it, sees it at once. Writes stay synchronous (pino's default):
 * measured per line, that is cheaper than handing each chunk to libuv's thread pool (docs/PERFORMANCE.md).
 */
function bufferedStdout(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: true, minLength: 4096 })
  // pino registers an exit flush only for asynchronous destinations: what the last turn wrote goes out here.
  process.on('exit', () => stdout.flushSync())
  let flushScheduled = false
  const flush = () => {
    flushScheduled = false
    stdout.flush()
  }
  return {
    write(line: string) {
      stdout.write(line)
      if (!flushScheduled) {
        flushScheduled = true
        setImmediate(flush)
      }
    },
  }
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

type LogArgs = Parameters<pino.LogFn>

/**
 * A request's logger, made into a pino child (request id bound, the route's level) on its first line. Most
 * requests write nothing but their access line (plugins/access-log.ts), and a pino child built for every
 * request, with its bindings serialised through redaction, cost more than routing it (docs/PERFORMANCE.md).
 */
export class RequestLogger {
  private made: Logger | undefined

  constructor(
    private readonly parent: Logger,
    private readonly bindings: pino.Bindings,
    private readonly options: pino.ChildLoggerOptions,
  ) {}

  private get logger(): Logger {
    this.made ??= this.parent.child(this.bindings, this.options)
    return this.made
  }

  get level(): pino.LevelWithSilentOrString {
    return this.made?.level ?? this.options.level ?? this.parent.level
  }

  isLevelEnabled(level: pino.Level): boolean {
    const threshold = this.parent.levels.values[this.level]
    const value = this.parent.levels.values[level]
    return threshold !== undefined && value !== undefined && value >= threshold
  }

  fatal(...args: LogArgs) {
    this.logger.fatal(...args)
  }
  error(...args: LogArgs) {
    this.logger.error(...args)
  }
  warn(...args: LogArgs) {
    this.logger.warn(...args)
  }
  info(...args: LogArgs) {
    this.logger.info(...args)
  }
  debug(...args: LogArgs) {
    this.logger.debug(...args)
  }
  trace(...args: LogArgs) {
    this.logger.trace(...args)
  }
  silent(...args: LogArgs) {
    this.logger.silent(...args)
  }
  child(bindings: pino.Bindings, options?: pino.ChildLoggerOptions): Logger {
    return this.logger.child(bindings, options)
  }
}

/**
 * Readable lines (time, level, message, fields) written to `output`, for a developer's terminal: pino-pretty,
 * a development dependency. Undefined when it is not installed (a production install), so the caller keeps
 * JSON lines.
 */
export async function prettyDestination(
  output: Writable = process.stdout,
): Promise<pino.DestinationStream | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty')
    return pretty({
      destination: output,
      colorize: output === process.stdout,
      // An access line reads "GET /api/v1/scenarios 200 request completed" and its time; others keep their fields.
      messageFormat: '{if req.method}{req.method} {req.url} {res.statusCode}{end}{if msg} {msg}{end}',
      ignore: 'pid,hostname,reqId,req,res',
      singleLine: true,
    })
  } catch {
    return undefined
  }
}

/** JSON lines in production and whenever standard output is not a terminal; readable lines otherwise. */
export async function serverLogDestination(production: boolean): Promise<pino.DestinationStream | undefined> {
  return production || !process.stdout.isTTY ? undefined : prettyDestination()
}
