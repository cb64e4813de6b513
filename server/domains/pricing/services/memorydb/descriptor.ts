import { Type } from '@sinclair/typebox'
import {
  catalogName,
  countHours,
  DEFAULT_HOURS,
  d,
  gigabytes,
  instanceCount,
  optionalHours,
  strict,
} from '../params.js'
import { asNumber, asString } from '../plan-values.js'
import { defineService, type ValidationDetail } from '../service-descriptor.js'

const ENGINES = ['redis', 'valkey'] as const
type Engine = (typeof ENGINES)[number]

const engineOf = (value: unknown): Engine => (value === 'valkey' ? 'valkey' : 'redis')

/**
 * Amazon MemoryDB, a durable in-memory database: every node (each shard's primary and replicas) is billed per
 * hour by node type, Valkey nodes at their own lower rate; data written per GB (Valkey: the first 10 TB a month
 * at no charge); snapshot storage per GB-month.
 */
export const memorydb = defineService({
  id: 'memorydb',
  usageTypePrefix: 'memorydb',
  name: 'Amazon MemoryDB',
  category: 'database',
  description:
    'Durable Valkey and Redis OSS in-memory database, billed per node-hour, GB written and snapshot GB.',
  help:
    'Engine, node type, shards × (1 primary + replicas) and hours; GB written to the cluster in the month (Valkey: ' +
    'the first 10 TB free); snapshot storage billed beyond what is free. Multi-Region clusters, reserved nodes and ' +
    'data transfer are not modelled.',
  params: Type.Object(
    {
      engine: Type.Union([Type.Literal('redis'), Type.Literal('valkey')], {
        default: 'redis',
        title: 'Engine',
        description: 'redis (Redis OSS) or valkey; Valkey nodes and data written have their own rates.',
      }),
      node_type: catalogName({
        title: 'Node type',
        description: 'MemoryDB node type, e.g. db.t4g.small, db.r7g.large or db.r6gd.xlarge (data tiering).',
      }),
      shards: instanceCount(500, {
        title: 'Shards',
        description: 'Shards in the cluster, or {min, typical, max}.',
      }),
      replicas_per_shard: Type.Integer({
        minimum: 0,
        maximum: 5,
        default: 1,
        title: 'Replicas per shard',
        description: 'Replica nodes in each shard (0 to 5); each is billed like its primary.',
      }),
      hours: optionalHours,
      data_written_gb: Type.Optional(
        gigabytes({
          title: 'Data written per month (GB)',
          description: 'GB written to the cluster in the month.',
        }),
      ),
      snapshot_storage_gb: Type.Optional(
        gigabytes({
          title: 'Billed snapshot storage (GB-month)',
          description: 'Average GB of snapshots stored beyond the free allowance over the month.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['shards', 'hours'],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    // Node types are priced in one Region only (Seoul), so the catalog cannot list them: the shape of a name is checked.
    if (!/^db\.[a-z0-9]+\.[a-z0-9]+$/.test(p.node_type))
      details.push({ field: 'params.node_type', reason: 'must be a MemoryDB node type such as db.r7g.large' })
    return details
  },
  toUsage(p, at, sink) {
    const family = p.engine === 'valkey' ? 'memorydb.valkey_node_hours.' : 'memorydb.node_hours.'
    sink(`${family}${p.node_type}`, countHours(p.shards, p.hours, at).times(1 + p.replicas_per_shard))
    sink(`memorydb.data_written_gb.${p.engine}`, d(p.data_written_gb ?? 0))
    sink('memorydb.snapshot_gb_months', d(p.snapshot_storage_gb ?? 0))
  },
  usageTypes: [
    {
      match: 'memorydb.node_hours.*',
      unit: 'node-hours',
      kind: 'stock',
      description: 'Redis OSS node-hours, per node type.',
    },
    {
      match: 'memorydb.valkey_node_hours.*',
      unit: 'node-hours',
      kind: 'stock',
      description: 'Valkey node-hours, per node type.',
    },
    {
      match: 'memorydb.data_written_gb.*',
      unit: 'GB',
      kind: 'flow',
      description: 'Data written, per engine.',
    },
    {
      match: 'memorydb.snapshot_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Billed snapshot storage.',
    },
  ],
  ingest: {},
  sdk: [],
  // The AmazonMemoryDB offer's usage types were not found in a source; `pricing import` leaves it alone.
  // AmazonMemoryDB nodes: `NodeUsage:<node type>` with the type in `instanceType` and the engine in `engine`.
  // Only Redis OSS nodes are mapped: no Valkey node, data-written or snapshot product was found to read.
  priceList: [
    {
      offerCode: 'AmazonMemoryDB',
      awsUsageType: /^NodeUsage:db\./,
      usageType: 'memorydb.node_hours.{instanceType}',
      unit: 'node-hours',
      requires: { engine: 'Redis' },
    },
  ],
  terraform: {
    aws_memorydb_cluster: ({ values }) => {
      const nodeType = asString(values.node_type)
      if (!nodeType) return { skip: 'node_type is not known until apply' }
      return {
        params: {
          engine: engineOf(values.engine),
          node_type: nodeType,
          shards: asNumber(values.num_shards) ?? 1,
          replicas_per_shard: asNumber(values.num_replicas_per_shard) ?? 1,
          hours: DEFAULT_HOURS,
          data_written_gb: 0,
        },
      }
    },
    aws_memorydb_snapshot: () => ({ skip: 'billed as its cluster’s snapshot storage' }),
    aws_memorydb_acl: () => ({ skip: 'no charge of its own' }),
    aws_memorydb_user: () => ({ skip: 'no charge of its own' }),
    aws_memorydb_subnet_group: () => ({ skip: 'no charge of its own' }),
    aws_memorydb_parameter_group: () => ({ skip: 'no charge of its own' }),
  },
  examples: [],
})
