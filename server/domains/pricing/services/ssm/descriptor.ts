import { Type } from '@sinclair/typebox'
import { count, countHours, d, optionalHours, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { ssmIngest } from './ingest.js'

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * AWS Systems Manager Parameter Store. Standard parameters are free; each advanced parameter is billed per hour
 * stored ($0.00007 in the Price List, which the pricing page rounds to $0.05 a month). API interactions (GetParameter, GetParameters, PutParameter, ...) are billed
 * per 10,000 when they touch an advanced parameter, or for any parameter once higher throughput is turned on for
 * the account and Region; standard parameters at standard throughput interact free.
 */
export const ssm = defineService({
  id: 'ssm',
  usageTypePrefix: 'ssm',
  name: 'AWS Systems Manager Parameter Store',
  category: 'management',
  description: 'Configuration and secret parameters, billed per advanced parameter and per API interaction.',
  help:
    'Advanced parameters stored over the month and the API interactions that are billed: those with advanced ' +
    'parameters, and those with standard parameters when higher throughput is on. Standard parameters are free; ' +
    'KMS requests for SecureString parameters bill under KMS. Other Systems Manager tools are not modelled.',
  params: Type.Object(
    {
      advanced_parameters: count({
        title: 'Advanced parameters',
        description:
          'Parameters in the advanced tier (up to 8 KB, parameter policies); standard parameters are free.',
      }),
      hours: optionalHours,
      throughput: Type.Optional(
        Type.Union([Type.Literal('standard'), Type.Literal('higher')], {
          title: 'API throughput',
          description:
            'standard (the default) or higher: with higher throughput every API interaction is billed, ' +
            'standard parameters included.',
        }),
      ),
      advanced_api_interactions: optionalCount(
        'API interactions with advanced parameters per month',
        'GetParameter, GetParameters, GetParametersByPath, PutParameter, ... calls on advanced parameters; ' +
          'each is billed.',
      ),
      standard_api_interactions: optionalCount(
        'API interactions with standard parameters per month',
        'Calls on standard parameters: free at standard throughput, billed with higher throughput.',
      ),
    },
    strict,
  ),
  rangedParams: ['hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    sink('ssm.advanced_parameter_hours', countHours(p.advanced_parameters, p.hours, at))
    const billedStandard = p.throughput === 'higher' ? (p.standard_api_interactions ?? 0) : 0
    sink('ssm.api_interactions', d(p.advanced_api_interactions ?? 0).plus(billedStandard))
  },
  usageTypes: [
    {
      match: 'ssm.advanced_parameter_hours',
      unit: 'parameter-hours',
      kind: 'flow',
      description: 'Advanced parameter-hours.',
    },
    {
      match: 'ssm.api_interactions',
      unit: 'interactions',
      kind: 'flow',
      description: 'Billed Parameter Store API interactions.',
    },
  ],
  ingest: ssmIngest,
  sdk: [{ client: 'SSMClient', commands: ['PutParameter'] }],
  priceList: [
    {
      offerCode: 'AWSSystemsManager',
      awsUsageType: /^PS-Advanced-Param-Tier1$/,
      usageType: 'ssm.advanced_parameter_hours',
      unit: 'parameter-hours',
    },
    {
      offerCode: 'AWSSystemsManager',
      awsUsageType: /^PS-Param-Processed-Tier2$/,
      usageType: 'ssm.api_interactions',
      unit: 'interactions',
    },
  ],
  terraform: {
    aws_ssm_parameter: ({ values }) =>
      String(values.tier ?? '').toLowerCase() === 'advanced'
        ? { params: { advanced_parameters: 1, advanced_api_interactions: 0 } }
        : { skip: 'a standard parameter has no charge' },
  },
  examples: [],
})
