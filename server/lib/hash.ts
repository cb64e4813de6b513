import { hash } from 'node:crypto'

/**
 * SHA-256 of a string's UTF-8 bytes, as 64 hex characters: how tokens, API keys and share links are stored.
 * One-shot `crypto.hash` (0.2 µs) rather than a Hash object (1 µs): every API-key request hashes its key.
 */
export function sha256Hex(value: string): string {
  return hash('sha256', value)
}
