/**
 * PII scanner for ingested text (log `message`, Bedrock `input_text` / `output_text`).
 *
 * A finding carries only a masked form, never the raw value. Speed matters (every log line of every request
 * is scanned), so one pass over the characters counts digits, dots and the like, and each detector runs only
 * when the text could hold a match. Every candidate is then confirmed by a check a random string rarely
 * passes: Luhn and a card network prefix, IBAN length per country and mod-97, a JWT header that decodes to
 * JSON with `alg`. docs/metering.md lists each kind and its mask.
 */
import type { IngestEvent } from './events.js'

/** The kinds the database stores (server/db/schema/scenarios.ts `pii_kind`). */
export type PiiKind = 'email' | 'phone' | 'credit_card' | 'iban' | 'ipv4' | 'aws_access_key' | 'jwt'

export interface PiiFinding {
  kind: PiiKind
  masked: string
  eventIndex: number
}

/** Scans the text fields of one event, appending findings to `findings`. */
export function scanEvent(event: IngestEvent, eventIndex: number, findings: PiiFinding[]): void {
  if (event.type === 'log') {
    scanText(event.message, eventIndex, findings)
  } else if (event.type === 'bedrock.invoke') {
    if (event.inputText !== undefined) scanText(event.inputText, eventIndex, findings)
    if (event.outputText !== undefined) scanText(event.outputText, eventIndex, findings)
  }
}

/**
 * Candidates (an '@', a regex match) examined per text, all detectors together. Text crafted to be nothing
 * but candidates cost ~25x plain text of the same size before this cap (docs/SECURITY.md); findings past it
 * are not counted (docs/metering.md).
 */
export const MAX_CANDIDATES_PER_TEXT = 100

/** Scans one text, appending a masked finding per match to `findings`. */
export function scanText(text: string, eventIndex: number, findings: PiiFinding[]): void {
  const shape = measureText(text)
  // Detectors push into this list directly: a per-call closure would cost more than the scan of a short line.
  const found: Found = { findings, eventIndex, budget: MAX_CANDIDATES_PER_TEXT }
  if (shape.hasAt) findEmails(text, found)
  if (shape.dotsBetweenDigits >= 3) findIpv4(text, found)
  if (shape.longestGroupedDigits >= 13) findCards(text, found)
  if (shape.hasIbanStart) findIbans(text, found)
  if (shape.digits >= 9) findPhones(text, shape, found)
  if (shape.hasUpper && (text.includes('AKIA') || text.includes('ASIA'))) findAwsKeys(text, found)
  if (shape.dots >= 2 && text.includes('eyJ')) findJwts(text, found)
}

/** What one pass over the characters tells about which detectors could match. */
interface TextShape {
  digits: number
  dots: number
  /** "1.2" style dots; an IPv4 address has three. */
  dotsBetweenDigits: number
  /** Longest digit run allowing single spaces or dashes between digits; a card number has 13-19. */
  longestGroupedDigits: number
  /** Digit runs of three or more; a North American number has at least two. */
  digitRunsOf3: number
  /** Two upper-case letters followed by two digits, the start of an IBAN. */
  hasIbanStart: boolean
  hasPlusDigit: boolean
  hasAt: boolean
  hasUpper: boolean
}

function measureText(text: string): TextShape {
  const shape: TextShape = {
    digits: 0,
    dots: 0,
    dotsBetweenDigits: 0,
    longestGroupedDigits: 0,
    digitRunsOf3: 0,
    hasIbanStart: false,
    hasPlusDigit: false,
    hasAt: false,
    hasUpper: false,
  }
  let run = 0
  let groupedRun = 0
  let upperRun = 0
  let previous = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      shape.digits++
      run++
      groupedRun++
      if (groupedRun > shape.longestGroupedDigits) shape.longestGroupedDigits = groupedRun
      if (run === 3) shape.digitRunsOf3++
      if (run === 2 && upperRun >= 2) shape.hasIbanStart = true
      if (previous === 43) shape.hasPlusDigit = true
      previous = c
      continue
    }
    const wasDigit = run > 0
    run = 0
    // A digit ends a run of letters: "AB1CD23" holds no IBAN start.
    if (wasDigit) upperRun = 0
    if (c >= 65 && c <= 90) {
      shape.hasUpper = true
      upperRun++
    } else {
      upperRun = 0
      if (c === 46) {
        shape.dots++
        if (wasDigit) {
          const next = text.charCodeAt(i + 1)
          if (next >= 48 && next <= 57) shape.dotsBetweenDigits++
        }
      } else if (c === 64) shape.hasAt = true
    }
    // A single space or dash may separate card digit groups; anything else ends the run.
    if (!(wasDigit && (c === 32 || c === 45))) groupedRun = 0
    previous = c
  }
  return shape
}

