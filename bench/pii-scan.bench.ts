/**
 * PII scanner: time per 64 KiB log message, plain text against texts crafted to be nothing but candidates
 * (docs/SECURITY.md). Run: `npx tsx bench/pii-scan.bench.ts`.
 */
import { type PiiFinding, scanText } from '../server/domains/ingest/pii.js'

const SIZE = 64 * 1024
const fill = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE)

const TEXTS: Record<string, string> = {
  'plain log text': fill('Request served from cache; the order service answered slowly, retrying once. '),
  'log with numbers': fill(
    'GET /api/v1/orders/1234 200 12ms user=42 region=us-east-1 cache miss; retrying. ',
  ),
  'emails (a@b.cc)': fill('a@b.cc '),
  'IPv4 addresses': fill('1.2.3.4 '),
  'card numbers': fill('4111111111111111 '),
  'phone numbers': fill('+14155552671 '),
  'AWS key ids': fill('AKIAIOSFODNN7EXAMPLE '),
  'JWT-like tokens': fill('eyJhbGciOiJIUzI1NiJ9.e30.x '),
}

function msPerText(text: string): number {
  const rounds = 20
  for (let i = 0; i < 3; i++) scanText(text, 0, [])
  const start = process.hrtime.bigint()
  for (let i = 0; i < rounds; i++) scanText(text, 0, [] as PiiFinding[])
  return Number(process.hrtime.bigint() - start) / 1e6 / rounds
}

const plain = msPerText(TEXTS['plain log text'] as string)
for (const [name, text] of Object.entries(TEXTS)) {
  const ms = name === 'plain log text' ? plain : msPerText(text)
  const findings: PiiFinding[] = []
  scanText(text, 0, findings)
  console.log(
    `${name.padEnd(18)} ${ms.toFixed(3).padStart(8)} ms  ${(ms / plain).toFixed(1).padStart(6)}x plain  ${findings.length} findings`,
  )
}
