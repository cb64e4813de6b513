import { describe, expect, it } from 'vitest'
import { dynamoItemBytes, eventsForCall, invokeModelTokens, parseLambdaLogTail } from './aws-sdk-events.js'
import { lambdaLogTail } from './test/fake-aws-server.js'

const call = (clientName: string, commandName: string, input: unknown, output: unknown = {}) =>
  eventsForCall({ clientName, commandName, input, output, startedAt: Date.UTC(2025, 0, 1), durationMs: 42.5 })

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value))

describe('eventsForCall', () => {
  it('meters each published EventBridge entry by its size as EventBridge counts it, skipping failed ones', () => {
    const entry = { Source: 'shop', DetailType: 'Order placed', Detail: '{"id":"é"}', Resources: ['arn:x'] }
    const events = call(
      'EventBridgeClient',
      'PutEventsCommand',
      { Entries: [entry, { ...entry, Time: new Date() }, entry] },
      {
        FailedEntryCount: 1,
        Entries: [{ EventId: '1' }, { EventId: '2' }, { ErrorCode: 'InternalFailure' }],
      },
    )
    const bytes = 4 + 12 + 11 + 5
    expect(events).toEqual([
      { type: 'eventbridge.put', bytes, timestamp: '2025-01-01T00:00:00.000Z' },
      { type: 'eventbridge.put', bytes: bytes + 14, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
  })

  it("meters writes to advanced parameters only: a call does not reveal a read parameter's tier", () => {
    const advanced = call(
      'SSMClient',
      'PutParameterCommand',
      { Name: '/a', Value: 'x' },
      { Tier: 'Advanced' },
    )
    expect(advanced).toEqual([
      { type: 'ssm.api_call', advanced: true, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    expect(
      call('SSMClient', 'PutParameterCommand', { Name: '/s', Value: 'x' }, { Tier: 'Standard' }),
    ).toEqual([])
    expect(call('SSMClient', 'GetParameterCommand', { Name: '/a' }, { Parameter: { Name: '/a' } })).toEqual(
      [],
    )
  })

  it('meters each accepted X-Ray root segment as a trace, and the traces queries retrieve or scan', () => {
    const segment = (fields: Record<string, unknown>) =>
      JSON.stringify({ trace_id: '1-a-b', name: 'api', ...fields })
    const put = call(
      'XRayClient',
      'PutTraceSegmentsCommand',
      {
        TraceSegmentDocuments: [
          segment({ id: 'root1' }),
          segment({ id: 'child', parent_id: 'root1' }),
          segment({ id: 'root2' }),
          '{not json',
        ],
      },
      { UnprocessedTraceSegments: [{ Id: 'root2', ErrorCode: 'x' }] },
    )
    expect(put.map((event) => event.type)).toEqual(['xray.trace'])
    const got = call('XRayClient', 'BatchGetTracesCommand', { TraceIds: ['a', 'b'] }, { Traces: [{}, {}] })
    expect(got.map((event) => event.traces)).toEqual([2])
    const scanned = call('XRayClient', 'GetTraceSummariesCommand', {}, { TracesProcessedCount: 120 })
    expect(scanned.map((event) => event.traces)).toEqual([120])
  })

  it('meters each KMS request with a symmetric key, and leaves asymmetric encryption unmetered', () => {
    expect(call('KMSClient', 'DecryptCommand', { CiphertextBlob: new Uint8Array(8) })).toEqual([
      { type: 'kms.request', timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    expect(call('KMSClient', 'GenerateDataKeyCommand', { KeyId: 'k', KeySpec: 'AES_256' })).toHaveLength(1)
    expect(
      call('KMSClient', 'EncryptCommand', { KeyId: 'k', EncryptionAlgorithm: 'RSAES_OAEP_SHA_256' }),
    ).toEqual([])
    expect(call('KMSClient', 'ListKeysCommand', {})).toEqual([])
  })

  it('meters each metered Secrets Manager call as one request', () => {
    expect(call('SecretsManagerClient', 'GetSecretValueCommand', { SecretId: 'db' })).toEqual([
      { type: 'secretsmanager.request', timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    expect(call('SecretsManagerClient', 'PutSecretValueCommand', { SecretId: 'db' })).toHaveLength(1)
    expect(call('SecretsManagerClient', 'TagResourceCommand', { SecretId: 'db' })).toEqual([])
  })

  it('meters a StartSyncExecution by its billing details, and leaves StartExecution unmetered', () => {
    const output = {
      status: 'SUCCEEDED',
      billingDetails: { billedMemoryUsedInMB: 128, billedDurationInMilliseconds: 300 },
    }
    expect(call('SFNClient', 'StartSyncExecutionCommand', { stateMachineArn: 'arn' }, output)).toEqual([
      {
        type: 'stepfunctions.express_execution',
        duration_ms: 300,
        memory_mb: 128,
        timestamp: '2025-01-01T00:00:00.000Z',
      },
    ])
    expect(call('SFNClient', 'StartSyncExecutionCommand', {}, { status: 'FAILED' })).toEqual([
      {
        type: 'stepfunctions.express_execution',
        duration_ms: 42.5,
        memory_mb: 64,
        timestamp: '2025-01-01T00:00:00.000Z',
      },
    ])
    expect(call('SFNClient', 'StartExecutionCommand', { stateMachineArn: 'arn' })).toEqual([])
  })

  it('meters each Kinesis record put by its data and partition key, skipping failed records', () => {
    const record = { Data: new Uint8Array(30_000), PartitionKey: 'user-1' }
    expect(call('KinesisClient', 'PutRecordCommand', { StreamName: 's', ...record })).toEqual([
      { type: 'kinesis.put', bytes: 30_006, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    const batch = call(
      'KinesisClient',
      'PutRecordsCommand',
      { StreamName: 's', Records: [record, { Data: new Uint8Array(10), PartitionKey: 'k' }, record] },
      {
        FailedRecordCount: 1,
        Records: [{ SequenceNumber: '1' }, { SequenceNumber: '2' }, { ErrorCode: 'X' }],
      },
    )
    expect(batch.map((event) => event.bytes)).toEqual([30_006, 11])
  })

  it('meters the puts of the streams the settings call on-demand as on-demand puts', () => {
    const put = (input: Record<string, unknown>) =>
      eventsForCall(
        {
          clientName: 'KinesisClient',
          commandName: 'PutRecordCommand',
          input: { Data: new Uint8Array(100), PartitionKey: 'k', ...input },
          output: {},
          startedAt: 0,
          durationMs: 1,
        },
        {},
        { onDemand: (stream) => stream === 'clicks' },
      )[0]
    expect(put({ StreamName: 'clicks' })).toMatchObject({ bytes: 101, capacity_mode: 'on_demand' })
    expect(put({ StreamARN: 'arn:aws:kinesis:eu-west-1:1:stream/clicks' })).toMatchObject({
      capacity_mode: 'on_demand',
    })
    expect(put({ StreamName: 'orders' })).not.toHaveProperty('capacity_mode')
  })

  it('meters each Firehose record put by its data blob, skipping failed records', () => {
    expect(call('FirehoseClient', 'PutRecordCommand', { Record: { Data: new Uint8Array(3000) } })).toEqual([
      { type: 'firehose.put', bytes: 3000, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    const batch = call(
      'FirehoseClient',
      'PutRecordBatchCommand',
      { Records: [{ Data: new Uint8Array(10) }, { Data: new Uint8Array(20) }] },
      {
        FailedPutCount: 1,
        RequestResponses: [{ ErrorCode: 'ServiceUnavailableException' }, { RecordId: 'r' }],
      },
    )
    expect(batch.map((event) => event.bytes)).toEqual([20])
  })

  it('meters each SES message with its recipients and the bytes of its attachments', () => {
    const sent = call('SESv2Client', 'SendEmailCommand', {
      Destination: { ToAddresses: ['a@x.org', 'b@x.org'], BccAddresses: ['c@x.org'] },
      Content: { Simple: { Attachments: [{ FileName: 'r.pdf', RawContent: new Uint8Array(1000) }] } },
    })
    expect(sent).toEqual([
      { type: 'ses.send', recipients: 3, bytes: 1000, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    expect(call('SESClient', 'SendRawEmailCommand', { RawMessage: { Data: new Uint8Array(10) } })).toEqual([
      { type: 'ses.send', recipients: 1, bytes: 0, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
    const bulk = call(
      'SESv2Client',
      'SendBulkEmailCommand',
      {
        BulkEmailEntries: [
          { Destination: { ToAddresses: ['a@x.org'] } },
          { Destination: { ToAddresses: ['b'] } },
        ],
      },
      { BulkEmailEntryResults: [{ Status: 'SUCCESS' }, { Status: 'FAILED' }] },
    )
    expect(bulk.map((event) => event.recipients)).toEqual([1])
  })

  it('meters only the commands the service descriptors name', () => {
    expect(call('EventBridgeClient', 'ListRulesCommand', {})).toEqual([])
    expect(call('SQSClient', 'GetQueueUrlCommand', { QueueUrl: 'q' })).toEqual([])
    expect(call('SSMClient', 'GetParameterCommand', { Name: 'p' })).toEqual([])
  })

  it('counts SQS message attributes toward the payload and marks FIFO queues by their URL', () => {
    const events = call('SQSClient', 'SendMessageCommand', {
      QueueUrl: 'https://sqs/1/q.fifo',
      MessageBody: 'héllo',
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'order' } },
    })
    expect(events).toEqual([
      { type: 'sqs.send', bytes: 6 + 4 + 6 + 5, fifo: true, timestamp: '2025-01-01T00:00:00.000Z' },
    ])
  })

  it('meters a Lambda invoke from the measured time and configured memory when there is no log tail', () => {
    const events = call('LambdaClient', 'InvokeCommand', { FunctionName: 'f' })
    expect(events[0]).toMatchObject({ type: 'lambda.invoke', duration_ms: 42.5, memory_mb: 128 })
    expect(call('LambdaClient', 'InvokeCommand', { FunctionName: 'f', InvocationType: 'DryRun' })).toEqual([])
  })

  it('writes one DynamoDB write per BatchWriteItem request', () => {
    const put = { PutRequest: { Item: { pk: { S: 'a' } } } }
    const events = call('DynamoDBClient', 'BatchWriteItemCommand', {
      RequestItems: { t: [put, put], u: [put] },
    })
    expect(events.map((e) => e.bytes)).toEqual([3, 3, 3])
  })

  it('uses ConsumedCapacity when the response carries it', () => {
    const events = call(
      'DynamoDBClient',
      'GetItemCommand',
      { ConsistentRead: false },
      { ConsumedCapacity: { CapacityUnits: 1.5 } },
    )
    expect(events[0]).toMatchObject({ type: 'dynamodb.read', bytes: 12_288, consistent: false })
  })

  it('turns each CloudWatch Logs event into a log event with the group as service, cut to 64 KiB', () => {
    const events = call('CloudWatchLogsClient', 'PutLogEventsCommand', {
      logGroupName: '/app',
      logEvents: [{ message: 'é'.repeat(40_000) }],
    })
    expect(events).toHaveLength(1)
    expect(Buffer.byteLength(String(events[0]?.message))).toBe(65_536)
    expect(events[0]?.service).toBe('/app')
  })

  it('ignores operations and clients it does not meter', () => {
    expect(call('SQSClient', 'ListQueuesCommand', {})).toEqual([])
    expect(call('EC2Client', 'RunInstancesCommand', {})).toEqual([])
  })

  it('shortens a Bedrock model ARN to the model id', () => {
    const events = call(
      'BedrockRuntimeClient',
      'ConverseCommand',
      { modelId: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0' },
      { usage: { inputTokens: 3, outputTokens: 4 } },
    )
    expect(events[0]).toMatchObject({ model: 'amazon.nova-lite-v1:0', input_tokens: 3, output_tokens: 4 })
  })
})

describe('dynamoItemBytes', () => {
  it('sums attribute names and values by the DynamoDB size rules', () => {
    expect(dynamoItemBytes({ pk: { S: 'user#1' } })).toBe(8)
    expect(dynamoItemBytes({ n: { N: '12345' } })).toBe(1 + 4)
    expect(dynamoItemBytes({ ok: { BOOL: true }, no: { NULL: true } })).toBe(6)
    expect(dynamoItemBytes({ l: { L: [{ S: 'ab' }, { S: 'c' }] } })).toBe(1 + 3 + 3 + 2)
    expect(dynamoItemBytes({ m: { M: { k: { S: 'v' } } } })).toBe(1 + 3 + 1 + 1 + 1)
    expect(dynamoItemBytes({ b: { B: new Uint8Array(10) } })).toBe(11)
  })
})

describe('parseLambdaLogTail', () => {
  it('reads the duration (not the billed duration) and the memory size', () => {
    expect(parseLambdaLogTail(lambdaLogTail(87.2, 1769))).toEqual({ durationMs: 87.2, memoryMb: 1769 })
    expect(parseLambdaLogTail(undefined)).toEqual({})
    expect(parseLambdaLogTail('not base64 !!')).toEqual({})
  })
})

describe('invokeModelTokens', () => {
  it('reads the usage of each provider format', () => {
    expect(invokeModelTokens(json({ usage: { input_tokens: 1, output_tokens: 2 } }))).toEqual({
      input: 1,
      output: 2,
    })
    expect(invokeModelTokens(json({ usage: { inputTokens: 3, outputTokens: 4 } }))).toEqual({
      input: 3,
      output: 4,
    })
    expect(invokeModelTokens(json({ inputTextTokenCount: 5, results: [{ tokenCount: 6 }] }))).toEqual({
      input: 5,
      output: 6,
    })
    expect(invokeModelTokens(json({ prompt_token_count: 7, generation_token_count: 8 }))).toEqual({
      input: 7,
      output: 8,
    })
    expect(invokeModelTokens(new TextEncoder().encode('not json'))).toEqual({})
  })
})
