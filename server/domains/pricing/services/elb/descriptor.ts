import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { countHours, d, hours, instanceCount, strict } from '../params.js'
import { asString } from '../plan-values.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService } from '../service-descriptor.js'
import { elbExamples } from './examples.js'

/** What one LCU (ALB) or NLCU (NLB) covers per hour, per dimension; the largest dimension is billed. */
const ALB_LCU = {
  newPerSecond: 25,
  activePerMinute: 3000,
  gbPerHour: 1,
  lambdaGbPerHour: 0.4,
  rulesPerSecond: 1000,
}
const NLB_LCU = {
  tcp: { newPerSecond: 800, activePerMinute: 100_000 },
  udp: { newPerSecond: 400, activePerMinute: 50_000 },
  tls: { newPerSecond: 50, activePerMinute: 3000 },
  gbPerHour: 1,
} as const

/** An `aws_lb` (or `aws_alb`) as one always-on load balancer of its type; traffic starts at 0. */
function loadBalancerItem(
  values: Readonly<Record<string, unknown>>,
):
  | { skip: string }
  | { params: { load_balancer_type: 'application' | 'network'; load_balancers: number; hours: number } } {
  const kind = asString(values.load_balancer_type) ?? 'application'
  if (kind !== 'application' && kind !== 'network')
    return { skip: `${kind} load balancers are not in the pricing catalog (unpriced)` }
  return { params: { load_balancer_type: kind, load_balancers: 1, hours: 730 } }
}

const rate = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 1e9, title, description }))

/**
 * Application and Network Load Balancers: each load balancer is billed for every hour (or part of one) it
 * runs, plus capacity units per hour, where an hour's capacity units are its largest dimension: new
 * connections per second, active connections per minute, GB processed per hour and, for an ALB, rule
 * evaluations per second beyond the 10 free rules. The params describe an average hour of one load balancer.
 */
