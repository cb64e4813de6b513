import { Type } from '@sinclair/typebox'
import type { Decimal } from 'decimal.js'
import { count, d, gigabytes, optional, strict } from '../params.js'
import type { UsageSink, ValidationDetail } from '../service-descriptor.js'
import { defineService, exactUsageTypes } from '../service-descriptor.js'
import { s3Examples } from './examples.js'
import { s3Ingest } from './ingest.js'

/** 1 GB = 2^30 bytes, as AWS bills it. */
const BYTES_PER_GB = '1073741824'
/** KB per GB (binary), to turn per-object sizes into GB. */
const KB_PER_GB = 1_048_576
/** Standard-IA, One Zone-IA and Glacier Instant Retrieval bill a smaller object as 128 KB. */
const MIN_BILLABLE_OBJECT_KB = 128
/** Metadata AWS stores per archived object: 8 KB at Standard rates and 32 KB at the archive class's rate. */
const ARCHIVE_STANDARD_OVERHEAD_KB = 8
const ARCHIVE_CLASS_OVERHEAD_KB = 32

const STORAGE_CLASSES = [
  'standard',
  'intelligent_tiering',
  'standard_ia',
  'onezone_ia',
  'glacier_ir',
  'glacier_flexible',
  'deep_archive',
  'express_one_zone',
] as const
type StorageClass = (typeof STORAGE_CLASSES)[number]

/** Classes that charge per GB retrieved (Express One Zone: per GB read). */
const RETRIEVAL_CLASSES: readonly StorageClass[] = [
  'standard_ia',
  'onezone_ia',
  'glacier_ir',
  'glacier_flexible',
  'deep_archive',
  'express_one_zone',
]
/** Archive classes: objects are restored first, at a chosen speed, and each restore is a request. */
const ARCHIVE_CLASSES: readonly StorageClass[] = ['glacier_flexible', 'deep_archive']
const MIN_SIZE_CLASSES: readonly StorageClass[] = ['standard_ia', 'onezone_ia', 'glacier_ir']

// Optional (0 when left out), so line items saved before these params existed stay valid and price as before.
const optionalCount = (title: string, description: string) =>
  optional(Type.Integer({ minimum: 0, maximum: 1e15, title, description: `${description} 0 when left out.` }))
const optionalGigabytes = (title: string, description: string) =>
  optional(Type.Number({ minimum: 0, maximum: 1e9, title, description: `${description} 0 when left out.` }))

const gbOfKb = (kb: number | Decimal) => d(kb).dividedBy(KB_PER_GB)

/** Usage-type suffix of a class: Standard keeps the original, unsuffixed usage types. */
const suffix = (storageClass: StorageClass) => (storageClass === 'standard' ? '' : `.${storageClass}`)

/** The params with every optional one at the value it takes when left out. */
interface S3Params {
  storage_gb: number
  put_requests: number
  get_requests: number
  storage_class: StorageClass
  object_count: number
  it_infrequent_gb: number
  it_archive_instant_gb: number
  retrieval_gb: number
  retrieval_tier: 'expedited' | 'standard' | 'bulk'
  restore_requests: number
  upload_gb: number
}

/** GB-months billed for the class: minimum object size and archive metadata included. */
function storageUsage(p: S3Params, sink: UsageSink): void {
  const storage = d(p.storage_gb)
  const objects = d(p.object_count)
  switch (p.storage_class) {
    case 'intelligent_tiering':
      sink('s3.storage_gb_month.intelligent_tiering_frequent', storage)
      sink('s3.storage_gb_month.intelligent_tiering_infrequent', d(p.it_infrequent_gb))
      sink('s3.storage_gb_month.intelligent_tiering_archive_instant', d(p.it_archive_instant_gb))
      sink('s3.monitored_objects.intelligent_tiering', objects)
      return
    case 'glacier_flexible':
    case 'deep_archive':
      sink(
        `s3.storage_gb_month.${p.storage_class}`,
        storage.plus(gbOfKb(objects.times(ARCHIVE_CLASS_OVERHEAD_KB))),
      )
      sink('s3.storage_gb_month', gbOfKb(objects.times(ARCHIVE_STANDARD_OVERHEAD_KB)))
      return
    default: {
      const minimum = MIN_SIZE_CLASSES.includes(p.storage_class)
        ? gbOfKb(objects.times(MIN_BILLABLE_OBJECT_KB))
        : d(0)
      sink(`s3.storage_gb_month${suffix(p.storage_class)}`, storage.greaterThan(minimum) ? storage : minimum)
    }
  }
}

