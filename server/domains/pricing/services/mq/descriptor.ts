import { Type } from '@sinclair/typebox'
import { listPricedSuffixes } from '../catalog-values.js'
import { catalogName, d, gigabytes, hours, pointOf, strict } from '../params.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'

const ENGINES = ['activemq', 'rabbitmq'] as const
const DEPLOYMENTS = ['single_instance', 'active_standby_multi_az', 'cluster_multi_az'] as const
type Engine = (typeof ENGINES)[number]
type Deployment = (typeof DEPLOYMENTS)[number]
/** The deployment modes each engine offers: ActiveMQ pairs brokers, RabbitMQ clusters three. */
const DEPLOYMENTS_OF: Readonly<Record<Engine, readonly Deployment[]>> = {
  activemq: ['single_instance', 'active_standby_multi_az'],
  rabbitmq: ['single_instance', 'cluster_multi_az'],
}

/** Instance types priced for any engine and deployment (`mq.broker_hours.<engine>.<deployment>.<type>`). */
function listBrokerTypes(catalog: Parameters<typeof listPricedSuffixes>[0]): string[] {
  const types = ENGINES.flatMap((engine) =>
    DEPLOYMENTS.flatMap((deployment) =>
      listPricedSuffixes(catalog, `mq.broker_hours.${engine}.${deployment}.`),
    ),
  )
  return [...new Set(types)].sort()
}

/**
 * Amazon MQ. A broker is billed per hour at the rate of its engine, instance type and deployment (an
 * active/standby pair or a three-node cluster has its own broker-hour rate), and its storage per GB-month:
 * ActiveMQ on EFS or EBS, RabbitMQ on EBS.
 */
export const mq = defineService({
  id: 'mq',
  usageTypePrefix: 'mq',
  name: 'Amazon MQ',
  category: 'integration',
  description: 'Managed ActiveMQ and RabbitMQ brokers, billed per broker-hour and per GB-month stored.',
  help:
    'One broker: engine, instance type, deployment (single instance, ActiveMQ active/standby, RabbitMQ cluster), ' +
    'hours and the storage it uses. Data transfer between Availability Zones and Regions is not modelled.',
  params: Type.Object(
    {
      engine: Type.Union([Type.Literal('activemq'), Type.Literal('rabbitmq')], {
        default: 'activemq',
        title: 'Engine',
        description: 'activemq or rabbitmq.',
      }),
      instance_type: catalogName({ title: 'Broker instance type', description: 'e.g. mq.m5.large.' }),
      deployment: Type.Union(
        DEPLOYMENTS.map((deployment) => Type.Literal(deployment)),
        {
          default: 'single_instance',
          title: 'Deployment',
          description:
            'single_instance; active_standby_multi_az (ActiveMQ, two brokers); cluster_multi_az (RabbitMQ, three).',
        },
      ),
      hours,
      storage_type: Type.Union([Type.Literal('efs'), Type.Literal('ebs')], {
        default: 'efs',
        title: 'Storage type',
        description:
          'efs (ActiveMQ durable storage, the default) or ebs (RabbitMQ always, ActiveMQ on mq.m5).',
      }),
      storage_gb: gigabytes({
        title: 'Storage (GB)',
        description: 'Average GB of messages stored over the month.',
      }),
    },
    strict,
  ),
  rangedParams: ['hours'],
  catalogValues: [{ param: 'instance_type', what: 'Amazon MQ broker instance type', known: listBrokerTypes }],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (!DEPLOYMENTS_OF[p.engine].includes(p.deployment))
      details.push({ field: 'params.deployment', reason: `${p.deployment} is not offered for ${p.engine}` })
    if (p.engine === 'rabbitmq' && p.storage_type === 'efs')
      details.push({ field: 'params.storage_type', reason: 'RabbitMQ brokers store on EBS' })
    return details
  },
  toUsage(p, at, sink) {
    sink(`mq.broker_hours.${p.engine}.${p.deployment}.${p.instance_type}`, d(pointOf(p.hours, at)))
    sink(`mq.storage_gb_month.${p.storage_type}`, d(p.storage_gb))
  },
  usageTypes: [
    {
      match: 'mq.broker_hours.*',
      unit: 'broker-hours',
      kind: 'flow',
      description: 'Broker-hours, per engine, deployment and instance type.',
    },
    {
      match: 'mq.storage_gb_month.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Broker storage, EFS or EBS.',
    },
  ],
  ingest: {},
  sdk: [],
  // No public copy of the AmazonMQ offer's usage types was found; `pricing import` leaves it untouched.
  // AmazonMQ products. The usagetype names engine and deployment: an active/standby pair
  // (`ActiveMQ-Multi-AZ-`) and a three-node cluster (`RabbitMQ-3-`) are each billed per deployment-hour, as
  // the catalog prices them. ActiveMQ storage is `TimedStorage-ByteHrs` (EFS) or `TimedStorage-EBS-ByteHrs`;
  // RabbitMQ's own `TimedStorage-RabbitMQ-ByteHrs` is not mapped (our `ebs` storage is ActiveMQ's rate).
  priceList: [
    ...exactUsageTypes('AmazonMQ', [
      ['ActiveMQ-InstanceUsage:(mq\\..+)', 'mq.broker_hours.activemq.single_instance.$1', 'broker-hours'],
      [
        'ActiveMQ-Multi-AZ-InstanceUsage:(mq\\..+)',
        'mq.broker_hours.activemq.active_standby_multi_az.$1',
        'broker-hours',
      ],
      ['RabbitMQ-InstanceUsage:(mq\\..+)', 'mq.broker_hours.rabbitmq.single_instance.$1', 'broker-hours'],
      ['RabbitMQ-3-InstanceUsage:(mq\\..+)', 'mq.broker_hours.rabbitmq.cluster_multi_az.$1', 'broker-hours'],
      ['TimedStorage-ByteHrs', 'mq.storage_gb_month.efs', 'GB-months'],
      ['TimedStorage-EBS-ByteHrs', 'mq.storage_gb_month.ebs', 'GB-months'],
    ]),
  ],
  terraform: {
    aws_mq_broker: ({ values }) => {
      if (typeof values.host_instance_type !== 'string')
        return { skip: 'host_instance_type is not known until apply' }
      const engine: Engine = String(values.engine_type).toLowerCase() === 'rabbitmq' ? 'rabbitmq' : 'activemq'
      const mode = String(values.deployment_mode ?? 'SINGLE_INSTANCE').toLowerCase()
      const deployment = DEPLOYMENTS.find((candidate) => candidate === mode) ?? 'single_instance'
      const storageType: 'efs' | 'ebs' =
        engine === 'rabbitmq' || values.storage_type === 'ebs' ? 'ebs' : 'efs'
      return {
        params: {
          engine,
          instance_type: values.host_instance_type,
          deployment,
          hours: 730,
          storage_type: storageType,
          storage_gb: 0,
        },
      }
    },
  },
  examples: [],
})
