import { Type } from '@sinclair/typebox'
import { count, countHours, DEFAULT_HOURS, d, optionalHours, strict } from '../params.js'
import { asArray } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { secretsManagerExamples } from './examples.js'
import { secretsManagerIngest } from './ingest.js'

/**
 * AWS Secrets Manager: each secret (every replica counts as a secret of its own) is billed per month, prorated
 * by the hours it is stored, and API calls per 10,000. Secrets marked for deletion are not billed; the 30-day
 * free trial of a new secret is not modelled.
 */
export const secretsManager = defineService({
  id: 'secretsmanager',
  usageTypePrefix: 'secretsmanager',
  name: 'AWS Secrets Manager',
  category: 'security',
  description: 'Stored and rotated secrets, billed per secret-month and per 10,000 API calls.',
  help:
    'Secrets stored (each replica in another Region counts as a secret), the hours each is stored (prorated; 730 ' +
    '= all month) and the API calls made to Secrets Manager. The 30-day free trial of new secrets, the KMS ' +
    'requests of customer managed keys and rotation Lambda functions are billed elsewhere or not modelled.',
  params: Type.Object(
    {
      secrets: count({
        title: 'Secrets',
        description: 'Secrets stored, replicas included (a replica secret is billed as a distinct secret).',
      }),
      hours: optionalHours,
      api_requests: Type.Optional(
        count({
          title: 'API calls per month',
          description: 'Calls to the Secrets Manager API (GetSecretValue, PutSecretValue, ...) in the month.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    // A secret stored part of the month is billed for the share of the month's hours it was stored.
    sink('secretsmanager.secret_months', countHours(p.secrets, p.hours, at).div(DEFAULT_HOURS))
    sink('secretsmanager.api_requests', d(p.api_requests ?? 0))
  },
  usageTypes: [
    {
      match: 'secretsmanager.secret_months',
      unit: 'secret-months',
      kind: 'stock',
      description: 'Secrets stored, prorated by the hour.',
    },
    {
      match: 'secretsmanager.api_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Secrets Manager API calls.',
    },
  ],
  ingest: secretsManagerIngest,
  sdk: [
    {
      client: 'SecretsManagerClient',
      commands: [
        'GetSecretValue',
        'DescribeSecret',
        'ListSecrets',
        'ListSecretVersionIds',
        'PutSecretValue',
        'UpdateSecret',
        'CreateSecret',
        'DeleteSecret',
        'RotateSecret',
      ],
    },
  ],
  priceList: [
    {
      offerCode: 'AWSSecretsManager',
      awsUsageType: /^AWSSecretsManager-Secrets?$/,
      usageType: 'secretsmanager.secret_months',
      unit: 'secret-months',
    },
    {
      // `AWSSecretsManagerAPIRequest` in some Regions, `AWSSecretsManager-APIRequests` in others.
      offerCode: 'AWSSecretsManager',
      awsUsageType: /^AWSSecretsManager-?APIRequests?$/,
      usageType: 'secretsmanager.api_requests',
      unit: 'requests',
    },
  ],
  terraform: {
    // The primary plus one secret per `replica` block.
    aws_secretsmanager_secret: ({ values }) => ({
      params: { secrets: 1 + asArray(values.replica).length, hours: DEFAULT_HOURS, api_requests: 0 },
    }),
    aws_secretsmanager_secret_version: () => ({ skip: 'billed with its secret' }),
    aws_secretsmanager_secret_rotation: () => ({ skip: 'no charge of its own' }),
    aws_secretsmanager_secret_policy: () => ({ skip: 'no charge of its own' }),
  },
  examples: secretsManagerExamples,
})
