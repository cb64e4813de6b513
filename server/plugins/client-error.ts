import { randomUUID } from 'node:crypto'
import type { Socket } from 'node:net'
import type { FastifyBaseLogger } from 'fastify'
import type { ErrorBody } from '../errors.js'

/** What Node's HTTP parser reports, and the answer it gets: a status and a body in our error shape. */
function answerFor(code: string | undefined): { status: number; reason: string; body: ErrorBody } {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return {
      status: 408,
      reason: 'Request Timeout',
      body: { error: 'bad_request', message: 'The request took too long to arrive.' },
    }
  if (code === 'HPE_HEADER_OVERFLOW')
    return {
      status: 431,
      reason: 'Request Header Fields Too Large',
      body: { error: 'bad_request', message: 'The request headers are too large.' },
    }
  return {
    status: 400,
    reason: 'Bad Request',
    body: { error: 'bad_request', message: 'The request is not valid HTTP.' },
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refuses (a NUL in a header, both Content-Length
 * and Transfer-Encoding, a bad request line…) never reaches a route or a hook, so it is answered here with our
 * error shape, the security headers and a request id, and logged with that id; then the connection closes.
 */
export function clientErrorHandler(headers: Record<string, string>, logger: FastifyBaseLogger) {
  return (err: NodeJS.ErrnoException, socket: Socket): void => {
    if (err.code === 'ECONNRESET' || socket.destroyed) return
    const requestId = randomUUID()
    const { status, reason, body } = answerFor(err.code)
    logger.info({ reqId: requestId, code: err.code, statusCode: status }, 'malformed request refused')
    if (socket.writable) {
      const payload = JSON.stringify(body)
      const lines = [
        `HTTP/1.1 ${status} ${reason}`,
        ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
        `x-request-id: ${requestId}`,
        'content-type: application/json; charset=utf-8',
        `content-length: ${Buffer.byteLength(payload)}`,
        'connection: close',
      ]
      socket.end(`${lines.join('\r\n')}\r\n\r\n${payload}`)
    }
    socket.destroySoon()
  }
}
