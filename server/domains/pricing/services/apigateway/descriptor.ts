import { Type } from '@sinclair/typebox'
import { count, d, hoursAt, optional, optionalHours, strict } from '../params.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { apiGatewayExamples } from './examples.js'
import { apiGatewayIngest } from './ingest.js'

/** The cache sizes a REST API stage offers, in GB; each has its own hourly rate. */
const CACHE_SIZES_GB = ['0.5', '1.6', '6.1', '13.5', '28.4', '58.2', '118', '237'] as const

/**
 * WebSocket APIs bill messages and connection minutes; REST and HTTP APIs bill requests, in the bands of the
 * month's total. A REST API stage's cache bills per hour at the rate of its size.
 */
export const apigateway = defineService({
  id: 'apigateway',
  usageTypePrefix: 'apigw',
  name: 'Amazon API Gateway',
  category: 'networking',
  description: 'REST, HTTP and WebSocket APIs, billed per million requests or messages.',
  help: 'Requests for REST and HTTP APIs; messages and connection minutes for WebSocket APIs; the hourly REST API cache.',
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
      cache_size_gb: optional(
        Type.Union(
          CACHE_SIZES_GB.map((size) => Type.Literal(size)),
          {
            title: 'Cache size (GB, REST)',
            description: 'Size of the REST API stage cache in GB, billed per hour; no cache when left out.',
          },
        ),
      ),
      cache_hours: {
        ...optionalHours,
        title: 'Cache hours per month',
        description: 'Hours the cache is provisioned per month, or {min, typical, max}; 730 when left out.',
      },
    },
    strict,
  ),
  rangedParams: ['cache_hours'],
  catalogValues: [],
  checkParams(p) {
    const details = []
    if (p.api_type !== 'websocket' && p.connection_minutes !== undefined)
      details.push({
        field: 'params.connection_minutes',
        reason: 'only websocket APIs bill connection minutes',
      })
    if (p.api_type !== 'rest' && p.cache_size_gb !== undefined)
      details.push({ field: 'params.cache_size_gb', reason: 'only REST APIs have a cache' })
    if (p.cache_size_gb === undefined && p.cache_hours !== undefined)
      details.push({ field: 'params.cache_hours', reason: 'applies with cache_size_gb' })
    return details
  },
  toUsage(p, at, sink) {
    if (p.cache_size_gb !== undefined)
      sink(`apigw.cache_hours.${p.cache_size_gb}`, d(hoursAt(p.cache_hours, at)))
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
    {
      match: 'apigw.cache_hours.*',
      unit: 'cache-hours',
      kind: 'flow',
      description: 'Hours a REST API cache is provisioned, per cache size in GB.',
    },
  ],
  ingest: apiGatewayIngest,
  sdk: [],
  // AmazonApiGateway products; a cache is `ApiGatewayCacheUsage:<size>GB`, priced per hour.
  priceList: [
    ...exactUsageTypes('AmazonApiGateway', [
      ['ApiGatewayRequest', 'apigw.requests.rest', 'requests'],
      ['ApiGatewayHttpRequest', 'apigw.requests.http', 'requests'],
      ['ApiGatewayMessage', 'apigw.messages.websocket', 'messages'],
      ['ApiGatewayMinute', 'apigw.connection_minutes.websocket', 'connection-minutes'],
    ]),
    {
      offerCode: 'AmazonApiGateway',
      awsUsageType: /^ApiGatewayCacheUsage:(\d+(?:\.\d+)?)GB$/,
      usageType: 'apigw.cache_hours.$1',
      unit: 'cache-hours',
    },
  ],
  terraform: {
    aws_api_gateway_rest_api: () => ({ params: { api_type: 'rest' as const, requests: 0 } }),
    aws_api_gateway_stage: ({ values }) => {
      const size = CACHE_SIZES_GB.find((known) => known === String(values.cache_cluster_size ?? ''))
      if (values.cache_cluster_enabled !== true) return { skip: 'no charge of its own without a cache' }
      if (!size) return { skip: 'its cache size is not in the plan' }
      // The stage's requests are priced on its REST API's item; this item prices the cache.
      return { params: { api_type: 'rest' as const, requests: 0, cache_size_gb: size } }
    },
    aws_apigatewayv2_api: ({ values }) => ({
      params:
        values.protocol_type === 'WEBSOCKET'
          ? { api_type: 'websocket' as const, requests: 0, connection_minutes: 0 }
          : { api_type: 'http' as const, requests: 0 },
    }),
  },
  examples: apiGatewayExamples,
})
