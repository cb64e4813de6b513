import { describe, expect, it } from 'vitest'
// Display names as the server publishes them (GET /pricing/services), the only place the web app reads them.
import { listServices } from '../../../../server/domains/pricing/catalog'
import { costDrivers, driverLabel } from './compare-drivers'

const names = new Map(listServices().map((service) => [service.id, service.display_name]))
const serviceLabel = (service: string) => names.get(service) ?? service

describe('cost drivers', () => {
  it('names a usage type in words, its variant in brackets', () => {
    expect(driverLabel(serviceLabel('bedrock'), 'bedrock.output_tokens.anthropic.claude-3-haiku')).toBe(
      'Bedrock output tokens (anthropic.claude-3-haiku)',
    )
    expect(driverLabel(serviceLabel('sqs'), 'sqs.requests.standard')).toBe('SQS requests (standard)')
    expect(driverLabel(serviceLabel('lambda'), 'lambda.requests')).toBe('Lambda requests')
    expect(driverLabel(serviceLabel('apigateway'), 'apigw.requests.http')).toBe('API Gateway requests (http)')
  })

  it('keeps the server order (largest impact first), drops zero deltas and stops at the limit', () => {
    const delta = {
      scenario_id: '00000000-0000-4000-8000-000000000000',
      total_delta: '272.3',
      by_service: [],
      by_usage_type: [
        { service: 'bedrock', usage_type: 'bedrock.output_tokens.m', delta: '312.4' },
        { service: 'sqs', usage_type: 'sqs.requests.standard', delta: '-40.1' },
        { service: 's3', usage_type: 's3.storage_gb_month', delta: '0' },
        { service: 'lambda', usage_type: 'lambda.requests', delta: '0.000001' },
      ],
    }
    expect(costDrivers(delta, serviceLabel)).toEqual([
      { key: 'bedrock:bedrock.output_tokens.m', label: 'Bedrock output tokens (m)', delta: '312.4' },
      { key: 'sqs:sqs.requests.standard', label: 'SQS requests (standard)', delta: '-40.1' },
      { key: 'lambda:lambda.requests', label: 'Lambda requests', delta: '0.000001' },
    ])
    expect(costDrivers(delta, serviceLabel, 1)).toHaveLength(1)
  })
})