/** Where a detector reports: the batch's findings and the index of the event being scanned. */
interface Found {
  findings: PiiFinding[]
  eventIndex: number
  /** Candidates this text may still examine (MAX_CANDIDATES_PER_TEXT). */
  budget: number
}

/** Takes one candidate from the text's budget; false once it is spent (the detector stops). */
function spend(found: Found): boolean {
  if (found.budget <= 0) return false
  found.budget--
  return true
}

function report(found: Found, kind: PiiKind, masked: string): void {
  found.findings.push({ kind, masked, eventIndex: found.eventIndex })
}

// Email: found from each '@' outwards by hand, because a regex anchored on the local part backtracks
// quadratically on long runs of word characters without a domain.
const MAX_LOCAL_PART = 64
const MAX_DOMAIN = 253

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 // . _ % + -
}

function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45 // . -
}

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
}

const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/
const TOP_LEVEL_DOMAIN = /^[A-Za-z]{2,63}$/

function findEmails(text: string, found: Found): void {
  let at = text.indexOf('@')
  while (at !== -1 && spend(found)) {
    let start = at
    while (start > 0 && at - start < MAX_LOCAL_PART && isLocalChar(text.charCodeAt(start - 1))) start--
    while (start < at && text.charCodeAt(start) === 46) start++
    let end = at + 1
    while (end < text.length && end - at <= MAX_DOMAIN && isDomainChar(text.charCodeAt(end))) end++
    // A sentence may end right after the address: "write to a@b.com."
    while (end > at + 1 && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--
    const domain = text.slice(at + 1, end)
    if (start < at && isEmailDomain(domain)) {
      const tld = domain.slice(domain.lastIndexOf('.') + 1)
      report(found, 'email', `${text[start]}***@${domain[0]}***.${tld}`)
    }
    at = text.indexOf('@', at + 1)
  }
}

function isEmailDomain(domain: string): boolean {
  const labels = domain.split('.')
  const tld = labels[labels.length - 1]
  if (labels.length < 2 || tld === undefined || !TOP_LEVEL_DOMAIN.test(tld)) return false
  for (const label of labels) if (!DOMAIN_LABEL.test(label)) return false
  return true
}

// IPv4: four decimal octets 0-255 without leading zeros. Not preceded by a letter, digit or dot (so "v1.2.3.4"
// and "1.2.3.4.5" do not match) and not followed by a word character or ".digit".
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)'
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g')

function findIpv4(text: string, found: Found): void {
  for (const match of text.matchAll(IPV4)) {
    if (!spend(found)) return
    const address = match[0]
    report(found, 'ipv4', `${address.slice(0, address.indexOf('.'))}.*.*.*`)
  }
}

// Card: 13-19 digits, optionally grouped by single spaces or dashes, not part of a longer digit run or of a
// hex/UUID token.
const CARD_CANDIDATE = /(?<![\w.-]|\d[ -])\d(?:[ -]?\d){12,18}(?![\w-]|[ .]\d)/g

function findCards(text: string, found: Found): void {
  for (const match of text.matchAll(CARD_CANDIDATE)) {
    if (!spend(found)) return
    const digits = match[0].replace(/[ -]/g, '')
    if (isCardNetworkNumber(digits) && passesLuhn(digits))
      report(found, 'credit_card', `**** **** **** ${digits.slice(-4)}`)
  }
}

/** True when the number has the prefix and length of a major card network (Visa, Mastercard, Amex, ...). */
function isCardNetworkNumber(digits: string): boolean {
  const length = digits.length
  const p2 = Number(digits.slice(0, 2))
  const p4 = Number(digits.slice(0, 4))
  if (digits[0] === '4') return length === 13 || length === 16 || length === 19 // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return length === 16 // Mastercard
  if (p2 === 34 || p2 === 37) return length === 15 // American Express
  if (p2 === 36 || p2 === 38 || p2 === 39 || (p4 >= 3000 && p4 <= 3059)) return length >= 14 // Diners
  if (p4 >= 3528 && p4 <= 3589) return length >= 16 // JCB
  if (p2 === 62 || p2 === 65 || p4 === 6011 || (p4 >= 6440 && p4 <= 6499)) return length >= 16 // UnionPay, Discover
  return false
}

