import { Type } from '@sinclair/typebox'
import { count, d, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { route53Examples } from './examples.js'

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * Route 53 public and private hosted zones (the first 25 of an account at one rate, the rest at a lower one),
 * DNS queries per million by routing policy (the first billion of each a month at one rate, the rest at half)
 * and health checks. Queries to alias records that point at AWS resources are free. Route 53 is global: its
 * prices are the same whatever Region a scenario is in.
 */
export const route53 = defineService({
  id: 'route53',
  usageTypePrefix: 'route53',
  name: 'Amazon Route 53',
  category: 'networking',
  description: 'DNS hosted zones, queries by routing policy and health checks.',
  help:
    'Hosted zones held all month, queries per month by routing policy (alias queries to AWS resources are free) ' +
    'and health checks. Domain registration, Resolver endpoints, DNS Firewall and Traffic Flow are not included.',
  params: Type.Object(
    {
      hosted_zones: count({
        title: 'Hosted zones',
        description: 'Public and private hosted zones held all month; the first 25 of the account cost more.',
      }),
      standard_queries: optionalCount(
        'Standard queries per month',
        'Queries to simple, weighted, failover and multivalue records (not alias records of AWS resources).',
      ),
      latency_queries: optionalCount(
        'Latency-based queries per month',
        'Queries to latency-based routing records.',
      ),
      geo_queries: optionalCount(
        'Geolocation and geoproximity queries per month',
        'Queries to geolocation and geoproximity routing records.',
      ),
      ip_based_queries: optionalCount('IP-based queries per month', 'Queries to IP-based routing records.'),
      aws_health_checks: optionalCount(
        'Health checks of AWS endpoints',
        'Basic health checks of endpoints in AWS; the first 50 are free.',
      ),
      other_health_checks: optionalCount(
        'Health checks of non-AWS endpoints',
        'Basic health checks of endpoints outside AWS.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('route53.hosted_zone_months', d(p.hosted_zones))
    sink('route53.queries.standard', d(p.standard_queries ?? 0))
    sink('route53.queries.latency', d(p.latency_queries ?? 0))
    sink('route53.queries.geo', d(p.geo_queries ?? 0))
    sink('route53.queries.ip_based', d(p.ip_based_queries ?? 0))
    sink('route53.health_checks.aws', d(p.aws_health_checks ?? 0))
    sink('route53.health_checks.other', d(p.other_health_checks ?? 0))
  },
  usageTypes: [
    {
      match: 'route53.hosted_zone_months',
      unit: 'zone-months',
      kind: 'stock',
      description: 'Hosted zone-months.',
    },
    {
      match: 'route53.queries.*',
      unit: 'queries',
      kind: 'flow',
      description: 'DNS queries, per routing policy.',
    },
    {
      match: 'route53.health_checks.*',
      unit: 'check-months',
      kind: 'stock',
      description: 'Basic health check-months, AWS or other endpoints.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonRoute53',
      awsUsageType: /^HostedZone$/,
      usageType: 'route53.hosted_zone_months',
      unit: 'zone-months',
    },
    {
      offerCode: 'AmazonRoute53',
      awsUsageType: /^DNS-Queries$/,
      usageType: 'route53.queries.standard',
      unit: 'queries',
    },
    {
      offerCode: 'AmazonRoute53',
      awsUsageType: /^Health-Check-AWS$/,
      usageType: 'route53.health_checks.aws',
      unit: 'check-months',
    },
    {
      offerCode: 'AmazonRoute53',
      awsUsageType: /^Health-Check-Non-AWS$/,
      usageType: 'route53.health_checks.other',
      unit: 'check-months',
    },
  ],
  terraform: {
    aws_route53_zone: () => ({ params: { hosted_zones: 1, standard_queries: 0 } }),
    aws_route53_health_check: ({ values }) => {
      // A CALCULATED or CLOUDWATCH_METRIC check has no endpoint of its own: counted as an AWS endpoint check.
      const fqdn = typeof values.fqdn === 'string' ? values.fqdn : ''
      const external = fqdn !== '' && !/\.amazonaws\.com\.?$|\.cloudfront\.net\.?$/.test(fqdn)
      return {
        params: { hosted_zones: 0, ...(external ? { other_health_checks: 1 } : { aws_health_checks: 1 }) },
      }
    },
  },
  examples: route53Examples,
})
