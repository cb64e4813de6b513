import { describe, expect, it } from 'vitest'
import type { IngestEvent } from './events.js'
import { type PiiFinding, passesIbanMod97, passesLuhn, scanEvent, scanText } from './pii.js'

function scan(text: string): Array<Pick<PiiFinding, 'kind' | 'masked'>> {
  const findings: PiiFinding[] = []
  scanText(text, 0, findings)
  return findings.map(({ kind, masked }) => ({ kind, masked }))
}

/** A JWT with the given header, built here so no real token sits in the repository. */
function jwt(header: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part(header)}.${part({ sub: '1234567890', name: 'Jane' })}.c2lnbmF0dXJl`
}

describe('scanText positives and masks', () => {
  it('finds an email and keeps only first letters and the top-level domain', () => {
    expect(scan('contact john.doe@example.com now')).toEqual([{ kind: 'email', masked: 'j***@e***.com' }])
    expect(scan('mail Ann+tag@mail.example.co.uk.')).toEqual([{ kind: 'email', masked: 'A***@m***.uk' }])
  })

  it('finds international and North American phone numbers, keeping the last two digits', () => {
    expect(scan('call +44 20 7946 0958 today')).toEqual([{ kind: 'phone', masked: '+***58' }])
    expect(scan('call +1 (415) 555-2671 or +1 415-555-2672')).toEqual([
      { kind: 'phone', masked: '+***71' },
      { kind: 'phone', masked: '+***72' },
    ])
    expect(scan('call (415) 555-2671 or 415-555-2672 or 415.555.2673')).toEqual([
      { kind: 'phone', masked: '***71' },
      { kind: 'phone', masked: '***72' },
      { kind: 'phone', masked: '***73' },
    ])
  })

  it('finds a Luhn-valid card number in any common grouping and keeps the last four digits', () => {
    const masked = { kind: 'credit_card', masked: '**** **** **** 1111' }
    expect(scan('card 4111 1111 1111 1111 declined')).toEqual([masked])
    expect(scan('card 4111-1111-1111-1111')).toEqual([masked])
    expect(scan('card 4111111111111111')).toEqual([masked])
    expect(scan('amex 378282246310005')).toEqual([{ kind: 'credit_card', masked: '**** **** **** 0005' }])
    expect(scan('mc 5555555555554444')).toEqual([{ kind: 'credit_card', masked: '**** **** **** 4444' }])
  })

  it('finds a mod-97-valid IBAN, spaced or not, and keeps the country and last four characters', () => {
    expect(scan('pay DE89 3704 0044 0532 0130 00 now')).toEqual([{ kind: 'iban', masked: 'DE** **** 3000' }])
    expect(scan('pay GB29NWBK60161331926819')).toEqual([{ kind: 'iban', masked: 'GB** **** 6819' }])
  })

  it('finds an IPv4 address and keeps its first octet', () => {
    expect(scan('from 10.0.0.1, then 192.168.1.254:8080')).toEqual([
      { kind: 'ipv4', masked: '10.*.*.*' },
      { kind: 'ipv4', masked: '192.*.*.*' },
    ])
  })

  it('finds an AWS access key id and keeps its prefix and last four characters', () => {
    expect(scan('key=AKIAIOSFODNN7EXAMPLE')).toEqual([
      { kind: 'aws_access_key', masked: 'AKIA************MPLE' },
    ])
    expect(scan('temp ASIAY34FZKBOKMUTVV7A ok')).toEqual([
      { kind: 'aws_access_key', masked: 'ASIA************VV7A' },
    ])
  })

  it('finds a JWT whose header decodes to JSON with alg', () => {
    expect(scan(`Authorization: Bearer ${jwt({ alg: 'HS256', typ: 'JWT' })}`)).toEqual([
      { kind: 'jwt', masked: 'eyJ***.***.***' },
    ])
  })

  it('never carries the raw value in a finding', () => {
    const text = `a jane@example.org 4111111111111111 DE89370400440532013000 AKIAIOSFODNN7EXAMPLE 10.1.2.3 ${jwt({ alg: 'none' })}`
    const findings = scan(text)
    expect(findings).toHaveLength(6)
    for (const { masked } of findings) {
      for (const raw of [
        'jane@example.org',
        '4111111111111111',
        'DE89370400440532013000',
        'AKIAIOSFODNN7EXAMPLE',
      ]) {
        expect(masked).not.toContain(raw)
      }
      expect(masked).not.toBe('10.1.2.3')
    }
  })
})

describe('scanText false-positive guards', () => {
  it.each([
    ['a UUID', 'job 550e8400-e29b-41d4-a716-446655440000 done'],
    ['an all-digit UUID', 'id 12345678-1234-1234-1234-123456789012'],
    ['a version string', 'running v1.2.3 and v1.2.3.4 of 1.2.3.4.5'],
    ['ISO timestamps', '2025-01-31T12:00:00.123Z and 2025-01-31 12:00:00 +0000'],
    ['epoch milliseconds and microseconds', 'at 1700000000000 or 1700000000000000'],
    ['a long number failing Luhn', 'order 4111111111111112'],
    ['a Luhn-valid number with no card network prefix', 'trace 1234567812345670'],
    ['a longer digit run containing a card', 'serial 41111111111111112222'],
    ['an IBAN with a bad check', 'pay DE00 3704 0044 0532 0130 00'],
    ['an IBAN of the wrong length', 'pay GB29NWBK6016133192681'],
    ['an address without a domain dot', 'user@localhost'],
    ['an @-mention', 'thanks @jane.doe'],
    ['an IPv4 with leading zeros or an octet over 255', '01.02.03.04 and 256.1.1.1'],
    ['a bare digit run', 'count 4155552671 rows'],
    ['a short plus-number', 'delta +12345 ms'],
    ['a plus-number glued to letters', 'build +4412345678abc'],
    ['a timezone offset', 'at 12:00 +02:00'],
    [
      'a JWT-looking string whose header is not JSON with alg',
      'eyJhbGciOiJub3QganNvbg.eyJ4IjoxfQ.sig and eyJ4IjoxfQ.eyJ4IjoxfQ.sig',
    ],
    ['a key id that is too short or too long', 'AKIAIOSFODNN7EXAMPL and AKIAIOSFODNN7EXAMPLEX'],
  ])('finds nothing in %s', (_name, text) => {
    expect(scan(text)).toEqual([])
  })

  it('is linear on a long message of word characters with a stray @', () => {
    const text = `${'a'.repeat(65_000)}@`
    const started = performance.now()
    expect(scan(text)).toEqual([])
    // A scan that backtracks over the word run from every position takes ~65,000² steps (seconds); a linear one
    // ~1 ms. The bound sits far from both, so a loaded CI machine (110 ms seen) does not fail it.
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('scanEvent', () => {
  it('scans a log message and both Bedrock texts, tagging the event index', () => {
    const findings: PiiFinding[] = []
    const log: IngestEvent = {
      type: 'log',
      time: undefined,
      message: 'x@example.com',
      level: undefined,
      service: undefined,
    }
    const bedrock: IngestEvent = {
      type: 'bedrock.invoke',
      time: undefined,
      model: 'm',
      inputTokens: undefined,
      outputTokens: undefined,
      inputText: 'ip 10.0.0.1',
      outputText: 'key AKIAIOSFODNN7EXAMPLE',
    }
    const sqs: IngestEvent = { type: 'sqs.send', time: undefined, bytes: 1, fifo: false }
    scanEvent(log, 3, findings)
    scanEvent(bedrock, 4, findings)
    scanEvent(sqs, 5, findings)
    expect(findings.map((f) => [f.kind, f.eventIndex])).toEqual([
      ['email', 3],
      ['ipv4', 4],
      ['aws_access_key', 4],
    ])
  })
})

describe('checksums', () => {
  it('applies Luhn', () => {
    expect(passesLuhn('4111111111111111')).toBe(true)
    expect(passesLuhn('4111111111111112')).toBe(false)
    expect(passesLuhn('79927398713')).toBe(true)
  })

  it('applies the IBAN mod-97 check', () => {
    expect(passesIbanMod97('DE89370400440532013000')).toBe(true)
    expect(passesIbanMod97('GB82WEST12345698765432')).toBe(true)
    expect(passesIbanMod97('GB82WEST12345698765433')).toBe(false)
  })
})
