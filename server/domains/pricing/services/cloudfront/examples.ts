import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Connected Mobility on AWS", README "Sample Cost Table" (US East (N.
 * Virginia), one month, default parameters; the table is marked as October 2024 pricing).
 */
const CONNECTED_MOBILITY_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-connected-mobility-on-aws'

export const cloudfrontExamples: WorkedExample[] = [
  {
    // "Amazon CloudFront | 100 GB data transfer | $8.50" (Sample Cost Table, US East (N. Virginia), one month):
    // 100 GB out to viewers at the first-10-TB United States rate of $0.085 per GB. The table leaves out the
    // always-free first 1 TB, so the example runs without the free tier.
    name: 'CloudFront: Connected Mobility guidance, 100 GB out in the United States (no free tier)',
    source: CONNECTED_MOBILITY_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'cloudfront', params: { viewer_geography: 'united_states', data_out_gb: 100 } }],
    printedTotal: '8.50',
  },
]
