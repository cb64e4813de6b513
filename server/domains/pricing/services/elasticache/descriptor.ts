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
import { asNumber, asString } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'
import { elasticacheExamples } from './examples.js'

const NODE_HOURS = 'elasticache.node_hours.'
const VALKEY_NODE_HOURS = 'elasticache.valkey_node_hours.'
/** The params that only one deployment bills: the other deployment refuses them. */
const NODE_BASED_ONLY = ['node_type', 'nodes'] as const
const SERVERLESS_ONLY = ['data_stored_gb', 'ecpus'] as const

/** Serverless meters at least this much data per cache (GB): 100 MB for Valkey, 1 GB for the others. */
const SERVERLESS_MINIMUM_GB = { valkey: 0.1, redis: 1, memcached: 1 } as const

type Engine = keyof typeof SERVERLESS_MINIMUM_GB

const engineOf = (value: unknown): Engine => (value === 'valkey' || value === 'memcached' ? value : 'redis')

/**
 * Amazon ElastiCache. Node-based clusters bill each node per hour by node type (Redis OSS and Memcached share a
 * rate; Valkey nodes have their own, lower one); Serverless caches bill the average data stored per GB-hour,
 * never less than the engine's minimum, and ElastiCache Processing Units (ECPUs) per million.
 */
