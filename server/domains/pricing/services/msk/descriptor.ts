import { Type } from '@sinclair/typebox'
import { listPricedSuffixes } from '../catalog-values.js'
import {
  catalogName,
  count,
  countHours,
  DEFAULT_HOURS,
  d,
  fieldsOfOtherMode,
  gigabytes,
  hoursAt,
  instanceCount,
  optionalHours,
  strict,
} from '../params.js'
import { asNumber, asString, firstBlock } from '../plan-values.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'

const BROKER_HOURS = 'msk.broker_hours.'

const PROVISIONED_ONLY = [
  'broker_type',
  'brokers',
  'storage_gb_per_broker',
  'tiered_storage_gb',
  'tiered_retrieved_gb',
] as const
const SERVERLESS_ONLY = ['partitions', 'data_in_gb', 'data_out_gb', 'serverless_storage_gb'] as const

const optionalGb = (title: string, description: string) => Type.Optional(gigabytes({ title, description }))

/**
 * Amazon MSK. Provisioned clusters bill each broker per hour by instance type and the EBS storage provisioned on
 * each broker per GB-month, plus tiered storage per GB-month and GB read back; MSK Serverless bills the cluster
 * per hour, each partition per hour, GB written and read, and GB-months stored.
 */
export const msk = defineService({
  id: 'msk',
  usageTypePrefix: 'msk',
  name: 'Amazon MSK',
  category: 'analytics',
  description:
    'Managed Apache Kafka, billed per broker-hour and GB-month, or per cluster-hour, partition-hour and GB.',
  help:
    'Provisioned: broker type (Standard brokers), brokers × hours, EBS storage per broker (prorated by the ' +
    'hours), tiered storage and its retrieval. Serverless: cluster-hours, partitions held, GB in and out, GB ' +
    'stored. Express brokers, provisioned storage throughput, MSK Connect, Replicator, private connectivity and ' +
    'data transfer are not included.',
  params: Type.Object(
    {
      cluster_type: Type.Union([Type.Literal('provisioned'), Type.Literal('serverless')], {
        default: 'provisioned',
        title: 'Cluster type',
        description:
          'provisioned: brokers you size; serverless: billed per cluster-hour, partition-hour and GB.',
      }),
      broker_type: Type.Optional(
        catalogName({
          title: 'Broker type',
          description:
            'Provisioned only: Standard broker instance type, e.g. kafka.m7g.large or kafka.t3.small.',
        }),
      ),
      brokers: Type.Optional(
        instanceCount(1000, {
          title: 'Brokers',
          description: 'Provisioned only: brokers across all Availability Zones, or {min, typical, max}.',
        }),
      ),
      hours: optionalHours,
      storage_gb_per_broker: optionalGb(
        'EBS storage per broker (GB)',
        'Provisioned only: storage provisioned on each broker, billed per GB-month.',
      ),
      tiered_storage_gb: optionalGb(
        'Tiered storage (GB-month)',
        'Provisioned only: average GB kept in tiered storage over the month.',
      ),
      tiered_retrieved_gb: optionalGb(
        'Tiered storage read (GB)',
        'Provisioned only: GB read back from tiered storage in the month.',
      ),
      partitions: Type.Optional(
        count({
          title: 'Partitions',
          description:
            'Serverless only: partitions held on average over the hours, billed per partition-hour.',
        }),
      ),
      data_in_gb: optionalGb('Data in per month (GB)', 'Serverless only: GB produced to the cluster.'),
      data_out_gb: optionalGb('Data out per month (GB)', 'Serverless only: GB consumed from the cluster.'),
      serverless_storage_gb: optionalGb(
        'Data stored (GB-month)',
        'Serverless only: average GB stored over the month.',
      ),
    },
    strict,
  ),
  rangedParams: ['brokers', 'hours'],
  catalogValues: [
    {
      param: 'broker_type',
      what: 'MSK broker type',
      known: (catalog) => listPricedSuffixes(catalog, BROKER_HOURS),
    },
  ],
  checkParams(p) {
    const misplaced = p.cluster_type === 'provisioned' ? SERVERLESS_ONLY : PROVISIONED_ONLY
    const details = fieldsOfOtherMode(p, misplaced, `${p.cluster_type} clusters`)
    if (p.cluster_type === 'provisioned' && p.broker_type === undefined)
      details.push({ field: 'params.broker_type', reason: 'is required for provisioned clusters' })
    return details
  },
  toUsage(p, at, sink) {
    const hours = hoursAt(p.hours, at)
    if (p.cluster_type === 'serverless') {
      sink('msk.serverless_cluster_hours', d(hours))
      sink('msk.serverless_partition_hours', d(p.partitions ?? 0).times(hours))
      sink('msk.serverless_data_in_gb', d(p.data_in_gb ?? 0))
      sink('msk.serverless_data_out_gb', d(p.data_out_gb ?? 0))
      sink('msk.serverless_storage_gb_months', d(p.serverless_storage_gb ?? 0))
      return
    }
    const brokerHours = countHours(p.brokers ?? 1, p.hours, at)
    sink(`${BROKER_HOURS}${p.broker_type}`, brokerHours)
    // Each broker's volume is billed for the hours it exists, as a share of the 730-hour month.
    sink('msk.storage_gb_months', brokerHours.times(p.storage_gb_per_broker ?? 0).div(DEFAULT_HOURS))
    sink('msk.tiered_storage_gb_months', d(p.tiered_storage_gb ?? 0))
    sink('msk.tiered_retrieved_gb', d(p.tiered_retrieved_gb ?? 0))
  },
  usageTypes: [
    {
      match: 'msk.broker_hours.*',
      unit: 'broker-hours',
      kind: 'stock',
      description: 'Broker-hours, per type.',
    },
    {
      match: 'msk.storage_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Broker EBS storage provisioned.',
    },
    {
      match: 'msk.tiered_storage_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Tiered storage.',
    },
    { match: 'msk.tiered_retrieved_gb', unit: 'GB', kind: 'flow', description: 'Tiered storage reads.' },
    {
      match: 'msk.serverless_cluster_hours',
      unit: 'cluster-hours',
      kind: 'stock',
      description: 'Serverless cluster-hours.',
    },
    {
      match: 'msk.serverless_partition_hours',
      unit: 'partition-hours',
      kind: 'stock',
      description: 'Serverless partition-hours.',
    },
    { match: 'msk.serverless_data_in_gb', unit: 'GB', kind: 'flow', description: 'Serverless data in.' },
    { match: 'msk.serverless_data_out_gb', unit: 'GB', kind: 'flow', description: 'Serverless data out.' },
    {
      match: 'msk.serverless_storage_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Serverless data stored.',
    },
  ],
  ingest: {},
  sdk: [],
  // The AmazonMSK offer's usage types were not found in a source; `pricing import` leaves it alone.
  // AmazonMSK products: Standard brokers are `Kafka.<type>` (operation RunBroker; Express brokers are
  // `Express.<type>`), storage `Kafka.Storage.GP2`, tiered storage and its retrieval, Serverless cluster and
  // partition hours and data in and out.
  priceList: [
    {
      offerCode: 'AmazonMSK',
      awsUsageType: /^Kafka\.([a-z][a-z0-9]*\.[a-z0-9]+)$/,
      usageType: `${BROKER_HOURS}kafka.$1`,
      unit: 'broker-hours',
      requires: { operation: 'RunBroker' },
    },
    ...exactUsageTypes('AmazonMSK', [
      ['Kafka.Storage.GP2', 'msk.storage_gb_months', 'GB-months'],
      ['Kafka.Storage.Tiered', 'msk.tiered_storage_gb_months', 'GB-months'],
      ['Kafka.DataRetrieval.Tiered', 'msk.tiered_retrieved_gb', 'GB'],
      ['KafkaServerless-ClusterHours', 'msk.serverless_cluster_hours', 'cluster-hours'],
      ['KafkaServerless-PartitionHours', 'msk.serverless_partition_hours', 'partition-hours'],
      ['KafkaServerless-In-Bytes', 'msk.serverless_data_in_gb', 'GB'],
      ['KafkaServerless-Out-Bytes', 'msk.serverless_data_out_gb', 'GB'],
    ]),
  ],
  terraform: {
    aws_msk_cluster: ({ values }) => {
      const group = firstBlock(values.broker_node_group_info)
      const brokerType = asString(group.instance_type)
      const brokers = asNumber(values.number_of_broker_nodes)
      if (!brokerType || brokers === undefined)
        return { skip: 'instance_type or number_of_broker_nodes is not known until apply' }
      // Provider v5 puts the volume under storage_info.ebs_storage_info; older plans use ebs_volume_size.
      const volume =
        asNumber(firstBlock(firstBlock(group.storage_info).ebs_storage_info).volume_size) ??
        asNumber(group.ebs_volume_size) ??
        0
      return {
        params: {
          cluster_type: 'provisioned' as const,
          broker_type: brokerType,
          brokers,
          hours: DEFAULT_HOURS,
          storage_gb_per_broker: volume,
        },
      }
    },
    aws_msk_serverless_cluster: () => ({
      params: {
        cluster_type: 'serverless' as const,
        hours: DEFAULT_HOURS,
        partitions: 0,
        data_in_gb: 0,
        data_out_gb: 0,
      },
    }),
    aws_msk_configuration: () => ({ skip: 'no charge of its own' }),
    aws_msk_scram_secret_association: () => ({ skip: 'no charge of its own' }),
  },
  examples: [],
})
