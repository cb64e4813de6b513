import { describe, expect, it } from 'vitest'
// The server's own GET /pricing/services answer, as it goes over the wire: the form reads nothing else.
import { listServices } from '../../../../server/domains/pricing/catalog'
import type { PricingServices } from './api/scenarios-api'
import {
  formatParamValue,
  formValue,
  paramFields,
  toggleRange,
  toParams,
  validateParam,
} from './service-fields'

const services: PricingServices['services'] = JSON.parse(JSON.stringify(listServices()))
const fieldsOf = (id: string) => paramFields(services.find((service) => service.id === id))
const lambda = fieldsOf('lambda')
const field = (name: string) => {
  const found = lambda.find((f) => f.name === name)
  if (!found) throw new Error(name)
  return found
}

describe('service params from the published schema', () => {
  it('gives every published service a form, labelled with titles and units, not raw keys', () => {
    for (const service of services) expect(paramFields(service).length, service.id).toBeGreaterThan(0)
    expect(lambda.map((f) => f.label)).toEqual([
      'Invocations per month',
      'Average duration (ms)',
      'Memory (MB)',
      'Architecture',
      'Ephemeral storage (MB)',
      'Provisioned concurrency',
      'Provisioned concurrency hours per month',
      'SnapStart cached version-hours',
      'SnapStart restores per month',
      'Streamed response (MB per invocation)',
      'Provisioned-mode event source',
      'Event poller unit hours',
      'Durable operations per month',
      'Durable data written (GB per month)',
      'Durable data retained (GB-months)',
      'Tenant-isolated environments created per month',
      'Compute type',
      'Managed instance type',
      'Managed instances',
      'Managed instance hours per month',
      'Deployment',
    ])
    expect(field('architecture')).toMatchObject({
      kind: 'select',
      options: ['x86_64', 'arm64'],
      required: false,
    })
    expect(fieldsOf('bedrock').find((f) => f.name === 'model')).toMatchObject({
      kind: 'select',
      required: true,
    })
  })

  it('shows a model by its name beside its id, so typing either finds it', () => {
    const model = fieldsOf('bedrock').find((f) => f.name === 'model')
    if (model?.kind !== 'select') throw new Error('model is a select')
    expect(model.options).toContain('anthropic.claude-sonnet-4-5')
    expect(model.optionLabels?.['anthropic.claude-sonnet-4-5']).toBe(
      'Claude Sonnet 4.5 · anthropic.claude-sonnet-4-5',
    )
    // every choice has its name: the catalog names each model it prices
    expect(model.options.filter((id) => !model.optionLabels?.[id])).toEqual([])
    // params without names of their own keep their values as labels
    expect(field('architecture')).not.toHaveProperty('optionLabels', expect.anything())
  })

  it('checks bounds, whole numbers and required values', () => {
    expect(validateParam(field('memory_mb'), 64)).toBe('Must be at least 128')
    expect(validateParam(field('memory_mb'), 20_000)).toBe('Must be at most 10,240')
    expect(validateParam(field('memory_mb'), 512.5)).toBe('Enter a whole number')
    expect(validateParam(field('invocations'), '')).toBe('Required')
    expect(validateParam(field('ephemeral_storage_mb'), '')).toBeNull()
    expect(validateParam(field('avg_duration_ms'), 12.5)).toBeNull()
  })

  it('offers a yes/no param as true or false and sends it as a boolean', () => {
    const firehose = fieldsOf('firehose')
    const conversion = firehose.find((f) => f.name === 'format_conversion')
    expect(conversion).toMatchObject({
      kind: 'select',
      options: ['true', 'false'],
      boolean: true,
      required: false,
    })
    if (!conversion) throw new Error('format_conversion')
    expect(toParams(firehose, { records: '10', avg_record_kb: 3, format_conversion: 'true' })).toEqual({
      records: 10,
      avg_record_kb: 3,
      format_conversion: true,
    })
    expect(toParams(firehose, { records: 10, format_conversion: 'false' })).toEqual({
      records: 10,
      format_conversion: false,
    })
    expect(formValue(conversion, true)).toBe('true')
  })

  it('leaves a name the catalog cannot list without choices, so the form takes it as text', () => {
    expect(fieldsOf('memorydb').find((f) => f.name === 'node_type')).toMatchObject({
      kind: 'select',
      options: [],
      required: true,
    })
  })

  it('drops empty optional params so the server applies its defaults', () => {
    expect(
      toParams(lambda, {
        invocations: '1000',
        avg_duration_ms: 20,
        memory_mb: 128,
        architecture: '',
        ephemeral_storage_mb: '',
      }),
    ).toEqual({
      invocations: 1000,
      avg_duration_ms: 20,
      memory_mb: 128,
    })
  })

  it('takes {min, typical, max} for counts and hours of always-on resources, dynamodb capacity, Lambda provisioned concurrency and managed instances only', () => {
    const rangeable = services.flatMap((service) =>
      paramFields(service)
        .filter((f) => f.kind === 'number' && f.rangeable)
        .map((f) => `${service.id}.${f.name}`),
    )
    expect(rangeable.sort()).toEqual([
      'apigateway.cache_hours',
      'apprunner.hours',
      'apprunner.provisioned_instances',
      'aurora.count',
      'aurora.hours',
      'dynamodb.hours',
      'dynamodb.provisioned_rcu',
      'dynamodb.provisioned_wcu',
      'ec2.count',
      'ec2.hours',
      'eks.clusters',
      'eks.hours',
      'elasticache.hours',
      'elasticache.nodes',
      'elb.hours',
      'elb.load_balancers',
      'fargate.hours',
      'fargate.tasks',
      'firehose.hours',
      'kinesis.hours',
      'kinesis.shards',
      'kinesis.streams',
      'lambda.managed_instance_hours',
      'lambda.managed_instances',
      'lambda.provisioned_concurrency',
      'lambda.provisioned_hours',
      'memorydb.hours',
      'memorydb.shards',
      'mq.hours',
      'msk.brokers',
      'msk.hours',
      'nat_gateway.gateways',
      'nat_gateway.hours',
      'opensearch.hours',
      'rds.count',
      'rds.hours',
      'secretsmanager.hours',
      'ssm.hours',
      'transit_gateway.attachments',
      'transit_gateway.hours',
      'vpc_endpoints.endpoints',
      'vpc_endpoints.hours',
    ])
  })

  it('checks each point of a range as the plain field, then min ≤ typical ≤ max', () => {
    const ec2 = fieldsOf('ec2')
    const count = ec2.find((f) => f.name === 'count')
    const hours = ec2.find((f) => f.name === 'hours')
    if (!count || !hours) throw new Error('ec2 fields')
    expect(validateParam(count, { min: 2, typical: 4, max: 10 })).toBeNull()
    expect(validateParam(count, { min: 0, typical: 4, max: 10 })).toBe('Min: must be at least 1')
    expect(validateParam(count, { min: 2, typical: 4.5, max: 10 })).toBe('Typical: enter a whole number')
    expect(validateParam(count, { min: 2, typical: 4, max: '' })).toBe('Max: required')
    expect(validateParam(count, { min: 5, typical: 4, max: 10 })).toBe('Needs min ≤ typical ≤ max')
    expect(validateParam(hours, { min: 200, typical: 400, max: 745 })).toBe('Max: must be at most 744')
    expect(validateParam(hours, { min: 200, typical: 400.5, max: 730 })).toBeNull()
    expect(
      toParams(ec2, { instance_type: 't3.micro', count: { min: '2', typical: 4, max: 10 }, hours: '' }),
    ).toEqual({
      instance_type: 't3.micro',
      count: { min: 2, typical: 4, max: 10 },
    })
  })

  it('widens a value to a range and narrows it back to typical', () => {
    expect(toggleRange(4)).toEqual({ min: 4, typical: 4, max: 4 })
    expect(toggleRange({ min: 2, typical: 4, max: 10 })).toBe(4)
    expect(formatParamValue({ min: 2, typical: 4, max: 10 }, String)).toBe('2–10 (typical 4)')
    expect(formatParamValue(730, String)).toBe('730')
  })
})