export const elb = defineService({
  id: 'elb',
  usageTypePrefix: 'elb',
  name: 'Elastic Load Balancing (ALB, NLB)',
  category: 'networking',
  description:
    'Application and Network Load Balancers, billed per load-balancer-hour and per capacity-unit-hour.',
  help:
    'Load balancers × hours, and the traffic of an average hour of one of them, from which the capacity units ' +
    '(LCU for an ALB, NLCU for an NLB) are the largest dimension. Gateway and Classic Load Balancers, LCU ' +
    'reservations and data transfer are not included.',
  params: Type.Object(
    {
      load_balancer_type: Type.Union([Type.Literal('application'), Type.Literal('network')], {
        default: 'application',
        title: 'Load balancer type',
        description: 'application (ALB, HTTP/HTTPS) or network (NLB, TCP/UDP/TLS).',
      }),
      load_balancers: instanceCount(10_000, {
        title: 'Load balancers',
        description: 'Load balancers of this type and traffic, or {min, typical, max}.',
      }),
      hours,
      new_connections_per_second: rate(
        'New connections per second',
        'New connections (or UDP flows) per second, averaged over an hour, per load balancer.',
      ),
      active_connections_per_minute: rate(
        'Active connections per minute',
        'Active connections (or flows) sampled each minute, per load balancer.',
      ),
      processed_gb_per_hour: rate(
        'GB processed per hour',
        'GB of requests and responses (ALB) or bytes (NLB) processed per hour, per load balancer.',
      ),
      rule_evaluations_per_second: rate(
        'Rule evaluations per second (ALB)',
        'Request rate × rules processed beyond the 10 free ones, per second (ALB only).',
      ),
      lambda_targets: Type.Optional(
        Type.Boolean({
          title: 'Lambda targets (ALB)',
          description:
            'Whether the ALB forwards to Lambda functions: one LCU then covers 0.4 GB per hour, not 1 GB.',
        }),
      ),
      protocol: Type.Optional(
        Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('tls')], {
          title: 'Protocol (NLB)',
          description:
            'tcp (the default), udp or tls: an NLCU covers fewer new and active connections for TLS.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['load_balancers', 'hours'],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (p.load_balancer_type === 'network') {
      if ((p.rule_evaluations_per_second ?? 0) > 0)
        details.push({
          field: 'params.rule_evaluations_per_second',
          reason: 'only an ALB bills rule evaluations',
        })
      if (p.lambda_targets === true)
        details.push({ field: 'params.lambda_targets', reason: 'only an ALB forwards to Lambda functions' })
    } else if (p.protocol !== undefined) {
      details.push({ field: 'params.protocol', reason: 'only an NLB has a protocol' })
    }
    return details
  },
  toUsage(p, at, sink) {
    const lbHours = countHours(p.load_balancers, p.hours, at)
    const newPerSecond = d(p.new_connections_per_second ?? 0)
    const activePerMinute = d(p.active_connections_per_minute ?? 0)
    const gbPerHour = d(p.processed_gb_per_hour ?? 0)
    let units: Decimal
    if (p.load_balancer_type === 'network') {
      const protocol = NLB_LCU[p.protocol ?? 'tcp']
      units = [
        newPerSecond.dividedBy(protocol.newPerSecond),
        activePerMinute.dividedBy(protocol.activePerMinute),
        gbPerHour.dividedBy(NLB_LCU.gbPerHour),
      ].reduce((a, b) => (b.greaterThan(a) ? b : a))
      sink('elb.nlb_hours', lbHours)
      sink('elb.nlb_lcu_hours', lbHours.times(units))
    } else {
      units = [
        newPerSecond.dividedBy(ALB_LCU.newPerSecond),
        activePerMinute.dividedBy(ALB_LCU.activePerMinute),
        gbPerHour.dividedBy(p.lambda_targets === true ? ALB_LCU.lambdaGbPerHour : ALB_LCU.gbPerHour),
        d(p.rule_evaluations_per_second ?? 0).dividedBy(ALB_LCU.rulesPerSecond),
      ].reduce((a, b) => (b.greaterThan(a) ? b : a))
      sink('elb.alb_hours', lbHours)
      sink('elb.alb_lcu_hours', lbHours.times(units))
    }
  },
  usageTypes: [
    { match: 'elb.alb_hours', unit: 'load-balancer-hours', kind: 'flow', description: 'ALB-hours.' },
    { match: 'elb.alb_lcu_hours', unit: 'LCU-hours', kind: 'flow', description: 'ALB capacity unit-hours.' },
    { match: 'elb.nlb_hours', unit: 'load-balancer-hours', kind: 'flow', description: 'NLB-hours.' },
    { match: 'elb.nlb_lcu_hours', unit: 'NLCU-hours', kind: 'flow', description: 'NLB capacity unit-hours.' },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AWSELB',
      awsUsageType: /^LoadBalancerUsage$/,
      usageType: 'elb.alb_hours',
      unit: 'load-balancer-hours',
      requires: { operation: 'LoadBalancing:Application' },
    },
    {
      offerCode: 'AWSELB',
      awsUsageType: /^LCUUsage$/,
      usageType: 'elb.alb_lcu_hours',
      unit: 'LCU-hours',
      requires: { operation: 'LoadBalancing:Application' },
    },
    {
      offerCode: 'AWSELB',
      awsUsageType: /^LoadBalancerUsage$/,
      usageType: 'elb.nlb_hours',
      unit: 'load-balancer-hours',
      requires: { operation: 'LoadBalancing:Network' },
    },
    {
      offerCode: 'AWSELB',
      awsUsageType: /^LCUUsage$/,
      usageType: 'elb.nlb_lcu_hours',
      unit: 'NLCU-hours',
      requires: { operation: 'LoadBalancing:Network' },
    },
  ],
  terraform: {
    aws_lb: ({ values }) => loadBalancerItem(values),
    aws_alb: ({ values }) => loadBalancerItem(values),
  },
  examples: elbExamples,
})