function retrievalUsage(p: S3Params, sink: UsageSink): void {
  const archive = ARCHIVE_CLASSES.includes(p.storage_class)
  const tier = archive ? `.${p.retrieval_tier}` : ''
  sink(`s3.retrieval_gb.${p.storage_class}${tier}`, d(p.retrieval_gb))
  if (archive) sink(`s3.restore_requests.${p.storage_class}${tier}`, d(p.restore_requests))
  if (p.storage_class === 'express_one_zone') sink('s3.upload_gb.express_one_zone', d(p.upload_gb))
}

type S3Input = Partial<S3Params> & Pick<S3Params, 'storage_gb' | 'put_requests' | 'get_requests'>

function withDefaults(p: S3Input): S3Params {
  return {
    storage_class: 'standard',
    object_count: 0,
    it_infrequent_gb: 0,
    it_archive_instant_gb: 0,
    retrieval_gb: 0,
    retrieval_tier: 'standard',
    restore_requests: 0,
    upload_gb: 0,
    ...p,
  }
}

function checkS3Params(input: S3Input): ValidationDetail[] {
  const p = withDefaults(input)
  const details: ValidationDetail[] = []
  const refuse = (field: string, reason: string) => details.push({ field: `params.${field}`, reason })
  const cls = p.storage_class
  if (cls !== 'intelligent_tiering') {
    if (p.it_infrequent_gb > 0)
      refuse('it_infrequent_gb', 'applies to storage_class intelligent_tiering only')
    if (p.it_archive_instant_gb > 0)
      refuse('it_archive_instant_gb', 'applies to storage_class intelligent_tiering only')
  }
  if (p.retrieval_gb > 0 && !RETRIEVAL_CLASSES.includes(cls))
    refuse('retrieval_gb', `${cls} has no retrieval fee: data is read at the GET request price`)
  if (p.restore_requests > 0 && !ARCHIVE_CLASSES.includes(cls))
    refuse('restore_requests', 'applies to glacier_flexible and deep_archive only')
  if (cls === 'deep_archive' && p.retrieval_tier === 'expedited')
    refuse('retrieval_tier', 'deep_archive offers standard and bulk retrieval only')
  if (p.upload_gb > 0 && cls !== 'express_one_zone')
    refuse('upload_gb', 'applies to storage_class express_one_zone only')
  if (p.object_count > 0 && (cls === 'standard' || cls === 'express_one_zone'))
    refuse('object_count', `${cls} bills GB stored only: there is no per-object charge or minimum size`)
  return details
}

