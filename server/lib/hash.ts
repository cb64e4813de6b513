import { createHash } from 'node:crypto'

/** SHA-256 of a string's UTF-8 bytes, as 64 hex characters: how tokens, API keys and share links are stored. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}
