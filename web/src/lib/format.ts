const moneyFormats = new Map<string, Intl.NumberFormat>()

/** Money from the API's exact decimal strings: 2 decimals, or up to 6 for sub-cent amounts. */
export function formatMoney(amount: string | number, currency = 'USD'): string {
  const value = typeof amount === 'string' ? Number(amount) : amount
  const small = value !== 0 && Math.abs(value) < 0.01
  const key = `${currency}:${small}`
  let format = moneyFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: small ? 6 : 2,
    })
    moneyFormats.set(key, format)
  }
  return format.format(value)
}

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 })
export function formatNumber(value: string | number): string {
  return numberFormat.format(typeof value === 'string' ? Number(value) : value)
}

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' })
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  return iso ? dateTimeFormat.format(new Date(iso)) : fallback
}

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit' })
export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso))
}

/** A signed money difference: "+$1.20", "−$0.50", "$0.00". */
export function formatDelta(amount: string | number, currency = 'USD'): string {
  const value = typeof amount === 'string' ? Number(amount) : amount
  if (value === 0) return formatMoney(0, currency)
  return `${value > 0 ? '+' : '−'}${formatMoney(Math.abs(value), currency)}`
}