export const s3 = defineService({
  id: 's3',
  usageTypePrefix: 's3',
  name: 'Amazon S3',
  category: 'storage',
  description: 'Object storage, billed per GB-month stored and per request.',
  help:
    'One storage class per item: average GB stored, PUT/COPY/POST/LIST and GET requests (DELETE is free), ' +
    'retrievals from the infrequent-access and archive classes, and the object count where a class bills per ' +
    'object: Intelligent-Tiering monitoring, the 128 KB minimum billable object size of Standard-IA, One Zone-IA ' +
    'and Glacier Instant Retrieval, the 40 KB of metadata per archived object. Minimum storage durations (30 days ' +
    'IA, 90 days Glacier IR/Flexible, 180 days Deep Archive) are charged as storage: enter GB-months including ' +
    'the days still owed by objects deleted early.',
  params: Type.Object(
    {
      storage_gb: gigabytes({
        title: 'Storage (GB)',
        description:
          'Average GB stored over the month in the storage class (for Intelligent-Tiering: the Frequent Access tier).',
      }),
      put_requests: count({
        title: 'PUT/COPY/POST/LIST requests',
        description: 'PUT, COPY, POST and LIST requests per month, at the storage class’s price.',
      }),
      get_requests: count({
        title: 'GET requests',
        description:
          'GET, SELECT and all other requests per month, at the storage class’s price. DELETE is free.',
      }),
      storage_class: Type.Optional(
        Type.Union(
          STORAGE_CLASSES.map((name) => Type.Literal(name)),
          {
            title: 'Storage class',
            description:
              'standard, intelligent_tiering, standard_ia, onezone_ia, glacier_ir (Instant Retrieval), ' +
              'glacier_flexible (Flexible Retrieval), deep_archive or express_one_zone, each with its own prices; standard when left out.',
          },
        ),
      ),
      object_count: optionalCount(
        'Objects stored',
        'Average number of objects stored. Intelligent-Tiering: objects of 128 KB or more, each billed the ' +
          'monitoring and automation fee per 1,000 objects. Standard-IA, One Zone-IA, Glacier IR: storage is ' +
          'billed as at least 128 KB per object. Glacier Flexible, Deep Archive: 32 KB per object at the class ' +
          'rate and 8 KB at Standard rates are added.',
      ),
      it_infrequent_gb: optionalGigabytes(
        'Infrequent Access tier (GB)',
        'Intelligent-Tiering only: average GB in the Infrequent Access tier (objects not read for 30 days).',
      ),
      it_archive_instant_gb: optionalGigabytes(
        'Archive Instant Access tier (GB)',
        'Intelligent-Tiering only: average GB in the Archive Instant Access tier (not read for 90 days).',
      ),
      retrieval_gb: optionalGigabytes(
        'Data retrieved (GB)',
        'GB retrieved per month from Standard-IA, One Zone-IA, Glacier IR, Glacier Flexible or Deep Archive ' +
          '(restored), or read from Express One Zone.',
      ),
      retrieval_tier: Type.Optional(
        Type.Union([Type.Literal('expedited'), Type.Literal('standard'), Type.Literal('bulk')], {
          title: 'Restore speed',
          description:
            'Glacier Flexible Retrieval: expedited, standard or bulk (free); Deep Archive: standard or bulk; standard when left out.',
        }),
      ),
      restore_requests: optionalCount(
        'Restore requests',
        'Glacier Flexible Retrieval and Deep Archive: objects restored per month, priced per 1,000.',
      ),
      upload_gb: optionalGigabytes(
        'Data uploaded (GB)',
        'Express One Zone only: GB written per month (billed per GB uploaded, besides the PUT requests).',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams: checkS3Params,
  toUsage(input, _at, sink) {
    const p = withDefaults(input)
    storageUsage(p, sink)
    const requests = suffix(p.storage_class)
    sink(`s3.requests.put${requests}`, d(p.put_requests))
    sink(`s3.requests.get${requests}`, d(p.get_requests))
    if (RETRIEVAL_CLASSES.includes(p.storage_class)) retrievalUsage(p, sink)
  },
  usageTypes: [
    {
      match: 's3.storage_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Standard storage held over the month (with the 8 KB per archived object).',
    },
    {
      match: 's3.storage_gb_month.*',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Storage of another class (or Intelligent-Tiering tier) held over the month.',
    },
    {
      match: 's3.requests.*',
      unit: 'requests',
      kind: 'flow',
      description: 'Requests, per request class (put, get) and storage class.',
    },
    {
      match: 's3.retrieval_gb.*',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'GB retrieved, per storage class (and restore speed for archives).',
    },
    {
      match: 's3.upload_gb.*',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'GB uploaded to Express One Zone.',
    },
    {
      match: 's3.restore_requests.*',
      unit: 'requests',
      kind: 'flow',
      description: 'Restore requests of archived objects, per class and restore speed.',
    },
    {
      match: 's3.monitored_objects.*',
      unit: 'objects',
      kind: 'stock',
      description: 'Objects under Intelligent-Tiering monitoring and automation over the month.',
    },
  ],
  ingest: s3Ingest,
  sdk: [
    {
      client: 'S3Client',
      commands: ['PutObject', 'GetObject', 'ListObjectsV2', 'ListObjects', 'DeleteObject'],
    },
  ],
  // AmazonS3 products, one usagetype per storage class and request tier (Tier1: PUT, COPY, POST, LIST; Tier2:
  // GET and the rest). Standard storage shares `TimedStorage-ByteHrs` with Intelligent-Tiering overhead
  // products, so its `volumeType` is required; Glacier Flexible Retrieval PUTs share `Requests-GLACIER-Tier1` with
  // lifecycle transitions, and restores from both archive classes share `Standard-Retrieval-Bytes`, so their
  // `operation` is required.
  priceList: [
    {
      offerCode: 'AmazonS3',
      awsUsageType: /^TimedStorage-ByteHrs$/,
      usageType: 's3.storage_gb_month',
      unit: 'GB-months',
      requires: { volumeType: 'Standard' },
    },
    ...exactUsageTypes('AmazonS3', [
      ['TimedStorage-SIA-ByteHrs', 's3.storage_gb_month.standard_ia', 'GB-months'],
      ['TimedStorage-ZIA-ByteHrs', 's3.storage_gb_month.onezone_ia', 'GB-months'],
      ['TimedStorage-GIR-ByteHrs', 's3.storage_gb_month.glacier_ir', 'GB-months'],
      ['TimedStorage-GlacierByteHrs', 's3.storage_gb_month.glacier_flexible', 'GB-months'],
      ['TimedStorage-INT-FA-ByteHrs', 's3.storage_gb_month.intelligent_tiering_frequent', 'GB-months'],
      ['TimedStorage-INT-IA-ByteHrs', 's3.storage_gb_month.intelligent_tiering_infrequent', 'GB-months'],
      [
        'TimedStorage-INT-AIA-ByteHrs',
        's3.storage_gb_month.intelligent_tiering_archive_instant',
        'GB-months',
      ],
      ['TimedStorage-XZ-ByteHrs', 's3.storage_gb_month.express_one_zone', 'GB-months'],
      ['Monitoring-Automation-INT', 's3.monitored_objects.intelligent_tiering', 'objects'],
      ['Requests-Tier1', 's3.requests.put', 'requests'],
      ['Requests-Tier2', 's3.requests.get', 'requests'],
      ['Requests-INT-Tier1', 's3.requests.put.intelligent_tiering', 'requests'],
      ['Requests-INT-Tier2', 's3.requests.get.intelligent_tiering', 'requests'],
      ['Requests-SIA-Tier1', 's3.requests.put.standard_ia', 'requests'],
      ['Requests-SIA-Tier2', 's3.requests.get.standard_ia', 'requests'],
      ['Requests-ZIA-Tier1', 's3.requests.put.onezone_ia', 'requests'],
      ['Requests-ZIA-Tier2', 's3.requests.get.onezone_ia', 'requests'],
      ['Requests-GIR-Tier1', 's3.requests.put.glacier_ir', 'requests'],
      ['Requests-GIR-Tier2', 's3.requests.get.glacier_ir', 'requests'],
      ['Requests-GLACIER-Tier2', 's3.requests.get.glacier_flexible', 'requests'],
      ['Requests-GDA-Tier2', 's3.requests.get.deep_archive', 'requests'],
      ['Requests-XZ-Tier1', 's3.requests.put.express_one_zone', 'requests'],
      ['Requests-XZ-Tier2', 's3.requests.get.express_one_zone', 'requests'],
      ['Retrieval-SIA', 's3.retrieval_gb.standard_ia', 'GB'],
      ['Retrieval-ZIA', 's3.retrieval_gb.onezone_ia', 'GB'],
      ['Retrieval-GIR', 's3.retrieval_gb.glacier_ir', 'GB'],
      ['Retrieval-XZ', 's3.retrieval_gb.express_one_zone', 'GB'],
      ['Upload-XZ', 's3.upload_gb.express_one_zone', 'GB'],
    ]),
    // Glacier Deep Archive storage, PUTs, restores and retrievals are an offer of their own (the AmazonS3 offer
    // lists only its staging charge and GETs).
    ...exactUsageTypes('AmazonS3GlacierDeepArchive', [
      ['TimedStorage-GDA-ByteHrs', 's3.storage_gb_month.deep_archive', 'GB-months'],
      ['Requests-GDA-Tier3', 's3.restore_requests.deep_archive.standard', 'requests'],
      ['Requests-GDA-Tier5', 's3.restore_requests.deep_archive.bulk', 'requests'],
      ['Standard-Retrieval-Bytes', 's3.retrieval_gb.deep_archive.standard', 'GB'],
      ['Bulk-Retrieval-Bytes', 's3.retrieval_gb.deep_archive.bulk', 'GB'],
    ]),
    {
      offerCode: 'AmazonS3GlacierDeepArchive',
      awsUsageType: /^Requests-GDA-Tier1$/,
      usageType: 's3.requests.put.deep_archive',
      unit: 'requests',
      requires: { operation: 'PostObject' },
    },
    // Glacier Flexible Retrieval restores (Tier3 also counts lifecycle transitions, told apart by operation).
    ...(
      [
        ['Requests-Tier3', 'RestoreObject', 's3.restore_requests.glacier_flexible.standard', 'requests'],
        ['Requests-Tier5', undefined, 's3.restore_requests.glacier_flexible.bulk', 'requests'],
        ['Requests-Tier6', undefined, 's3.restore_requests.glacier_flexible.expedited', 'requests'],
        ['Expedited-Retrieval-Bytes', undefined, 's3.retrieval_gb.glacier_flexible.expedited', 'GB'],
        ['Bulk-Retrieval-Bytes', 'RestoreObject', 's3.retrieval_gb.glacier_flexible.bulk', 'GB'],
      ] as const
    ).map(([awsUsageType, operation, usageType, unit]) => ({
      offerCode: 'AmazonS3',
      awsUsageType: new RegExp(`^${awsUsageType}$`),
      usageType,
      unit,
      ...(operation ? { requires: { operation } } : {}),
    })),
    {
      offerCode: 'AmazonS3',
      awsUsageType: /^Requests-GLACIER-Tier1$/,
      usageType: 's3.requests.put.glacier_flexible',
      unit: 'requests',
      requires: { operation: 'PutObject' },
    },
    {
      offerCode: 'AmazonS3',
      awsUsageType: /^Standard-Retrieval-Bytes$/,
      usageType: 's3.retrieval_gb.glacier_flexible.standard',
      unit: 'GB',
      requires: { operation: 'RestoreObject' },
    },
    {
      offerCode: 'AmazonS3',
      awsUsageType: /^Standard-Retrieval-Bytes$/,
      usageType: 's3.retrieval_gb.deep_archive.standard',
      unit: 'GB',
      requires: { operation: 'DeepArchiveRestoreObject' },
    },
  ],
  terraform: { aws_s3_bucket: () => ({ params: { storage_gb: 0, put_requests: 0, get_requests: 0 } }) },
  examples: s3Examples,
})
