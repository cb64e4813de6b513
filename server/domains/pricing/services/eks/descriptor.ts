import { Type } from '@sinclair/typebox'
import { countHours, hours, instanceCount, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'
import { eksExamples } from './examples.js'

/**
 * The EKS control plane: every cluster is billed per hour it exists, and a cluster whose Kubernetes version is
 * past standard support (14 months) also pays the extended-support surcharge for the same hours. Worker nodes
 * (EC2, Fargate) and their volumes, load balancers and NAT gateways are separate line items.
 */
export const eks = defineService({
  id: 'eks',
  usageTypePrefix: 'eks',
  name: 'Amazon EKS',
  category: 'compute',
  description:
    'Managed Kubernetes control planes, billed per cluster-hour, with a surcharge in extended support.',
  help:
    'Clusters × hours of the control plane; a cluster on a Kubernetes version in extended support adds the ' +
    'surcharge for the same hours. Nodes, Fargate pods (a Fargate item with orchestrator eks), Auto Mode, ' +
    'hybrid nodes and the provisioned control plane are not included.',
  params: Type.Object(
    {
      clusters: instanceCount(1000, {
        title: 'Clusters',
        description: 'EKS clusters, or {min, typical, max}.',
      }),
      hours,
      support: Type.Union([Type.Literal('standard'), Type.Literal('extended')], {
        default: 'standard',
        title: 'Kubernetes version support',
        description:
          'standard: the version is within 14 months of its EKS release; extended: past that, with the surcharge.',
      }),
    },
    strict,
  ),
  rangedParams: ['clusters', 'hours'],
  catalogValues: [],
  toUsage(p, at, sink) {
    const clusterHours = countHours(p.clusters, p.hours, at)
    sink('eks.cluster_hours', clusterHours)
    if (p.support === 'extended') sink('eks.extended_support_hours', clusterHours)
  },
  usageTypes: [
    {
      match: 'eks.cluster_hours',
      unit: 'cluster-hours',
      kind: 'flow',
      description: 'Control plane cluster-hours.',
    },
    {
      match: 'eks.extended_support_hours',
      unit: 'cluster-hours',
      kind: 'flow',
      description: 'Cluster-hours in extended support (surcharge).',
    },
  ],
  ingest: {},
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonEKS',
      awsUsageType: /^AmazonEKS-Hours:perCluster$/,
      usageType: 'eks.cluster_hours',
      unit: 'cluster-hours',
    },
    {
      offerCode: 'AmazonEKS',
      awsUsageType: /^AmazonEKS-Hours:extendedSupport$/,
      usageType: 'eks.extended_support_hours',
      unit: 'cluster-hours',
    },
  ],
  terraform: {
    // A new cluster runs a version in standard support; the surcharge starts only when the version ages out.
    aws_eks_cluster: () => ({ params: { clusters: 1, hours: 730, support: 'standard' as const } }),
    aws_eks_node_group: () => ({ skip: 'nodes are EC2 instances: price them as EC2 line items' }),
    aws_eks_fargate_profile: () => ({
      skip: 'no charge of its own: price its pods as a Fargate line item with orchestrator eks',
    }),
  },
  examples: eksExamples,
})