export const elasticache = defineService({
  id: 'elasticache',
  usageTypePrefix: 'elasticache',
  name: 'Amazon ElastiCache',
  category: 'database',
  description:
    'Managed Valkey, Redis OSS and Memcached caches, billed per node-hour or per GB-hour and ECPU.',
  help:
    'Node-based: node type, nodes (primaries and replicas across all shards) and hours. Serverless: average GB ' +
    'stored (at least 100 MB for Valkey, 1 GB otherwise) and ECPUs (1 per KB read or written by a simple ' +
    'command). Backup storage, data tiering SSD, Extended Support and data transfer are not included.',
  params: Type.Object(
    {
      deployment: Type.Union([Type.Literal('node_based'), Type.Literal('serverless')], {
        default: 'node_based',
        title: 'Deployment',
        description: 'node_based: a cluster of nodes you choose; serverless: pay for data stored and ECPUs.',
      }),
      engine: Type.Union([Type.Literal('redis'), Type.Literal('valkey'), Type.Literal('memcached')], {
        default: 'redis',
        title: 'Engine',
        description: 'redis (Redis OSS), valkey or memcached; Valkey has lower rates.',
      }),
      node_type: Type.Optional(
        catalogName({
          title: 'Node type',
          description: 'Cache node type, e.g. cache.t4g.micro or cache.r7g.large (node-based only).',
        }),
      ),
      nodes: Type.Optional(
        instanceCount(500, {
          title: 'Nodes',
          description:
            'Nodes in the cluster (every primary and replica), or {min, typical, max}; 1 when left out.',
        }),
      ),
      hours: optionalHours,
      data_stored_gb: Type.Optional(
        gigabytes({
          title: 'Average data stored (GB)',
          description: 'Serverless only: the hourly average of data in the cache over the month.',
        }),
      ),
      ecpus: Type.Optional(
        count({
          title: 'ECPUs per month',
          description: 'Serverless only: ElastiCache Processing Units consumed by requests in the month.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['nodes', 'hours'],
  catalogValues: [
    {
      param: 'node_type',
      what: 'ElastiCache node type',
      known: (catalog) => listPricedSuffixes(catalog, NODE_HOURS),
    },
  ],
  checkParams(p) {
    const misplaced = p.deployment === 'node_based' ? SERVERLESS_ONLY : NODE_BASED_ONLY
    const details = fieldsOfOtherMode(p, misplaced, `${p.deployment} caches`)
    if (p.deployment === 'node_based' && p.node_type === undefined)
      details.push({ field: 'params.node_type', reason: 'is required for node-based' })
    return details
  },
  toUsage(p, at, sink) {
    if (p.deployment === 'node_based') {
      const family = p.engine === 'valkey' ? VALKEY_NODE_HOURS : NODE_HOURS
      sink(`${family}${p.node_type}`, countHours(p.nodes ?? 1, p.hours, at))
      return
    }
    // AWS meters the hourly average, but never below the engine's minimum per cache.
    const storedGb = Math.max(p.data_stored_gb ?? 0, SERVERLESS_MINIMUM_GB[p.engine])
    sink(`elasticache.serverless_gb_hours.${p.engine}`, d(storedGb).times(hoursAt(p.hours, at)))
    sink(`elasticache.serverless_ecpus.${p.engine}`, d(p.ecpus ?? 0))
  },
  usageTypes: [
    {
      match: 'elasticache.node_hours.*',
      unit: 'node-hours',
      kind: 'stock',
      description: 'Redis OSS or Memcached node-hours, per node type.',
    },
    {
      match: 'elasticache.valkey_node_hours.*',
      unit: 'node-hours',
      kind: 'stock',
      description: 'Valkey node-hours, per node type.',
    },
    {
      match: 'elasticache.serverless_gb_hours.*',
      unit: 'GB-hours',
      kind: 'stock',
      description: 'Serverless data stored, per engine.',
    },
    {
      match: 'elasticache.serverless_ecpus.*',
      unit: 'ECPUs',
      kind: 'flow',
      description: 'Serverless ElastiCache Processing Units, per engine.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonElastiCache',
      awsUsageType: /^NodeUsage:(cache\..+)$/,
      usageType: `${NODE_HOURS}$1`,
      unit: 'node-hours',
      // Valkey nodes share the usage type; only the Redis OSS products (Memcached's rate) are imported.
      requires: { cacheEngine: 'Redis' },
    },
    // Serverless usage types name the engine capitalised (`CachedData:Valkey`).
    ...(['valkey', 'redis', 'memcached'] as const).flatMap((engine) => {
      const named = `${engine[0]?.toUpperCase()}${engine.slice(1)}`
      return [
        {
          offerCode: 'AmazonElastiCache',
          awsUsageType: new RegExp(`^CachedData:${named}$`),
          usageType: `elasticache.serverless_gb_hours.${engine}`,
          unit: 'GB-hours',
        },
        {
          offerCode: 'AmazonElastiCache',
          awsUsageType: new RegExp(`^ElastiCacheProcessingUnits:${named}$`),
          usageType: `elasticache.serverless_ecpus.${engine}`,
          unit: 'ECPUs',
        },
      ]
    }),
  ],
  terraform: {
    aws_elasticache_cluster: ({ values }) => {
      const nodeType = asString(values.node_type)
      if (values.replication_group_id) return { skip: 'priced with its replication group' }
      if (!nodeType) return { skip: 'node_type is not known until apply' }
      return {
        params: {
          deployment: 'node_based' as const,
          engine: engineOf(values.engine),
          node_type: nodeType,
          nodes: asNumber(values.num_cache_nodes) ?? 1,
          hours: DEFAULT_HOURS,
        },
      }
    },
    aws_elasticache_replication_group: ({ values }) => {
      const nodeType = asString(values.node_type)
      if (!nodeType) return { skip: 'node_type is not known until apply' }
      // Cluster mode: shards × (1 primary + replicas); otherwise num_cache_clusters nodes.
      const shards = asNumber(values.num_node_groups)
      const replicas = asNumber(values.replicas_per_node_group) ?? 0
      const nodes =
        shards !== undefined ? shards * (1 + replicas) : (asNumber(values.num_cache_clusters) ?? 1)
      return {
        params: {
          deployment: 'node_based' as const,
          engine: engineOf(values.engine),
          node_type: nodeType,
          nodes,
          hours: DEFAULT_HOURS,
        },
      }
    },
    aws_elasticache_serverless_cache: ({ values }) => ({
      params: {
        deployment: 'serverless' as const,
        engine: engineOf(values.engine),
        data_stored_gb: 0,
        ecpus: 0,
      },
    }),
  },
  examples: elasticacheExamples,
})
