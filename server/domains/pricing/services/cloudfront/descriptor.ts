import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, strict } from '../params.js'
import type { ValidationDetail } from '../service-descriptor.js'
import { defineService } from '../service-descriptor.js'
import { cloudfrontExamples } from './examples.js'

const BYTES_PER_GB = '1073741824'

/**
 * CloudFront's edge location groups, as its pricing page names them. Edge traffic is billed by the group of
 * the edge that serves it, whatever the AWS Region of the scenario (docs/pricing.md, Amazon CloudFront).
 */
const VIEWER_GEOGRAPHIES = {
  united_states: 'United States, Mexico and Canada',
  europe: 'Europe, Israel and Türkiye',
  middle_east_africa: 'South Africa, Kenya, Nigeria and Middle East',
  south_america: 'South America',
  japan: 'Japan',
  australia: 'Australia and New Zealand',
  asia_pacific:
    'Hong Kong, Indonesia, Philippines, Singapore, South Korea, Taiwan, Thailand, Malaysia, Vietnam',
  india: 'India',
} as const
type ViewerGeography = keyof typeof VIEWER_GEOGRAPHIES

/** The edge groups each price class serves from; viewers elsewhere are served (and billed) by these edges. */
type PriceClass = 'all' | '200' | '100'
const PRICE_CLASS_GEOGRAPHIES: Record<PriceClass, readonly ViewerGeography[]> = {
  all: Object.keys(VIEWER_GEOGRAPHIES) as ViewerGeography[],
  '200': ['united_states', 'europe', 'middle_east_africa', 'japan', 'asia_pacific', 'india'],
  '100': ['united_states', 'europe'],
}

const optionalCount = (title: string, description: string) => Type.Optional(count({ title, description }))

/**
 * Amazon CloudFront, pay as you go: data transfer out to the internet per GB, in bands counted separately for
 * each edge location group, and HTTP and HTTPS requests per 10,000 at the group's rates; Origin Shield requests
 * at the rate of the Origin Shield's AWS Region (the scenario's); invalidation paths beyond 1,000 a month; and
 * CloudFront Functions invocations. The always-free tier covers 1 TB out, 10 million requests and 2 million
 * function invocations a month.
 */
