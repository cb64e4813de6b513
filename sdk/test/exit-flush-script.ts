/**
 * Run as its own process by aws-sdk-bridge.test.ts: meters two SQS sends, never calls flush(), and ends.
 * The bridge's beforeExit hook must send the buffered events before the process exits.
 */
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs'
import { withMockupAws } from '../aws-sdk-bridge.js'

const sqs = withMockupAws(
  new SQSClient({
    region: 'us-east-1',
    endpoint: process.env.FAKE_AWS_ENDPOINT,
    credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' },
    maxAttempts: 1,
  }),
  // An interval far longer than the script lives: only the exit hook can send these events.
  { flushIntervalMs: 600_000 },
)
const QueueUrl = 'http://127.0.0.1/000000000000/orders'
await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'first' }))
await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'second' }))
