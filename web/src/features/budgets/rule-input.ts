/** What the API accepts as money: a decimal string, at most 12 integer digits and 6 decimals, above 0. */
const MONEY = /^[0-9]{1,12}(\.[0-9]{1,6})?$/

/** Why an amount typed by a person is refused, or null. */
export function moneyProblem(value: string): string | null {
  const trimmed = value.trim()
  if (!MONEY.test(trimmed)) return 'Enter an amount such as 250 or 99.50'
  if (Number(trimmed) === 0) return 'Must be greater than 0'
  return null
}

/** The recipients typed in one box, split on commas, semicolons, spaces or new lines. */
export function parseEmails(value: string): string[] {
  return value
    .split(/[\s,;]+/)
    .map((s) => s.trim())
    .filter(Boolean)
}

/** Why a recipient list is refused (the server checks each address properly), or null. */
export function emailsProblem(value: string): string | null {
  const emails = parseEmails(value)
  if (emails.length > 20) return 'At most 20 recipients'
  const bad = emails.find((e) => !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e))
  return bad ? `${bad} is not an email address` : null
}
