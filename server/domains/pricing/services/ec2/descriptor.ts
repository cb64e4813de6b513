import { Type } from '@sinclair/typebox'
import { listInstanceTypes } from '../catalog-values.js'
import { catalogName, d, hours, instanceCount, pointOf, strict } from '../params.js'
import { asString } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'

/** EC2 bills instance-hours = count × hours (Linux, shared tenancy, on-demand). */
export const ec2 = defineService({
  id: 'ec2',
  usageTypePrefix: 'ec2',
  name: 'Amazon EC2',
  category: 'compute',
  description: 'Virtual servers, billed per instance-hour.',
  help: 'On-demand Linux instances in shared tenancy: instances × hours per month of one instance type.',
  params: Type.Object(
    {
      instance_type: catalogName({
        title: 'Instance type',
        description: 'An EC2 instance type of the catalog.',
      }),
      count: instanceCount(100_000, {
        title: 'Instances',
        description: 'Number of instances, or {min, typical, max}.',
      }),
      hours,
    },
    strict,
  ),
  rangedParams: ['count', 'hours'],
  catalogValues: [{ param: 'instance_type', what: 'EC2 instance type', known: listInstanceTypes }],
  toUsage(p, at, sink) {
    sink(`ec2.instance_hours.${p.instance_type}`, d(pointOf(p.count, at)).times(pointOf(p.hours, at)))
  },
  usageTypes: [
    {
      match: 'ec2.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Per instance type.',
    },
  ],
  ingestEvents: [],
  sdk: [],
  priceList: [
    {
      offerCode: 'AmazonEC2',
      awsUsageType: /^BoxUsage:(.+)$/,
      usageType: 'ec2.instance_hours.$1',
      unit: 'instance-hours',
      requires: { operatingSystem: 'Linux', tenancy: 'Shared', preInstalledSw: 'NA', capacitystatus: 'Used' },
    },
  ],
  terraform: {
    aws_instance: ({ values }) => {
      const instanceType = asString(values.instance_type)
      if (!instanceType) return { skip: 'instance_type is not known until apply' }
      return { params: { instance_type: instanceType, count: 1, hours: 730 } }
    },
  },
  examples: [],
})
