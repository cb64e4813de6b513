import { Type } from '@sinclair/typebox'
import { listInstanceClasses } from '../catalog-values.js'
import { catalogName, DEFAULT_HOURS, d, hours, instanceCount, pointOf, strict } from '../params.js'
import { asNumber, asString } from '../plan-values.js'
import { defineService } from '../service-descriptor.js'

/** RDS bills instance-hours = count × hours; storage is GB-months prorated by hours / 730. */
export const rds = defineService({
  id: 'rds',
  usageTypePrefix: 'rds',
  name: 'Amazon RDS',
  category: 'database',
  description: 'Managed relational databases, billed per instance-hour and GB-month of storage.',
  help: 'PostgreSQL, Single-AZ, on-demand: instances × hours of one class and allocated gp2 or gp3 storage.',
  params: Type.Object(
    {
      instance_class: catalogName({
        title: 'Instance class',
        description: 'An RDS instance class of the catalog.',
      }),
      count: instanceCount(10_000, {
        title: 'Instances',
        description: 'Number of instances, or {min, typical, max}.',
      }),
      hours,
      storage_gb: Type.Number({
        minimum: 0,
        maximum: 65_536,
        title: 'Storage per instance (GB)',
        description: 'Allocated storage per instance, in GB.',
      }),
      storage_type: Type.Union([Type.Literal('gp2'), Type.Literal('gp3')], {
        default: 'gp3',
        title: 'Storage type',
        description: 'General Purpose SSD gp2 or gp3.',
      }),
    },
    strict,
  ),
  rangedParams: ['count', 'hours'],
  catalogValues: [{ param: 'instance_class', what: 'RDS instance class', known: listInstanceClasses }],
  toUsage(p, at, sink) {
    const count = d(pointOf(p.count, at))
    const runHours = pointOf(p.hours, at)
    sink(`rds.instance_hours.${p.instance_class}`, count.times(runHours))
    sink(
      `rds.storage_gb_month.${p.storage_type}`,
      count.times(p.storage_gb).times(runHours).dividedBy(DEFAULT_HOURS),
    )
  },
  usageTypes: [
    {
      match: 'rds.instance_hours.*',
      unit: 'instance-hours',
      kind: 'flow',
      description: 'Per instance class.',
    },
    { match: 'rds.storage_gb_month.*', unit: 'GB-months', kind: 'stock', description: 'Per storage type.' },
  ],
  ingestEvents: [],
  sdk: [],
  priceList: [],
  terraform: {
    aws_db_instance: ({ values }) => {
      const instanceClass = asString(values.instance_class)
      if (!instanceClass) return { skip: 'instance_class is not known until apply' }
      if (String(values.engine ?? '').startsWith('aurora'))
        return { skip: 'Aurora instances are not in the pricing catalog' }
      return {
        // A Multi-AZ deployment runs a standby instance billed like the primary.
        params: {
          instance_class: instanceClass,
          count: values.multi_az === true ? 2 : 1,
          hours: 730,
          storage_gb: asNumber(values.allocated_storage) ?? 20,
          storage_type: values.storage_type === 'gp2' ? ('gp2' as const) : ('gp3' as const),
        },
      }
    },
  },
  examples: [],
})
