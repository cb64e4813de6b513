import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'

const TIERS = ['lite', 'essentials', 'plus'] as const
type Tier = (typeof TIERS)[number]

/** Terraform's `user_pool_tier` (LITE, ESSENTIALS, PLUS); AWS creates new pools on Essentials. */
function tierOf(value: unknown): Tier {
  const tier = typeof value === 'string' ? value.toLowerCase() : ''
  return (TIERS as readonly string[]).includes(tier) ? (tier as Tier) : 'essentials'
}

/**
 * Amazon Cognito user pools, billed per monthly active user (MAU) at the rate of the pool's feature plan:
 * Lite in four volume bands, Essentials and Plus at one rate each. Lite and Essentials share the account's
 * 10,000 free MAUs a month (taken from Essentials first); Plus has no free tier. A user counts once in a
 * calendar month, whatever they do.
 */
export const cognito = defineService({
  id: 'cognito',
  usageTypePrefix: 'cognito',
  name: 'Amazon Cognito',
  category: 'security',
  description: 'Managed user directories and sign-in, billed per monthly active user by feature plan.',
  help:
    'Monthly active users of one user pool and its feature plan (Lite, Essentials or Plus). Federated ' +
    '(SAML/OIDC) users, machine-to-machine app clients and tokens, purchased API quota, SMS and email are not ' +
    'modelled.',
  params: Type.Object(
    {
      tier: Type.Union(
        TIERS.map((tier) => Type.Literal(tier)),
        {
          default: 'essentials',
          title: 'Feature plan',
          description:
            'lite (volume bands from $0.0055), essentials (the default for new pools) or plus (advanced security).',
        },
      ),
      monthly_active_users: count({
        title: 'Monthly active users',
        description:
          'Users with an identity operation (sign-up, sign-in, token refresh, password change, ...) in the month.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink(`cognito.mau.${p.tier}`, d(p.monthly_active_users))
  },
  usageTypes: [
    {
      match: 'cognito.mau.*',
      unit: 'MAUs',
      // The month's count of distinct users: a window's count is not scaled up to a month.
      kind: 'stock',
      description: 'Monthly active users, per feature plan.',
    },
  ],
  ingest: {},
  sdk: [],
  // No public copy of the AmazonCognito offer's usage types was found; `pricing import` leaves it untouched.
  // AmazonCognito user-pool MAUs of the Essentials and Plus plans (one band each). Lite (`CognitoLiteMAU`) is
  // not mapped: its bands count MAUs after the free 10,000 (the free tier is the separate
  // `Global-CognitoFreeTierMAU` product), while the catalog counts every MAU.
  priceList: [
    ...exactUsageTypes('AmazonCognito', [
      ['CognitoEssentialsMAU', 'cognito.mau.essentials', 'MAUs'],
      ['CognitoPlusMAU', 'cognito.mau.plus', 'MAUs'],
    ]),
  ],
  terraform: {
    aws_cognito_user_pool: ({ values }) => ({
      params: { tier: tierOf(values.user_pool_tier), monthly_active_users: 0 },
    }),
    aws_cognito_user_pool_client: () => ({ skip: 'no charge of its own (M2M app clients are not modelled)' }),
  },
  examples: [],
})
