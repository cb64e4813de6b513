import { createHash } from 'node:crypto'
import bcrypt from 'bcrypt'

/**
 * bcrypt reads only the first 72 bytes of its input, so two long passwords sharing a prefix would open the
 * same account. Every password is first reduced to base64(SHA-256(password)) — 44 ASCII bytes, no NUL — so
 * the whole password always counts.
 */
function prehash(password: string): string {
  return createHash('sha256').update(password, 'utf8').digest('base64')
}

/** Hashes on libuv's thread pool (bcrypt's async API), so logins never block the event loop. */
export function hashPassword(password: string, rounds: number): Promise<string> {
  return bcrypt.hash(prehash(password), rounds)
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(prehash(password), hash)
}

/** The policy of SPEC §4: 8–128 characters with at least one letter and one digit. Returns the problem. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return 'must be at least 8 characters'
  if (password.length > 128) return 'must be at most 128 characters'
  if (!/\p{L}/u.test(password)) return 'must contain a letter'
  if (!/\p{Nd}/u.test(password)) return 'must contain a digit'
  return undefined
}

const EMAIL =
  /^[^\s@"<>()[\]\\,;:]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/

/** Trims and lower-cases an email; undefined when it is not a plausible address. */
export function normaliseEmail(email: string): string | undefined {
  const value = email.trim().toLowerCase()
  if (value.length > 254 || !EMAIL.test(value)) return undefined
  const [local = ''] = value.split('@')
  return local.length <= 64 ? value : undefined
}
