/**
 * Quantities as people type them: "1500", "1,500", "1.5k", "10M", "2.5 billion". Parsed exactly through the
 * number's decimal form ("1.1k" is 1100, not 1100.0000000000002); anything else is refused, never truncated.
 */
const SUFFIXES: Record<string, number> = {
  k: 3,
  thousand: 3,
  m: 6,
  million: 6,
  b: 9,
  bn: 9,
  billion: 9,
  t: 12,
  trillion: 12,
}

const PATTERN = /^(\d[\d,_ ]*)?(\.\d+)?\s*([a-z]+)?$/i

export type ParsedQuantity = { ok: true; value: number } | { ok: false; reason: string }

export const QUANTITY_HINT = 'a number such as 1500, 1.5k, 10M or 2B'

export function parseQuantity(text: string): ParsedQuantity {
  const trimmed = text.trim()
  const match = PATTERN.exec(trimmed)
  if (!trimmed || !match || (match[1] === undefined && match[2] === undefined)) {
    return { ok: false, reason: `Enter ${QUANTITY_HINT}` }
  }
  const [, whole = '0', fraction = '', suffix] = match
  const digits = whole.replace(/[,_ ]/g, '')
  const exponent = suffix === undefined ? 0 : SUFFIXES[suffix.toLowerCase()]
  if (exponent === undefined) return { ok: false, reason: `Unknown unit "${suffix}": use k, M, B or T` }
  const value = Number(`${digits}${fraction}e${exponent}`)
  if (!Number.isFinite(value)) return { ok: false, reason: 'The number is too large' }
  return { ok: true, value }
}

/** A param value as a number: numbers as they are, typed text parsed; NaN when it is not a quantity. */
export function quantityOf(value: unknown): number {
  if (typeof value === 'number') return value
  if (typeof value !== 'string') return Number.NaN
  const parsed = parseQuantity(value)
  return parsed.ok ? parsed.value : Number.NaN
}

/** 10000000 → "10,000,000" (the figure a typed "10M" stands for). */
export function formatQuantity(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 20 })
}
