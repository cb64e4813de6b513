import { Type } from '@sinclair/typebox'
import { d, gigabytes, optional, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { dataTransferExamples } from './examples.js'
import { dataTransferIngest } from './ingest.js'

const BYTES_PER_GB = '1073741824'

/**
 * Data sent to the internet (in bands across services), between Availability Zones of the Region (billed in
 * each direction: once leaving one AZ, once entering the other) and out to other Regions.
 */
export const dataTransfer = defineService({
  id: 'data_transfer',
  usageTypePrefix: 'data_transfer',
  name: 'Data transfer',
  category: 'networking',
  description: 'Data sent to the internet, across Availability Zones and to other Regions, billed per GB.',
  help: 'Out to the internet (bands apply to the month’s total across all services), between Availability Zones (billed in each direction) and to other Regions.',
  params: Type.Object(
    {
      gb_out: gigabytes({
        title: 'GB out to the internet',
        description: 'GB sent to the internet per month.',
      }),
      gb_cross_az: optional(
        gigabytes({
          title: 'GB between Availability Zones',
          description:
            'GB moved between Availability Zones of the Region per month; billed out of one and into the other. 0 when left out.',
        }),
      ),
      gb_inter_region: optional(
        gigabytes({
          title: 'GB to other Regions',
          description:
            'GB sent to other AWS Regions per month (from us-east-1 and us-east-2: to Regions other than each other); 0 when left out.',
        }),
      ),
      gb_us_east_inter_region: optional(
        gigabytes({
          title: 'GB between US East Regions',
          description: 'GB sent between US East (N. Virginia) and US East (Ohio) per month; 0 when left out.',
        }),
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('data_transfer.out_gb', d(p.gb_out))
    // AWS bills cross-AZ traffic in each direction: a GB moved is a GB out of one AZ and a GB into the other.
    sink('data_transfer.cross_az_gb', d(p.gb_cross_az ?? 0).times(2))
    sink('data_transfer.inter_region_gb', d(p.gb_inter_region ?? 0))
    sink('data_transfer.us_east_inter_region_gb', d(p.gb_us_east_inter_region ?? 0))
  },
  usageTypes: [
    {
      match: 'data_transfer.out_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'GB out to the internet.',
    },
    {
      match: 'data_transfer.cross_az_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'GB between Availability Zones, counted in each direction.',
    },
    {
      match: 'data_transfer.inter_region_gb',
      unit: 'GB',
      kind: 'flow',
      description: 'GB out to other Regions.',
    },
    {
      match: 'data_transfer.us_east_inter_region_gb',
      unit: 'GB',
      kind: 'flow',
      description:
        'GB between US East (N. Virginia) and US East (Ohio); billed in those two Regions only (elsewhere transfer to them is inter_region_gb).',
    },
  ],
  ingest: dataTransferIngest,
  sdk: [],
  priceList: [
    {
      offerCode: 'AWSDataTransfer',
      awsUsageType: /^DataTransfer-Out-Bytes$/,
      usageType: 'data_transfer.out_gb',
      unit: 'GB',
    },
  ],
  terraform: {},
  examples: dataTransferExamples,
})
