import { expect } from 'vitest'
import { leakedSecrets } from './secrets.js'
import type { ServerProcess } from './server.js'

/** Asserts that no password, token, key or secret this process saw appears in anything the server wrote. */
export function expectNoSecretsLogged(...servers: ServerProcess[]): void {
  for (const server of servers) {
    expect(server.output.length, 'the server wrote log output').toBeGreaterThan(0)
    expect(leakedSecrets(server.output), 'secrets found in the server log').toEqual([])
  }
}