/** The Luhn checksum every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0
  let double = false
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48
    if (double) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
    double = !double
  }
  return sum % 10 === 0
}

// IBAN: country code, two check digits, then up to 30 alphanumerics, optionally in groups of four.
const IBAN_CANDIDATE =
  /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Za-z0-9])/g

/** IBAN length per country (SWIFT IBAN registry); a country not listed is not recognised. */
// biome-ignore format: a table reads better packed than one country per line
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
}

function findIbans(text: string, found: Found): void {
  for (const match of text.matchAll(IBAN_CANDIDATE)) {
    if (!spend(found)) return
    const iban = match[0].replace(/ /g, '')
    const country = iban.slice(0, 2)
    if (IBAN_LENGTHS[country] === iban.length && passesIbanMod97(iban)) {
      report(found, 'iban', `${country}** **** ${iban.slice(-4)}`)
    }
  }
}

/** ISO 13616 check: move the first four characters to the end, letters become 10-35, the number mod 97 is 1. */
export function passesIbanMod97(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4)
  let remainder = 0
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i)
    if (c >= 48 && c <= 57) remainder = (remainder * 10 + (c - 48)) % 97
    else remainder = (remainder * 100 + (c - 55)) % 97
  }
  return remainder === 1
}

// Phone: international "+<country><number>" (9-15 digits, E.164's maximum, single separators and an optional
// parenthesised group) or North American "(555) 123-4567" / "555-123-4567" / "555.123.4567". Bare digit runs
// are not phones: they are far more often ids, amounts or timestamps. The international pattern cannot
// backtrack: its repeated group always succeeds as far as it reaches.
const INTERNATIONAL_PHONE = /(?<![\w+])\+[1-9](?:[ .-]?(?:\(\d{1,4}\)|\d))+/g
const WORD_CHAR = /\w/
const NANP_PHONE =
  /(?<![\w.+-])(?:\([2-9]\d{2}\) ?[2-9]\d{2}[-. ]?|[2-9]\d{2}([-.])[2-9]\d{2}\1)\d{4}(?![\w-]|\.\d)/g

function findPhones(text: string, shape: TextShape, found: Found): void {
  // An international number may contain a North American one ("+1 (415) 555-2671"): report it once.
  const internationalSpans: number[] = []
  if (shape.hasPlusDigit) {
    for (const match of text.matchAll(INTERNATIONAL_PHONE)) {
      if (!spend(found)) return
      const digits = match[0].replace(/\D/g, '')
      // The pattern stops at any length; E.164 numbers have at most 15 digits. "+4412345678abc" is a token.
      const next = text[match.index + match[0].length]
      if (digits.length < 9 || digits.length > 15 || (next !== undefined && WORD_CHAR.test(next))) continue
      internationalSpans.push(match.index, match.index + match[0].length)
      report(found, 'phone', `+***${digits.slice(-2)}`)
    }
  }
  if (shape.digitRunsOf3 < 2 || shape.digits < 10) return
  for (const match of text.matchAll(NANP_PHONE)) {
    if (!spend(found)) return
    if (!isInsideSpans(match.index, internationalSpans)) report(found, 'phone', `***${match[0].slice(-2)}`)
  }
}

/** True when `index` lies in one of the [start, end) pairs of `spans`. */
function isInsideSpans(index: number, spans: readonly number[]): boolean {
  for (let i = 0; i + 1 < spans.length; i += 2) {
    if (index >= (spans[i] as number) && index < (spans[i + 1] as number)) return true
  }
  return false
}

// AWS access key id: AKIA (long-term) or ASIA (temporary) followed by 16 upper-case alphanumerics.
const AWS_ACCESS_KEY = /(?<![A-Za-z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9])/g

function findAwsKeys(text: string, found: Found): void {
  for (const match of text.matchAll(AWS_ACCESS_KEY)) {
    if (!spend(found)) return
    report(found, 'aws_access_key', `${match[0].slice(0, 4)}************${match[0].slice(-4)}`)
  }
}

// JWT: three base64url parts; the header is base64url JSON and so always starts with "eyJ" ('{"').
const JWT_CANDIDATE = /(?<![\w-])eyJ[\w-]+\.[\w-]+\.[\w-]*/g

function findJwts(text: string, found: Found): void {
  for (const match of text.matchAll(JWT_CANDIDATE)) {
    if (!spend(found)) return
    const header = match[0].slice(0, match[0].indexOf('.'))
    if (hasJwtHeader(header)) report(found, 'jwt', 'eyJ***.***.***')
  }
}

function hasJwtHeader(encoded: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'))
    return (
      typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string'
    )
  } catch {
    return false
  }
}
