import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { apiGatewayExamples } from './examples.js'

/** WebSocket APIs bill messages and connection minutes; REST and HTTP APIs bill requests. */
export const apigateway = defineService({
  id: 'apigateway',
  usageTypePrefix: 'apigw',
  name: 'Amazon API Gateway',
  category: 'networking',
  description: 'REST, HTTP and WebSocket APIs, billed per million requests or messages.',
  help: 'Requests for REST and HTTP APIs; messages and connection minutes for WebSocket APIs.',
  params: Type.Object(
    {
      api_type: Type.Union([Type.Literal('rest'), Type.Literal('http'), Type.Literal('websocket')], {
        title: 'API type',
        description: 'REST, HTTP or WebSocket API, each with its own price.',
      }),
      requests: count({
        title: 'Requests (messages for WebSocket)',
        description: 'Requests per month; messages per month for a WebSocket API.',
      }),
      connection_minutes: Type.Optional(
        count({
          title: 'Connection minutes (WebSocket)',
          description: 'WebSocket connection-minutes per month.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams(p) {
    return p.api_type !== 'websocket' && p.connection_minutes !== undefined
      ? [{ field: 'params.connection_minutes', reason: 'only websocket APIs bill connection minutes' }]
      : []
  },
  toUsage(p, _at, sink) {
    if (p.api_type === 'websocket') {
      sink('apigw.messages.websocket', d(p.requests))
      sink('apigw.connection_minutes.websocket', d(p.connection_minutes ?? 0))
    } else {
      sink(`apigw.requests.${p.api_type}`, d(p.requests))
    }
  },
  usageTypes: [
    { match: 'apigw.requests.*', unit: 'requests', kind: 'flow', description: 'REST or HTTP API requests.' },
    { match: 'apigw.messages.websocket', unit: 'messages', kind: 'flow', description: 'WebSocket messages.' },
    {
      match: 'apigw.connection_minutes.websocket',
      unit: 'connection-minutes',
      kind: 'flow',
      description: 'WebSocket connection minutes.',
    },
  ],
  ingestEvents: ['apigw.request'],
  sdk: [],
  priceList: [],
  terraform: {
    aws_api_gateway_rest_api: () => ({ params: { api_type: 'rest' as const, requests: 0 } }),
    aws_apigatewayv2_api: ({ values }) => ({
      params:
        values.protocol_type === 'WEBSOCKET'
          ? { api_type: 'websocket' as const, requests: 0, connection_minutes: 0 }
          : { api_type: 'http' as const, requests: 0 },
    }),
  },
  examples: apiGatewayExamples,
})
