import { hostname } from 'node:os'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LogController } from 'fastify'
import pino, { type Logger } from 'pino'
import { loggableUrl, type RequestLogger } from '../lib/logger.js'

const LEVEL = { info: pino.levels.values.info, error: pino.levels.values.error } as const

/**
 * The access log: one line per request, written once the response is sent, with what an operator needs to
 * follow a request (its id, method, URL made safe by `loggableUrl`, client address, status, time taken).
 *
 * Fastify's default writes two lines per request ("incoming request" and "request completed") through pino's
 * redaction and serializers, which made logging two thirds of the empty route's cost. This line has a fixed
 * shape and holds no header or body, so it is put together here as the same JSON line pino would write
 * (level, time, pid, hostname, then the fields) and handed to the logger's own destination, in order with
 * its other lines (docs/PERFORMANCE.md). A route that asks for a quieter level (`logLevel`) is not logged.
 */
export class AccessLog extends LogController {
  private readonly destination: pino.DestinationStream
  private readonly bindings: string

  constructor(logger: Logger) {
    super()
    const destination = (logger as unknown as Record<symbol, pino.DestinationStream | undefined>)[
      pino.symbols.streamSym
    ]
    if (!destination) throw new Error('the logger has no destination to share')
    this.destination = destination
    this.bindings = `,"pid":${process.pid},"hostname":${JSON.stringify(hostname())}`
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const level = error ? 'error' : 'info'
    if (!(request.log as unknown as Pick<RequestLogger, 'isLevelEnabled'>).isLevelEnabled(level)) return
    // The message only: a stack trace never reaches a log line (docs/SECURITY.md).
    const outcome = error
      ? `,"err":{"message":${JSON.stringify(error.message)}},"msg":"request errored"`
      : ',"msg":"request completed"'
    const port = request.socket?.remotePort
    this.destination.write(
      `{"level":${LEVEL[level]},"time":${Date.now()}${this.bindings},"reqId":${JSON.stringify(request.id)}` +
        `,"req":{"method":${JSON.stringify(request.method)},"url":${JSON.stringify(loggableUrl(request.url))}` +
        `,"host":${JSON.stringify(request.host)},"remoteAddress":${JSON.stringify(request.ip)}` +
        `${port === undefined ? '' : `,"remotePort":${port}`}},"res":{"statusCode":${reply.statusCode}}` +
        `,"responseTime":${reply.elapsedTime}${outcome}}\n`,
    )
  }
}
