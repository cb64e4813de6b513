import { Type } from '@sinclair/typebox'
import { count, d, gigabytes, strict } from '../params.js'
import { defineService } from '../service-descriptor.js'

export const dynamodb = defineService({
  id: 'dynamodb',
  usageTypePrefix: 'dynamodb',
  name: 'Amazon DynamoDB',
  category: 'database',
  description: 'Serverless key-value database; on-demand request units and storage.',
  help: 'On-demand capacity: write and read request units (1 KB writes, 4 KB reads) and GB stored.',
  params: Type.Object(
    {
      write_request_units: count({
        title: 'Write request units',
        description: 'Write request units per month.',
      }),
      read_request_units: count({
        title: 'Read request units',
        description: 'Read request units per month.',
      }),
      storage_gb: gigabytes({ title: 'Storage (GB)', description: 'Average GB stored over the month.' }),
    },
    strict,
  ),
  rangedParams: [],
  catalogValues: [],
  toUsage(p, _at, sink) {
    sink('dynamodb.write_request_units', d(p.write_request_units))
    sink('dynamodb.read_request_units', d(p.read_request_units))
    sink('dynamodb.storage_gb_month', d(p.storage_gb))
  },
  usageTypes: [
    {
      match: 'dynamodb.write_request_units',
      unit: 'write request units',
      kind: 'flow',
      description: 'WRUs.',
    },
    {
      match: 'dynamodb.read_request_units',
      unit: 'read request units',
      kind: 'flow',
      // An eventually consistent 4 KB read is half a read request unit: metering counts halves.
      baseUnit: 'half read request units',
      baseUnitsPerUnit: '2',
      description: 'RRUs.',
    },
    {
      match: 'dynamodb.storage_gb_month',
      unit: 'GB-months',
      kind: 'stock',
      baseUnit: 'bytes',
      baseUnitsPerUnit: '1073741824',
      description: 'Table storage held over the month.',
    },
  ],
  ingestEvents: ['dynamodb.write', 'dynamodb.read'],
  sdk: [{ client: 'DynamoDBClient', commands: ['PutItem', 'GetItem', 'Query', 'BatchWriteItem'] }],
  priceList: [],
  terraform: {
    // Provisioned capacity is not in the catalog: both billing modes are modelled as on-demand request units.
    aws_dynamodb_table: () => ({
      params: { write_request_units: 0, read_request_units: 0, storage_gb: 0 },
    }),
  },
  examples: [],
})
