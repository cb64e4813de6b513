import type { WorkedExample } from '../service-descriptor.js'

/**
 * AWS Solutions Library, "Guidance for Automated Provisioning of Application-Ready Amazon EKS Clusters", README
 * "Sample cost table" (us-east-1, one month, "based on the AWS Pricing Calculator output"; as of August 2024).
 */
const EKS_READY_CLUSTERS_GUIDANCE =
  'https://github.com/aws-solutions-library-samples/guidance-for-automated-provisioning-of-application-ready-amazon-eks-clusters'

export const eksExamples: WorkedExample[] = [
  {
    // "Amazon EKS | 1 cluster | $73.00": one cluster in standard support for a 730-hour month at $0.10 per
    // cluster-hour.
    name: 'EKS: application-ready cluster guidance, one cluster in standard support for a month',
    source: EKS_READY_CLUSTERS_GUIDANCE,
    region: 'us-east-1',
    includeFreeTier: false,
    items: [{ service: 'eks', params: { clusters: 1, hours: 730, support: 'standard' } }],
    printedTotal: '73.00',
  },
]
