import { Type } from '@sinclair/typebox'
import { d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { dataTransferExamples } from './examples.js'

export const dataTransfer = defineService({
  id: 'data_transfer',
  usageTypePrefix: 'data_transfer',
  name: 'Data transfer',
  category: 'networking',
  description: 'Data sent from AWS to the internet, billed per GB in bands across services.',
  help: 'Data transfer out to the internet; the bands apply to the month’s total across all services.',
  params: Type.Object(
    {
      gb_out: gigabytes({
        title: 'GB out to the internet',
        description: 'GB sent to the internet per month.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('data_transfer.out_gb', d(p.gb_out))
  },
  usageTypes: [
    {
      match: 'data_transfer.out_gb',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: '1073741824',
      description: 'GB out to the internet.',
    },
  ],
  ingestEvents: ['transfer.out'],
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
