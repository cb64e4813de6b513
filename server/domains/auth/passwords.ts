import { createHash } from 'node:crypto'
import { availableParallelism } from 'node:os'
import bcrypt from 'bcrypt'

/**
 * bcrypt runs on libuv's thread pool (4 threads). On a small machine four hashes at once would take every
 * core from the event loop, so at most (cores − 1) run together and the rest wait their turn.
 */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1)
let active = 0
const waiting: (() => void)[] = []

async function limited<T>(work: () => Promise<T>): Promise<T> {
  // A finishing hash hands its slot straight to the next waiter, so the limit holds exactly.
  if (active >= MAX_CONCURRENT_HASHES) await new Promise<void>((resolve) => waiting.push(resolve))
  else active += 1
  try {
    return await work()
  } finally {
    const next = waiting.shift()
    if (next) next()
    else active -= 1
  }
}

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
  return limited(() => bcrypt.hash(prehash(password), rounds))
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return limited(() => bcrypt.compare(prehash(password), hash))
}

/** The password policy (docs/api.md#authentication): 8–128 characters with at least one letter and one digit. Returns the problem. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return 'must be at least 8 characters'
  if (password.length > 128) return 'must be at most 128 characters'
  if (!/\p{L}/u.test(password)) return 'must contain a letter'
  if (!/\p{Nd}/u.test(password)) return 'must contain a digit'
  return undefined
}
