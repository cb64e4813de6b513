import { describe, expect, it } from 'vitest'
import { planToLineItems } from '../../../../cli/terraform-plan.js'
import { cents, priceItems } from '../../../../test/priced-items.js'
import { planResource, terraformPlan } from '../../../../test/terraform-plans.js'
import { bundledCatalog } from '../../catalog.js'
import { lineItemsToUsage } from '../../line-items.js'

function cost(params: Record<string, unknown>, region = 'us-east-1') {
  return priceItems('mq', [params], { region, includeFreeTier: true })
}
const fieldsOf = (params: Record<string, unknown>) => {
  const result = lineItemsToUsage([{ service: 'mq', params }], bundledCatalog)
  return result.ok ? [] : result.details.map((detail) => detail.field)
}

/** A RabbitMQ mq.m5.xlarge cluster with 30 GB of EBS storage, priced in us-east-1 and in São Paulo. */
const cluster = {
  engine: 'rabbitmq',
  instance_type: 'mq.m5.xlarge',
  deployment: 'cluster_multi_az',
  storage_type: 'ebs',
  storage_gb: 30,
}

describe('Amazon MQ at the Price List rates Infracost prints', () => {
  it('bills each deployment at its own broker-hour rate, plus storage', () => {
    // RabbitMQ mq.m5.xlarge cluster: 730 h × $1.728 + 30 GB EBS × $0.10 (Infracost: $1,261.44 + $3.00)
    expect(cents(cost(cluster).total)).toBe('1264.44')
    // ActiveMQ mq.m5.large active/standby: 730 h × $0.576 + 10 GB EFS × $0.30
    const pair = { instance_type: 'mq.m5.large', deployment: 'active_standby_multi_az', storage_gb: 10 }
    expect(cents(cost(pair).total)).toBe('423.48')
    // ActiveMQ mq.t2.micro for 100 hours
    expect(cents(cost({ instance_type: 'mq.t2.micro', hours: 100, storage_gb: 0 }).total)).toBe('3.00')
  })

  it('reports an unsourced deployment or region as unpriced, never $0', () => {
    const single = cost({ instance_type: 'mq.m5.large', storage_gb: 1 })
    expect(single.unpriced.map((row) => row.usage_type)).toEqual([
      'mq.broker_hours.activemq.single_instance.mq.m5.large',
    ])
    // ap-east-2 (Taipei): the map of 2026-06-17 lists storage there but no mq.t2.micro rate
    const taipei = cost({ instance_type: 'mq.t2.micro', storage_gb: 0 }, 'ap-east-2')
    expect(taipei.total).toBe('0')
    expect(taipei.unpriced.map((row) => row.usage_type)).toEqual([
      'mq.broker_hours.activemq.single_instance.mq.t2.micro',
    ])
    // The rate map lists no EFS storage rate in eu-west-1
    const dublin = cost({ instance_type: 'mq.t2.micro', hours: 100, storage_gb: 10 }, 'eu-west-1')
    expect(dublin.unpriced.map((row) => row.usage_type)).toEqual(['mq.storage_gb_month.efs'])
  })

  it('prices the other main Regions at the rate map (page-rates-mq, publication 2025-02-13)', () => {
    // São Paulo, 'RabbitMQ Active Standby mq m5.xlarge' $2.754 and 'Broker Storage Single AZ GB-Mo' $0.19:
    // 730 h × $2.754 + 30 GB × $0.19 = $2,010.42 + $5.70
    expect(cents(cost(cluster, 'sa-east-1').total)).toBe('2016.12')
    // Frankfurt, 'Active Standby mq m5.large' $0.69 and 'Broker Storage GB Mo' $0.36: 730 × 0.69 + 10 × 0.36
    const pair = { instance_type: 'mq.m5.large', deployment: 'active_standby_multi_az', storage_gb: 10 }
    expect(cents(cost(pair, 'eu-central-1').total)).toBe('507.30')
    // Mumbai, 'Single Instance mq t2.micro' $0.0315 for 100 hours
    expect(cents(cost({ instance_type: 'mq.t2.micro', hours: 100, storage_gb: 0 }, 'ap-south-1').total)).toBe(
      '3.15',
    )
  })

  it('prices Regions outside the main ten at the rate map of 2025-04-07 (page-rates-mq-2025-04)', () => {
    // aws-price-watcher raw/mq.json. 'US West (N. California)': 'RabbitMQ Active Standby mq m5.xlarge' $2.016 and
    // 'Broker Storage Single AZ GB-Mo' $0.12: 730 h × $2.016 + 30 GB × $0.12 = $1,471.68 + $3.60
    const california = cost(cluster, 'us-west-1')
    expect(california.unpriced).toEqual([])
    expect(cents(california.total)).toBe('1475.28')
    // 'Mexico (Central)': 'Active Standby mq m5.large' $0.6048 and 'Broker Storage GB Mo' $0.315:
    // 730 × $0.6048 + 10 × $0.315 = $441.504 + $3.15
    const pair = { instance_type: 'mq.m5.large', deployment: 'active_standby_multi_az', storage_gb: 10 }
    expect(cost(pair, 'mx-central-1').total).toBe('444.654')
    // 'Canada (Central)': 'Single Instance mq t2.micro' $0.033 for 100 hours
    expect(
      cents(cost({ instance_type: 'mq.t2.micro', hours: 100, storage_gb: 0 }, 'ca-central-1').total),
    ).toBe('3.30')
  })

  it('prices broker storage in Taipei and New Zealand from the rate map of 2026-06-17 (page-rates-mq-2026-06)', () => {
    // aws-price-watcher 94f8ef7 raw/mq.json, 'Asia Pacific (Taipei)': 'Broker Storage Single AZ GB-Mo'
    // 0.1080000000 and 'Broker Storage GB Mo' 0.3240000000; 'Asia Pacific (New Zealand)': 0.2280000000 and
    // 0.3780000000. Neither lists 'Active Standby mq m5.large', so the broker-hours stay unpriced.
    const pair = { instance_type: 'mq.m5.large', deployment: 'active_standby_multi_az', storage_gb: 100 }
    const taipei = cost(pair, 'ap-east-2')
    // 100 GB EFS × $0.324
    expect(cents(taipei.total)).toBe('32.40')
    expect(taipei.unpriced.map((row) => row.usage_type)).toEqual([
      'mq.broker_hours.activemq.active_standby_multi_az.mq.m5.large',
    ])
    // 100 GB EFS × $0.378
    expect(cents(cost(pair, 'ap-southeast-6').total)).toBe('37.80')
    // RabbitMQ on EBS: 30 GB × $0.228 in New Zealand, 30 GB × $0.108 in Taipei
    expect(cents(cost(cluster, 'ap-southeast-6').total)).toBe('6.84')
    expect(cents(cost(cluster, 'ap-east-2').total)).toBe('3.24')
  })

  it('refuses an unknown instance type, a RabbitMQ pair and RabbitMQ on EFS', () => {
    expect(fieldsOf({ instance_type: 'mq.x9.huge', storage_gb: 0 })).toEqual(['params.instance_type'])
    expect(
      fieldsOf({
        engine: 'rabbitmq',
        instance_type: 'mq.m5.xlarge',
        deployment: 'active_standby_multi_az',
        storage_type: 'ebs',
        storage_gb: 0,
      }),
    ).toEqual(['params.deployment'])
    expect(fieldsOf({ engine: 'rabbitmq', instance_type: 'mq.m5.xlarge', storage_gb: 0 })).toEqual([
      'params.storage_type',
    ])
  })

  it('imports brokers with their engine, deployment mode and storage', () => {
    const plan = terraformPlan([
      planResource('rabbit', 'aws_mq_broker', {
        engine_type: 'RabbitMQ',
        host_instance_type: 'mq.m5.xlarge',
        deployment_mode: 'CLUSTER_MULTI_AZ',
      }),
      planResource('active', 'aws_mq_broker', { engine_type: 'ActiveMQ', host_instance_type: 'mq.t2.micro' }),
    ])
    expect(planToLineItems(plan).items.map((item) => item.params)).toEqual([
      {
        engine: 'rabbitmq',
        instance_type: 'mq.m5.xlarge',
        deployment: 'cluster_multi_az',
        hours: 730,
        storage_type: 'ebs',
        storage_gb: 0,
      },
      {
        engine: 'activemq',
        instance_type: 'mq.t2.micro',
        deployment: 'single_instance',
        hours: 730,
        storage_type: 'efs',
        storage_gb: 0,
      },
    ])
  })
})