export const cloudfront = defineService({
  id: 'cloudfront',
  usageTypePrefix: 'cloudfront',
  name: 'Amazon CloudFront',
  category: 'networking',
  description: 'Content delivery network, billed per GB delivered and per request by edge location group.',
  help:
    'CloudFront bills by the edge location group that serves your viewers, not by AWS Region: pick the viewer ' +
    'geography (one line item per group when viewers are spread out); the scenario Region only sets the Origin ' +
    'Shield rate. A price class that leaves a group out serves those viewers from its own edges, so choose one ' +
    'of its groups. Origin fetches from AWS origins are free; data transfer to the origin, Lambda@Edge (a ' +
    'Lambda line item), KeyValueStore, real-time logs, dedicated-IP SSL and the flat-rate plans are not modelled.',
  params: Type.Object(
    {
      viewer_geography: Type.Union(
        (Object.keys(VIEWER_GEOGRAPHIES) as ViewerGeography[]).map((geography) => Type.Literal(geography)),
        {
          default: 'united_states',
          title: 'Viewer geography',
          description: `Edge location group serving the traffic: ${Object.entries(VIEWER_GEOGRAPHIES)
            .map(([id, name]) => `${id} (${name})`)
            .join(', ')}.`,
        },
      ),
      price_class: Type.Union([Type.Literal('all'), Type.Literal('200'), Type.Literal('100')], {
        default: 'all',
        title: 'Price class',
        description:
          'all edge locations; 200 (no South America, Australia and New Zealand); 100 (United States, Mexico, ' +
          'Canada, Europe, Israel and Türkiye only).',
      }),
      data_out_gb: gigabytes({
        title: 'Data transfer out to the internet (GB)',
        description: 'GB delivered to viewers per month from this edge location group.',
      }),
      http_requests: optionalCount(
        'HTTP requests per month',
        'HTTP requests of any method served to viewers.',
      ),
      https_requests: optionalCount(
        'HTTPS requests per month',
        'HTTPS requests of any method served to viewers (dearer than HTTP in most groups).',
      ),
      origin_shield_requests: optionalCount(
        'Origin Shield requests per month',
        'Requests that reach Origin Shield as an extra caching layer, billed at the rate of the Origin Shield ' +
          'Region (the scenario Region).',
      ),
      invalidation_paths: optionalCount(
        'Invalidation paths per month',
        'Paths submitted for invalidation across all distributions (a wildcard path counts once); the first ' +
          '1,000 a month cost nothing.',
      ),
      function_invocations: optionalCount(
        'CloudFront Functions invocations per month',
        'Viewer request and response function invocations.',
      ),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  checkParams(p) {
    const details: ValidationDetail[] = []
    if (!PRICE_CLASS_GEOGRAPHIES[p.price_class].includes(p.viewer_geography))
      details.push({
        field: 'params.viewer_geography',
        reason: `is not served by price class ${p.price_class}: its viewers are served and billed by the edges of ${PRICE_CLASS_GEOGRAPHIES[
          p.price_class
        ].join(' or ')}`,
      })
    return details
  },
  toUsage(p, _at, sink) {
    sink(`cloudfront.data_out_gb.${p.viewer_geography}`, d(p.data_out_gb))
    sink(`cloudfront.requests.http.${p.viewer_geography}`, d(p.http_requests ?? 0))
    sink(`cloudfront.requests.https.${p.viewer_geography}`, d(p.https_requests ?? 0))
    sink('cloudfront.origin_shield_requests', d(p.origin_shield_requests ?? 0))
    sink('cloudfront.invalidation_paths', d(p.invalidation_paths ?? 0))
    sink('cloudfront.function_invocations', d(p.function_invocations ?? 0))
  },
  usageTypes: [
    {
      match: 'cloudfront.data_out_gb.*',
      unit: 'GB',
      kind: 'flow',
      baseUnit: 'bytes',
      baseUnitsPerUnit: BYTES_PER_GB,
      description: 'Data transfer out to the internet, per edge location group.',
    },
    {
      match: 'cloudfront.requests.*',
      unit: 'requests',
      kind: 'flow',
      description: 'HTTP or HTTPS requests, per edge location group.',
    },
    {
      match: 'cloudfront.origin_shield_requests',
      unit: 'requests',
      kind: 'flow',
      description: 'Requests to Origin Shield.',
    },
    {
      match: 'cloudfront.invalidation_paths',
      unit: 'paths',
      kind: 'flow',
      description: 'Invalidation paths (the first 1,000 a month are free).',
    },
    {
      match: 'cloudfront.function_invocations',
      unit: 'invocations',
      kind: 'flow',
      description: 'CloudFront Functions invocations.',
    },
  ],
  ingest: {},
  sdk: [],
  // Only Origin Shield products carry an AWS Region; edge products are priced by location group, which the
  // offer import (keyed by Region) cannot place.
  priceList: [
    {
      offerCode: 'AmazonCloudFront',
      awsUsageType: /^Requests-OriginShield$/,
      usageType: 'cloudfront.origin_shield_requests',
      unit: 'requests',
    },
  ],
  terraform: {
    aws_cloudfront_distribution: ({ values }) => {
      const priceClass: PriceClass =
        values.price_class === 'PriceClass_100'
          ? '100'
          : values.price_class === 'PriceClass_200'
            ? '200'
            : 'all'
      return {
        params: { viewer_geography: 'united_states' as const, price_class: priceClass, data_out_gb: 0 },
      }
    },
    aws_cloudfront_function: () => ({ skip: 'billed per invocation on the distribution' }),
    aws_cloudfront_origin_access_control: () => ({ skip: 'no charge of its own' }),
  },
  examples: cloudfrontExamples,
})
