import { describe, expect, it } from 'vitest'
import { SERVICE_FIELDS, toParams, validateParam } from './service-fields'

const lambda = SERVICE_FIELDS.lambda ?? []
const field = (name: string) => {
  const found = lambda.find((f) => f.name === name)
  if (!found) throw new Error(name)
  return found
}

describe('service params', () => {
  it('covers every service of SPEC §6', () => {
    expect(Object.keys(SERVICE_FIELDS).sort()).toEqual([
      'apigateway',
      'bedrock',
      'cloudwatch_logs',
      'data_transfer',
      'dynamodb',
      'ec2',
      'fargate',
      'lambda',
      'rds',
      's3',
      'sns',
      'sqs',
    ])
  })

  it('checks bounds, whole numbers and required values', () => {
    expect(validateParam(field('memory_mb'), 64)).toBe('Must be at least 128')
    expect(validateParam(field('memory_mb'), 20_000)).toBe('Must be at most 10,240')
    expect(validateParam(field('memory_mb'), 512.5)).toBe('Enter a whole number')
    expect(validateParam(field('invocations'), '')).toBe('Required')
    expect(validateParam(field('ephemeral_storage_mb'), '')).toBeNull()
    expect(validateParam(field('avg_duration_ms'), 12.5)).toBeNull()
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
})
