import { Type } from '@sinclair/typebox'
import { d, gigabytes, strict } from '../params.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService } from '../service-descriptor.js'
import { efsExamples } from './examples.js'

const optionalGb = (title: string, description: string) => Type.Optional(gigabytes({ title, description }))

/**
 * Amazon EFS: storage per GB-month by storage class (Regional Standard, Infrequent Access, Archive; One Zone
 * and One Zone-IA), billed on the average stored over the month. The throughput mode sets the rest: Elastic
 * throughput bills each GB read and written (and stores Infrequent Access at a lower rate), Provisioned bills
 * each MB/s provisioned above the baseline, Bursting is included in storage. Reading from or tiering into
 * Infrequent Access or Archive is billed per GB in every mode.
 */
export const efs = defineService({
  id: 'efs',
  usageTypePrefix: 'efs',
  name: 'Amazon EFS',
  category: 'storage',
  description: 'Managed NFS file systems, billed per GB-month by storage class and by throughput mode.',
  help:
    'Average GB stored per storage class over the month; Elastic throughput adds the GB read and written, ' +
    'Provisioned the MB/s provisioned above the baseline. Backups (AWS Backup), replication and cross-AZ data ' +
    'transfer are not included.',
  params: Type.Object(
    {
      throughput_mode: Type.Union(
        [Type.Literal('elastic'), Type.Literal('bursting'), Type.Literal('provisioned')],
        {
          default: 'elastic',
          title: 'Throughput mode',
          description:
            'elastic (the default): pay per GB read and written; bursting: included in storage; provisioned: pay ' +
            'per MB/s provisioned.',
        },
      ),
      standard_gb: gigabytes({
        title: 'Standard storage (GB)',
        description: 'Average GB stored in EFS Standard (Regional) over the month.',
      }),
      infrequent_access_gb: optionalGb(
        'Infrequent Access storage (GB)',
        'Average GB in EFS Infrequent Access (Regional); a lower rate with Elastic throughput.',
      ),
      archive_gb: optionalGb('Archive storage (GB)', 'Average GB in EFS Archive over the month.'),
      one_zone_gb: optionalGb('One Zone storage (GB)', 'Average GB in EFS One Zone over the month.'),
      one_zone_ia_gb: optionalGb('One Zone-IA storage (GB)', 'Average GB in EFS One Zone-Infrequent Access.'),
      elastic_read_gb: optionalGb(
        'Elastic throughput reads (GB)',
        'GB read per month (Elastic throughput only).',
      ),
      elastic_write_gb: optionalGb(
        'Elastic throughput writes (GB)',
        'GB written per month (Elastic throughput only).',
      ),
      infrequent_access_access_gb: optionalGb(
        'Infrequent Access reads and tiering (GB)',
        'GB read from Infrequent Access storage or tiered into it per month.',
      ),
      archive_access_gb: optionalGb(
        'Archive reads and tiering (GB)',
        'GB read from Archive storage or tiered into it per month.',
      ),
      provisioned_mbps: Type.Optional(
        Type.Number({
          minimum: 0,
          maximum: 100_000,
          title: 'Provisioned throughput above baseline (MB/s)',
          description:
            'MB/s provisioned above the throughput Standard storage includes (Provisioned throughput only), held ' +
            'all month.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (p.throughput_mode !== 'elastic') {
      for (const field of ['elastic_read_gb', 'elastic_write_gb'] as const)
        if ((p[field] ?? 0) > 0)
          details.push({ field: `params.${field}`, reason: 'is billed with Elastic throughput only' })
    }
    if (p.throughput_mode !== 'provisioned' && (p.provisioned_mbps ?? 0) > 0)
      details.push({ field: 'params.provisioned_mbps', reason: 'is billed with Provisioned throughput only' })
    return details
  },
  toUsage(p, _at, sink) {
    const elastic = p.throughput_mode === 'elastic'
    sink('efs.storage_gb_month.standard', d(p.standard_gb))
    sink(
      elastic ? 'efs.storage_gb_month.infrequent_access_elastic' : 'efs.storage_gb_month.infrequent_access',
      d(p.infrequent_access_gb ?? 0),
    )
    sink('efs.storage_gb_month.archive', d(p.archive_gb ?? 0))
    sink('efs.storage_gb_month.one_zone', d(p.one_zone_gb ?? 0))
    sink('efs.storage_gb_month.one_zone_ia', d(p.one_zone_ia_gb ?? 0))
    sink('efs.elastic_gb.read', d(p.elastic_read_gb ?? 0))
    sink('efs.elastic_gb.write', d(p.elastic_write_gb ?? 0))
    sink('efs.access_gb.infrequent_access', d(p.infrequent_access_access_gb ?? 0))
    sink('efs.access_gb.archive', d(p.archive_access_gb ?? 0))
    sink('efs.provisioned_mbps_month', d(p.provisioned_mbps ?? 0))
  },
  usageTypes: [
    { match: 'efs.storage_gb_month.*', unit: 'GB-months', kind: 'stock', description: 'Storage, per class.' },
    {
      match: 'efs.elastic_gb.*',
      unit: 'GB',
      kind: 'flow',
      description: 'Elastic throughput, read or write.',
    },
    {
      match: 'efs.access_gb.*',
      unit: 'GB',
      kind: 'flow',
      description: 'Reads from, and tiering into, a cold class.',
    },
    {
      match: 'efs.provisioned_mbps_month',
      unit: 'MBps-months',
      kind: 'stock',
      description: 'Provisioned throughput above the baseline.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^TimedStorage-ByteHrs$/,
      usageType: 'efs.storage_gb_month.standard',
      unit: 'GB-months',
    },
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^IATimedStorage-ByteHrs$/,
      usageType: 'efs.storage_gb_month.infrequent_access',
      unit: 'GB-months',
    },
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^IATimedStorage-ET-ByteHrs$/,
      usageType: 'efs.storage_gb_month.infrequent_access_elastic',
      unit: 'GB-months',
    },
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^ArchiveTimedStorage-ByteHrs$/,
      usageType: 'efs.storage_gb_month.archive',
      unit: 'GB-months',
    },
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^TimedStorage-Z-ByteHrs$/,
      usageType: 'efs.storage_gb_month.one_zone',
      unit: 'GB-months',
    },
    {
      offerCode: 'AmazonEFS',
      awsUsageType: /^IATimedStorage-Z-ByteHrs$/,
      usageType: 'efs.storage_gb_month.one_zone_ia',
      unit: 'GB-months',
    },
  ],
  terraform: {
    aws_efs_file_system: ({ values }) => {
      const mode = values.throughput_mode
      const throughputMode: 'elastic' | 'bursting' | 'provisioned' =
        mode === 'bursting' || mode === 'provisioned' ? mode : 'elastic'
      return { params: { throughput_mode: throughputMode, standard_gb: 0 } }
    },
    aws_efs_mount_target: () => ({ skip: 'no charge of its own' }),
  },
  examples: efsExamples,
})
