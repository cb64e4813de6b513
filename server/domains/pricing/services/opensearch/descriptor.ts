import { Type } from '@sinclair/typebox'
import { listPricedSuffixes } from '../catalog-values.js'
import { catalogName, countHours, d, fieldsOfOtherMode, gigabytes, hours, strict } from '../params.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'

const INSTANCE_PREFIX = 'opensearch.instance_hours.'
const STORAGE_TYPES = ['gp3', 'gp2', 'io1', 'standard'] as const
type StorageType = (typeof STORAGE_TYPES)[number]

const nodeCount = (title: string, description: string) =>
  Type.Optional(Type.Integer({ minimum: 0, maximum: 1000, title, description }))
const ocus = (title: string, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: 10_000, multipleOf: 0.5, title, description }))

/**
 * Amazon OpenSearch Service. A managed domain bills every node per instance-hour at its type's rate (data
 * nodes, dedicated master nodes and UltraWarm nodes alike) and the EBS volume of each data node per GB-month
 * (io1 adds provisioned IOPS). OpenSearch Serverless bills indexing and search OpenSearch Compute Units per
 * OCU-hour, in steps of half an OCU, and the indexed data in managed storage per GB-month.
 */
export const opensearch = defineService({
  id: 'opensearch',
  usageTypePrefix: 'opensearch',
  name: 'Amazon OpenSearch Service',
  category: 'analytics',
  description: 'Managed OpenSearch domains and Serverless collections, billed per node-hour or OCU-hour.',
  help:
    'A managed domain: data nodes of one instance type, optional dedicated master and UltraWarm nodes, and EBS ' +
    'storage per data node. A Serverless collection: indexing and search OCUs held over the hours given, and ' +
    'managed storage. UltraWarm and cold storage, data transfer and extended support are not modelled.',
  params: Type.Object(
    {
      deployment: Type.Union([Type.Literal('managed'), Type.Literal('serverless')], {
        default: 'managed',
        title: 'Deployment',
        description: 'managed (a domain of instances) or serverless (a collection billed per OCU-hour).',
      }),
      instance_type: Type.Optional(
        catalogName({
          title: 'Data node instance type',
          description: 'e.g. c4.2xlarge.search (managed domains).',
        }),
      ),
      instance_count: nodeCount('Data nodes', 'Data nodes of the domain.'),
      hours,
      dedicated_master_type: Type.Optional(
        catalogName({
          title: 'Dedicated master instance type',
          description: 'Instance type of the master nodes.',
        }),
      ),
      dedicated_master_count: nodeCount('Dedicated master nodes', 'Dedicated master nodes (usually 3).'),
      ultrawarm_type: Type.Optional(
        catalogName({ title: 'UltraWarm instance type', description: 'e.g. ultrawarm1.medium.search.' }),
      ),
      ultrawarm_count: nodeCount('UltraWarm nodes', 'UltraWarm nodes of the domain.'),
      storage_type: Type.Optional(
        Type.Union(
          STORAGE_TYPES.map((type) => Type.Literal(type)),
          { title: 'EBS volume type', description: 'gp3 (the default), gp2, io1 or standard (magnetic).' },
        ),
      ),
      storage_gb_per_node: Type.Optional(
        gigabytes({ title: 'EBS storage per data node (GB)', description: 'Volume size of each data node.' }),
      ),
      provisioned_iops_per_node: Type.Optional(
        Type.Integer({
          minimum: 0,
          maximum: 256_000,
          title: 'Provisioned IOPS per data node',
          description: 'IOPS provisioned on each io1 volume.',
        }),
      ),
      indexing_ocus: ocus(
        'Indexing OCUs',
        'Average indexing OpenSearch Compute Units (Serverless), in halves.',
      ),
      search_ocus: ocus('Search OCUs', 'Average search OpenSearch Compute Units (Serverless), in halves.'),
      managed_storage_gb: Type.Optional(
        gigabytes({
          title: 'Managed storage (GB)',
          description: 'Indexed data stored by a Serverless collection.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: ['hours'],
  catalogValues: ['instance_type', 'dedicated_master_type', 'ultrawarm_type'].map((param) => ({
    param,
    what: 'OpenSearch instance type',
    known: (catalog) => listPricedSuffixes(catalog, INSTANCE_PREFIX),
  })),
  checkParams(p) {
    const managedOnly = [
      'instance_type',
      'instance_count',
      'dedicated_master_type',
      'dedicated_master_count',
      'ultrawarm_type',
      'ultrawarm_count',
      'storage_type',
      'storage_gb_per_node',
      'provisioned_iops_per_node',
    ] as const
    const serverlessOnly = ['indexing_ocus', 'search_ocus', 'managed_storage_gb'] as const
    const misplaced = p.deployment === 'serverless' ? managedOnly : serverlessOnly
    const details = fieldsOfOtherMode(p, misplaced, `a ${p.deployment} deployment`)
    if (p.deployment === 'managed') {
      if (p.instance_type === undefined || p.instance_count === undefined)
        details.push({
          field: 'params.instance_type',
          reason: 'a managed domain needs instance_type and instance_count',
        })
      for (const [type, count] of [
        ['dedicated_master_type', 'dedicated_master_count'],
        ['ultrawarm_type', 'ultrawarm_count'],
      ] as const)
        if ((p[count] ?? 0) > 0 && p[type] === undefined)
          details.push({ field: `params.${type}`, reason: `is required when ${count} is above 0` })
      if ((p.provisioned_iops_per_node ?? 0) > 0 && p.storage_type !== 'io1')
        details.push({ field: 'params.provisioned_iops_per_node', reason: 'is billed on io1 volumes only' })
    }
    return details
  },
  toUsage(p, at, sink) {
    if (p.deployment === 'serverless') {
      sink('opensearch.ocu_hours.indexing', countHours(p.indexing_ocus ?? 0, p.hours, at))
      sink('opensearch.ocu_hours.search', countHours(p.search_ocus ?? 0, p.hours, at))
      sink('opensearch.managed_storage_gb_month', d(p.managed_storage_gb ?? 0))
      return
    }
    const nodes: [string | undefined, number | undefined][] = [
      [p.instance_type, p.instance_count],
      [p.dedicated_master_type, p.dedicated_master_count],
      [p.ultrawarm_type, p.ultrawarm_count],
    ]
    for (const [type, count] of nodes)
      if (type !== undefined) sink(`${INSTANCE_PREFIX}${type}`, countHours(count ?? 0, p.hours, at))
    const storageType: StorageType = p.storage_type ?? 'gp3'
    const dataNodes = p.instance_count ?? 0
    sink(`opensearch.storage_gb_month.${storageType}`, d(p.storage_gb_per_node ?? 0).times(dataNodes))
    sink('opensearch.piops_month', d(p.provisioned_iops_per_node ?? 0).times(dataNodes))
  },
  usageTypes: [
    {
      match: 'opensearch.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Node-hours, per type.',
    },
    {
      match: 'opensearch.storage_gb_month.*',
      unit: 'GB-months',
      kind: 'stock',
      description: 'EBS storage, per type.',
    },
    {
      match: 'opensearch.piops_month',
      unit: 'IOPS-months',
      kind: 'stock',
      description: 'io1 provisioned IOPS.',
    },
    {
      match: 'opensearch.ocu_hours.*',
      unit: 'OCU-hours',
      kind: 'flow',
      description: 'Serverless OCU-hours.',
    },
    {
      match: 'opensearch.managed_storage_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Serverless managed storage.',
    },
  ],
  ingest: {},
  sdk: [],
  // The AmazonES offer keys instances by an `instanceType` attribute beside a usagetype whose exact form was not
  // found in a public source, so `pricing import` leaves OpenSearch untouched.
  // AmazonES products: instances are `ESInstance:<type>` with the type (`c4.2xlarge.search`) in `instanceType`;
  // EBS volumes `ES:<medium>-Storage` and io1's provisioned IOPS `ES:PIOPS`; Serverless OCUs `IndexingOCU` and
  // `SearchOCU`.
  priceList: [
    {
      offerCode: 'AmazonES',
      awsUsageType: /^ESInstance:/,
      usageType: 'opensearch.instance_hours.{instanceType}',
      unit: 'instance-hours',
    },
    ...exactUsageTypes('AmazonES', [
      ['ES:GP2-Storage', 'opensearch.storage_gb_month.gp2', 'GB-months'],
      ['ES:GP3-Storage', 'opensearch.storage_gb_month.gp3', 'GB-months'],
      ['ES:PIOPS-Storage', 'opensearch.storage_gb_month.io1', 'GB-months'],
      ['ES:Magnetic-Storage', 'opensearch.storage_gb_month.standard', 'GB-months'],
      ['ES:PIOPS', 'opensearch.piops_month', 'IOPS-months'],
      ['IndexingOCU', 'opensearch.ocu_hours.indexing', 'OCU-hours'],
      ['SearchOCU', 'opensearch.ocu_hours.search', 'OCU-hours'],
    ]),
  ],
  terraform: {
    aws_opensearch_domain: ({ values }) => {
      const cluster = firstBlock(values.cluster_config)
      if (typeof cluster.instance_type !== 'string') return { skip: 'instance_type is not known until apply' }
      const ebs = firstBlock(values.ebs_options)
      const type = (value: unknown) => (typeof value === 'string' ? value : undefined)
      const masterType =
        cluster.dedicated_master_enabled === true ? type(cluster.dedicated_master_type) : undefined
      const warmType = cluster.warm_enabled === true ? type(cluster.warm_type) : undefined
      const volumeType = STORAGE_TYPES.find((candidate) => candidate === ebs.volume_type) ?? 'gp3'
      return {
        params: {
          deployment: 'managed' as const,
          instance_type: cluster.instance_type,
          instance_count: typeof cluster.instance_count === 'number' ? cluster.instance_count : 1,
          hours: 730,
          ...(masterType
            ? {
                dedicated_master_type: masterType,
                dedicated_master_count: numberOr(cluster.dedicated_master_count, 3),
              }
            : {}),
          ...(warmType ? { ultrawarm_type: warmType, ultrawarm_count: numberOr(cluster.warm_count, 2) } : {}),
          storage_type: volumeType,
          storage_gb_per_node: ebs.ebs_enabled === false ? 0 : numberOr(ebs.volume_size, 0),
          ...(volumeType === 'io1' ? { provisioned_iops_per_node: numberOr(ebs.iops, 0) } : {}),
        },
      }
    },
    aws_opensearchserverless_collection: () => ({
      params: {
        deployment: 'serverless' as const,
        hours: 730,
        indexing_ocus: 0,
        search_ocus: 0,
        managed_storage_gb: 0,
      },
    }),
  },
  examples: [],
})

/** Terraform plans render nested blocks as one-element lists. */
function firstBlock(value: unknown): Record<string, unknown> {
  const block = Array.isArray(value) ? value[0] : undefined
  return typeof block === 'object' && block !== null ? (block as Record<string, unknown>) : {}
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback
}
