import { Type } from '@sinclair/typebox'
import { d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'

/**
 * Amazon Elastic Container Registry, private repositories: image storage per GB-month (layers are stored
 * compressed and shared between images). Pulls within a Region are free; data transferred out of the Region or
 * to the internet is billed at EC2's data transfer rates, which is the `data_transfer` service's concern.
 */
export const ecr = defineService({
  id: 'ecr',
  usageTypePrefix: 'ecr',
  name: 'Amazon Elastic Container Registry',
  category: 'compute',
  description: 'Private container image registry, billed per GB-month of image storage.',
  help:
    'GB of images stored (compressed layers, each shared layer counted once) on average over the month. Image ' +
    'pulls in the same Region are free; pulls from other Regions or the internet are data transfer (add a data ' +
    'transfer line item). Enhanced scanning (Amazon Inspector), ECR Public and pull-through caches are not modelled.',
  params: Type.Object(
    {
      storage_gb: gigabytes({
        title: 'Image storage (GB-month)',
        description: 'Average GB of compressed image layers stored in private repositories over the month.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('ecr.storage_gb_months', d(p.storage_gb))
  },
  usageTypes: [
    {
      match: 'ecr.storage_gb_months',
      unit: 'GB-months',
      kind: 'stock',
      description: 'Private repository image storage.',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonECR',
      awsUsageType: /^TimedStorage-ByteHrs$/,
      usageType: 'ecr.storage_gb_months',
      unit: 'GB-months',
    },
  ],
  terraform: {
    aws_ecr_repository: () => ({ params: { storage_gb: 0 } }),
    aws_ecr_lifecycle_policy: () => ({ skip: 'no charge of its own' }),
    aws_ecr_repository_policy: () => ({ skip: 'no charge of its own' }),
    // Replicated images are stored, and billed, in each destination Region's own repositories.
    aws_ecr_replication_configuration: () => ({ skip: 'billed as storage of the destination repositories' }),
  },
  examples: [],
})
