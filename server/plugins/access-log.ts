import type { FastifyReply, FastifyRequest } from 'fastify'
import { LogController } from 'fastify'
import type { Logger } from 'pino'

/**
 * The access log: one line per request at `info`, written once the response is sent, with what an operator
 * needs to follow a request (its id, method, URL made safe by the `req` serializer, client address, status,
 * time taken). Fastify's default writes two lines per request ("incoming request" and "request completed"),
 * which doubled the logging cost of every request; the line goes through `createAccessLogger`, which skips
 * redaction (docs/PERFORMANCE.md). A route that asks for a quieter level (`logLevel`) is not logged.
 */
export class AccessLog extends LogController {
  constructor(private readonly log: Logger) {
    super()
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const level = error ? 'error' : 'info'
    if (!(request.log as Logger).isLevelEnabled(level)) return
    const line = {
      reqId: request.id,
      req: request,
      res: { statusCode: reply.statusCode },
      responseTime: reply.elapsedTime,
      // The message only: a stack trace never reaches a log line (docs/SECURITY.md).
      ...(error && { err: { message: error.message } }),
    }
    this.log[level](line, error ? 'request errored' : 'request completed')
  }
}
