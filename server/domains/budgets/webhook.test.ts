import { createHmac } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  generateWebhookSecret,
  signatureHeader,
  verifySignature,
  webhookTargetPolicy,
  webhookUrlProblem,
} from './webhook.js'
import { postWebhook, WebhookDeliveryError } from './webhook-transport.js'

describe('webhook signatures', () => {
  const secret = 'whsec_test'
  const body = '{"id":"a","type":"budget.alert.triggered"}'

  it('signs "<t>.<body>" with HMAC-SHA256 in hex', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex')
    expect(signatureHeader(secret, body, 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`)
  })

  it('verifies its own signature and refuses another body, secret, or an old timestamp', () => {
    const header = signatureHeader(secret, body, 1_700_000_000)
    expect(verifySignature(secret, body, header, 1_700_000_010)).toBe(true)
    expect(verifySignature(secret, `${body} `, header, 1_700_000_010)).toBe(false)
    expect(verifySignature('whsec_other', body, header, 1_700_000_010)).toBe(false)
    expect(verifySignature(secret, body, header, 1_700_000_000 + 301)).toBe(false)
    expect(verifySignature(secret, body, undefined)).toBe(false)
    expect(verifySignature(secret, body, 't=abc,v1=00')).toBe(false)
  })

  it('generates distinct whsec_ secrets of 32 random bytes', () => {
    const a = generateWebhookSecret()
    expect(a).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/)
    expect(generateWebhookSecret()).not.toBe(a)
  })
})

describe('webhook URLs', () => {
  const dev = webhookTargetPolicy({ isProduction: false, webhookAllowedNetworks: [] })
  const prod = webhookTargetPolicy({ isProduction: true, webhookAllowedNetworks: [] })

  it('accepts https anywhere public, and http to loopback only outside production', () => {
    expect(webhookUrlProblem('https://hooks.example.com/budget', prod)).toBeUndefined()
    expect(webhookUrlProblem('https://93.184.215.14/budget', prod)).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', dev)).toBeUndefined()
    expect(webhookUrlProblem('http://localhost:9000/hook', dev)).toBeUndefined()
    expect(webhookUrlProblem('http://[::1]:9000/hook', dev)).toBeUndefined()
    expect(webhookUrlProblem('http://hooks.example.com/budget', dev)).toMatch(/^must be an https:\/\/ URL/)
    expect(webhookUrlProblem('http://hooks.example.com/budget', prod)).toBe('must be an https:// URL')
  })

  it.each([
    ['not a url', 'must be an absolute URL'],
    ['ftp://example.com/x', 'must be an https:// URL'],
    ['https://user:pass@example.com/x', 'must not carry credentials'],
  ])('refuses %s', (url, reason) => {
    expect(webhookUrlProblem(url, dev)).toBe(reason)
  })

  it.each([
    'https://127.0.0.1/x',
    'https://2130706433/x',
    'https://0x7f.0.0.1/x',
    'https://[::1]/x',
    'https://[::ffff:127.0.0.1]/x',
    'https://[::ffff:a9fe:a9fe]/x',
    'https://169.254.169.254/latest/meta-data',
    'https://10.0.0.8/x',
    'https://172.16.4.1/x',
    'https://192.168.1.1/x',
    'https://100.64.0.1/x',
    'https://[fd00::1]/x',
    'https://[fe80::1]/x',
    'https://0.0.0.0/x',
    'https://[::]/x',
    'https://224.0.0.1/x',
    'https://[ff02::1]/x',
    'https://[64:ff9b::a00:1]/x',
  ])('refuses the non-public address of %s in production', (url) => {
    expect(webhookUrlProblem(url, prod)).toBe(
      'must not point at a loopback, private, link-local or reserved address',
    )
  })

  it('accepts a non-public address the operator allowed', () => {
    const allowing = webhookTargetPolicy({ isProduction: true, webhookAllowedNetworks: ['10.20.0.0/16'] })
    expect(webhookUrlProblem('https://10.20.3.4/hook', allowing)).toBeUndefined()
    expect(webhookUrlProblem('https://10.21.3.4/hook', allowing)).toMatch(/^must not point at/)
  })
})

describe('webhook delivery at connect time', () => {
  const received: string[] = []
  const receiver = createServer((req, res) => {
    received.push(req.url ?? '')
    res.statusCode = req.url === '/moved' ? 302 : 204
    res.setHeader('location', 'http://127.0.0.1:1/elsewhere')
    res.end()
  })
  let port = 0
  beforeAll(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    port = (receiver.address() as AddressInfo).port
  })
  afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))
  const send = (url: string, networks: string[] = []) =>
    postWebhook(url, {}, '{}', {
      policy: webhookTargetPolicy({ isProduction: true, webhookAllowedNetworks: networks }),
      timeoutMs: 5_000,
    })

  it('never connects to a name that resolves to a refused address, and says only "could not be reached"', async () => {
    const before = received.length
    const failure = await send(`http://localhost:${port}/by-name`).catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(WebhookDeliveryError)
    expect((failure as WebhookDeliveryError).message).toBe('the receiver could not be reached')
    expect((failure as WebhookDeliveryError).detail).toMatch(
      /resolves to (127\.0\.0\.1|::1), which webhooks may not reach/,
    )
    await expect(send(`http://127.0.0.1:${port}/literal`)).rejects.toThrow(
      'the receiver could not be reached',
    )
    expect(received.length).toBe(before)
  })

  it('gives a closed port the same answer as a refused address', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const closedPort = (closed.address() as AddressInfo).port
    await new Promise<void>((resolve) => closed.close(() => resolve()))
    const failure = (await send(`http://127.0.0.1:${closedPort}/`, ['127.0.0.1/32']).catch((e) => e)) as Error
    expect(failure.message).toBe('the receiver could not be reached')
  })

  it('reaches an address on the operator allowlist, by name too, and never follows a redirect', async () => {
    await send(`http://127.0.0.1:${port}/allowed`, ['127.0.0.0/8', '::1/128'])
    await send(`http://localhost:${port}/allowed-by-name`, ['127.0.0.0/8', '::1/128'])
    await expect(send(`http://127.0.0.1:${port}/moved`, ['127.0.0.1/32'])).rejects.toThrow(
      'the receiver answered HTTP 302 (redirects are not followed)',
    )
    expect(received).toEqual(['/allowed', '/allowed-by-name', '/moved'])
  })
})
