import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { s3Examples } from './examples.js'

/** 1 GB = 2^30 bytes, as AWS bills it. */
const BYTES_PER_GB = '1073741824'

export const s3 = defineService({
  id: 's3',
  usageTypePrefix: 's3',
  name: 'Amazon S3',
  category: 'storage',
  description: 'Object storage, billed per GB-month stored and per request.',
  help: 'S3 Standard: average GB stored over the month, PUT/COPY/POST/LIST and GET requests. DELETE is free.',
  params: Type.Object(
    {
      storage_gb: gigabytes({ title: 'Storage (GB)', description: 'Average GB stored over the month.' }),
      put_requests: count({
        title: 'PUT/COPY/POST/LIST requests',
        description: 'PUT, COPY, POST and LIST requests per month.',
      }),
      get_requests: count({
        title: 'GET requests',
        description: 'GET, SELECT and other requests per month.',
      }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('s3.storage_gb_month', d(p.storage_gb))
    sink('s3.requests.put', d(p.put_requests))
    sink('s3.requests.get', d(p.get_requests))
  },
  usageTypes: [
    {
      match: 's3.storage_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Standard storage held over the month.',
    },
    { match: 's3.requests.*', unit: 'requests', kind: 'flow', description: 'Requests, per request class.' },
  ],
  ingestEvents: ['s3.put', 's3.get', 's3.list', 's3.delete'],
  sdk: [
    {
      client: 'S3Client',
      commands: ['PutObject', 'GetObject', 'ListObjectsV2', 'ListObjects', 'DeleteObject'],
    },
  ],
  priceList: [],
  terraform: { aws_s3_bucket: () => ({ params: { storage_gb: 0, put_requests: 0, get_requests: 0 } }) },
  examples: s3Examples,
})
