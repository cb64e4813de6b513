import { countChunks, KIB, readBytes, readEnum } from '../ingest-fields.js'
import type { IngestEventBase, IngestSpecs, MeterSink, ProblemSink, RawEvent } from '../service-descriptor.js'

export type ApiType = 'rest' | 'http' | 'websocket'

export interface ApiGatewayEvent extends IngestEventBase {
  type: 'apigw.request'
  apiType: ApiType
  bytes: number
}

const API_TYPES: readonly ApiType[] = ['rest', 'http', 'websocket']
/** HTTP APIs meter requests in 512 KB increments. */
const HTTP_API_CHUNK_BYTES = 512 * KIB
/** WebSocket APIs meter messages in 32 KB increments. */
const WEBSOCKET_CHUNK_BYTES = 32 * KIB

function readApiGatewayRequest(
  type: 'apigw.request',
  raw: RawEvent,
  time: number | undefined,
  problems: ProblemSink,
): ApiGatewayEvent {
  return {
    type,
    time,
    apiType: readEnum(raw, 'api_type', API_TYPES, problems, true) ?? 'rest',
    bytes: readBytes(raw, problems, false),
  }
}

/**
 * API Gateway: a REST API call is one request whatever its size; an HTTP API call is metered in 512 KB
 * increments (513 KB is two requests); a WebSocket message is metered in 32 KB increments.
 */
function meterApiGatewayRequest(event: ApiGatewayEvent, sink: MeterSink): void {
  switch (event.apiType) {
    case 'rest':
      sink('apigw.requests.rest', 1)
      return
    case 'http':
      sink('apigw.requests.http', countChunks(event.bytes, HTTP_API_CHUNK_BYTES))
      return
    case 'websocket':
      sink('apigw.messages.websocket', countChunks(event.bytes, WEBSOCKET_CHUNK_BYTES))
      return
  }
}

export const apiGatewayIngest: IngestSpecs<ApiGatewayEvent> = {
  'apigw.request': {
    read: readApiGatewayRequest,
    meter: meterApiGatewayRequest,
    sample: { api_type: 'rest' },
  },
}
