import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { generateWebhookSecret, signatureHeader, verifySignature, webhookUrlProblem } from './webhook.js'

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
  const dev = { isProduction: false }
  const prod = { isProduction: true }

  it('accepts https anywhere, and http to loopback only outside production', () => {
    expect(webhookUrlProblem('https://hooks.example.com/budget', prod)).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', dev)).toBeUndefined()
    expect(webhookUrlProblem('http://localhost:9000/hook', dev)).toBeUndefined()
    expect(webhookUrlProblem('http://127.0.0.1:9000/hook', prod)).toBe('must be an https:// URL')
    expect(webhookUrlProblem('http://hooks.example.com/budget', dev)).toMatch(/^must be an https:\/\/ URL/)
  })

  it.each([
    ['not a url', 'must be an absolute URL'],
    ['ftp://example.com/x', 'must be an https:// URL'],
    ['https://user:pass@example.com/x', 'must not carry credentials'],
    ['https://169.254.169.254/latest/meta-data', 'must not point at a link-local address'],
  ])('refuses %s', (url, reason) => {
    expect(webhookUrlProblem(url, dev)).toBe(reason)
  })
})
