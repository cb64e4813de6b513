/**
 * A local HTTP server that answers like AWS for the operations the bridge meters, with minimal valid
 * responses, so the real `@aws-sdk/client-*` packages can be pointed at it in tests. It routes on the
 * service name in the SigV4 credential scope and records every request it answered.
 */
import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createServer as createHttp2Server } from 'node:http2'
import type { AddressInfo } from 'node:net'

export type FakeAwsRequest = { service: string; operation: string; body: string }

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex')
const xml = (root: string, inner: string, ns: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns="${ns}">${inner}</${root}>`

/** The base64 log tail Lambda returns for `LogType: 'Tail'`. */
export function lambdaLogTail(durationMs: number, memoryMb: number): string {
  const report =
    `START RequestId: r1 Version: $LATEST\nEND RequestId: r1\nREPORT RequestId: r1\tDuration: ${durationMs} ms\t` +
    `Billed Duration: ${Math.ceil(durationMs)} ms\tMemory Size: ${memoryMb} MB\tMax Memory Used: 70 MB\t\n`
  return Buffer.from(report).toString('base64')
}

function sendJson(res: ServerResponse, status: number, value: unknown, contentType: string) {
  res.writeHead(status, { 'content-type': contentType, 'x-amzn-requestid': 'req-1' })
  res.end(JSON.stringify(value))
}

function answerJsonRpc(
  service: string,
  operation: string,
  input: Record<string, unknown>,
  res: ServerResponse,
) {
  const json10 = 'application/x-amz-json-1.0'
  if (service === 'sqs') {
    if (String(input.QueueUrl ?? '').endsWith('/missing')) {
      return sendJson(
        res,
        400,
        { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' },
        json10,
      )
    }
    switch (operation) {
      case 'SendMessage':
        return sendJson(
          res,
          200,
          { MessageId: 'm-1', MD5OfMessageBody: md5(String(input.MessageBody)) },
          json10,
        )
      case 'SendMessageBatch': {
        const entries = (input.Entries ?? []) as { Id: string; MessageBody: string }[]
        const Successful = entries.map((e, i) => ({
          Id: e.Id,
          MessageId: `m-${i}`,
          MD5OfMessageBody: md5(e.MessageBody),
        }))
        return sendJson(res, 200, { Successful, Failed: [] }, json10)
      }
      case 'ReceiveMessage':
        return sendJson(
          res,
          200,
          { Messages: [{ MessageId: 'm-1', ReceiptHandle: 'rh-1', Body: 'hello', MD5OfBody: md5('hello') }] },
          json10,
        )
      default:
        return sendJson(res, 200, {}, json10)
    }
  }
  if (service === 'dynamodb') {
    switch (operation) {
      case 'PutItem':
        return sendJson(
          res,
          200,
          input.ReturnConsumedCapacity === 'TOTAL'
            ? { ConsumedCapacity: { TableName: input.TableName, CapacityUnits: 3 } }
            : {},
          json10,
        )
      case 'GetItem':
        return sendJson(res, 200, { Item: { pk: { S: 'user#1' }, name: { S: 'Ada' } } }, json10)
      case 'Query':
        return sendJson(
          res,
          200,
          {
            Items: [{ pk: { S: 'user#1' }, n: { N: '42' } }, { pk: { S: 'user#2' } }],
            Count: 2,
            ScannedCount: 2,
          },
          json10,
        )
      case 'BatchWriteItem':
        return sendJson(res, 200, { UnprocessedItems: {} }, json10)
      default:
        return sendJson(res, 200, {}, json10)
    }
  }
  // CloudWatch Logs (JSON 1.1).
  return sendJson(
    res,
    200,
    operation === 'PutLogEvents' ? { nextSequenceToken: '1' } : {},
    'application/x-amz-json-1.1',
  )
}

function answerRest(service: string, req: IncomingMessage, body: string, res: ServerResponse): string {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (service === 'sns') {
    const action = new URLSearchParams(body).get('Action') ?? ''
    res.writeHead(200, { 'content-type': 'text/xml' })
    res.end(
      xml(
        `${action}Response`,
        `<${action}Result><MessageId>sns-1</MessageId></${action}Result><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>`,
        'http://sns.amazonaws.com/doc/2010-03-31/',
      ),
    )
    return action
  }
  if (service === 'lambda') {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'x-amz-executed-version': '$LATEST',
    }
    if (req.headers['x-amz-log-type'] === 'Tail') headers['x-amz-log-result'] = lambdaLogTail(12.34, 512)
    res.writeHead(200, headers)
    res.end(JSON.stringify({ ok: true }))
    return 'Invoke'
  }
  if (service === 'bedrock') {
    if (url.pathname.endsWith('/converse')) {
      sendJson(
        res,
        200,
        {
          output: { message: { role: 'assistant', content: [{ text: 'Hi there' }] } },
          stopReason: 'end_turn',
          usage: { inputTokens: 20, outputTokens: 5, totalTokens: 25 },
          metrics: { latencyMs: 10 },
        },
        'application/json',
      )
      return 'Converse'
    }
    sendJson(
      res,
      200,
      {
        id: 'msg_1',
        type: 'message',
        content: [{ type: 'text', text: 'Hello' }],
        usage: { input_tokens: 11, output_tokens: 7 },
      },
      'application/json',
    )
    return 'InvokeModel'
  }
  // S3, path-style: /bucket[/key].
  const hasKey = url.pathname.split('/').filter(Boolean).length > 1
  if (req.method === 'PUT') {
    res.writeHead(200, { etag: '"etag-1"' })
    res.end()
    return 'PutObject'
  }
  if (req.method === 'DELETE') {
    res.writeHead(204)
    res.end()
    return 'DeleteObject'
  }
  if (!hasKey) {
    res.writeHead(200, { 'content-type': 'application/xml' })
    res.end(
      xml(
        'ListBucketResult',
        '<Name>bucket</Name><Prefix></Prefix><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>' +
          '<Contents><Key>a.txt</Key><Size>3000</Size><StorageClass>STANDARD</StorageClass></Contents>',
        'http://s3.amazonaws.com/doc/2006-03-01/',
      ),
    )
    return 'ListObjectsV2'
  }
  const object = 'x'.repeat(2048)
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(object.length), etag: '"e"' })
  res.end(object)
  return 'GetObject'
}

/**
 * Starts the fake on free ports: HTTP/1.1 for most clients, and cleartext HTTP/2 (prior knowledge) for
 * clients whose default handler speaks HTTP/2, such as Bedrock Runtime. `requests` lists what it answered.
 */
export async function startFakeAws() {
  const requests: FakeAwsRequest[] = []
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const scope = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))
      const service = scope?.[1] ?? 'unknown'
      const target = req.headers['x-amz-target']
      if (typeof target === 'string') {
        const operation = target.split('.').pop() ?? ''
        requests.push({ service, operation, body })
        answerJsonRpc(service, operation, body ? (JSON.parse(body) as Record<string, unknown>) : {}, res)
        return
      }
      const operation = answerRest(service, req, body, res)
      requests.push({ service, operation, body })
    })
  }
  const server = createServer(handle)
  // The HTTP/2 compatibility API hands the same request/response shapes to the handler.
  const http2 = createHttp2Server((req, res) =>
    handle(req as unknown as IncomingMessage, res as unknown as ServerResponse),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  await new Promise<void>((resolve) => http2.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const { port: http2Port } = http2.address() as AddressInfo
  return {
    endpoint: `http://127.0.0.1:${port}`,
    http2Endpoint: `http://127.0.0.1:${http2Port}`,
    requests,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await new Promise<void>((resolve) => http2.close(() => resolve()))
    },
  }
}
