/** The same rules the server applies (docs/api.md#authentication), checked as the user types so most mistakes never round-trip. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export function validateEmail(value: string): string | null {
  if (!value.trim()) return 'Enter your email address'
  if (!EMAIL.test(value.trim())) return 'Enter a valid email address, like name@example.com'
  return null
}

export function validateNewPassword(value: string): string | null {
  if (value.length < 8) return 'Use at least 8 characters'
  if (value.length > 128) return 'Use at most 128 characters'
  if (!/[A-Za-z]/.test(value)) return 'Include at least one letter'
  if (!/\d/.test(value)) return 'Include at least one digit'
  return null
}

export function validatePasswordPresent(value: string): string | null {
  return value ? null : 'Enter your password'
}

/** A name to show in the header: not blank, at most 255 characters (the server trims it). */
export function validateFullName(value: string): string | null {
  if (!value.trim()) return 'Enter your name'
  if (value.trim().length > 255) return 'Use at most 255 characters'
  return null
}
