import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../test/run-cli.js'

// Each CLI run is a separate process opening a file-backed PGlite: slow on a busy 2-core machine.
describe('mockupaws user create', { timeout: 120_000 }, () => {
  const env = {
    DATA_DIR: mkdtempSync(join(tmpdir(), 'mockupaws-cli-')),
    JWT_SECRET_KEY: 'cli-test-secret-0123456789abcdef0123',
  }

  it('creates a user from a password on stdin, then refuses a duplicate and a weak password', async () => {
    const created = await runCli(
      ['user', 'create', '--email', 'Ops@Example.com', '--password-stdin', '--name', 'Ops'],
      {
        env,
        stdin: 'Sup3r-secret-pw\n',
      },
    )
    expect(created.code).toBe(0)
    expect(created.stdout).toMatch(/^created user ops@example\.com \([0-9a-f-]{36}\)/)
    expect(created.stdout + created.stderr).not.toContain('Sup3r-secret-pw')

    const duplicate = await runCli(['user', 'create', '--email', 'ops@example.com', '--password-stdin'], {
      env,
      stdin: 'Sup3r-secret-pw\n',
    })
    expect(duplicate.code).toBe(1)
    expect(duplicate.stderr).toContain('An account with this email already exists.')

    const weak = await runCli(['user', 'create', '--email', 'weak@example.com', '--password-stdin'], {
      env,
      stdin: 'short',
    })
    expect(weak.code).toBe(1)
    expect(weak.stderr).toContain('password must be at least 8 characters')
  })

  it('prints usage and exits 2 without --password-stdin', async () => {
    const res = await runCli(['user', 'create', '--email', 'a@example.com'], { env })
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('Usage: mockupaws user create')
  })

  it('stops with one line per bad variable and exit 1 on invalid configuration', async () => {
    const res = await runCli(['migrate'], {
      env: { ...env, NODE_ENV: 'production', JWT_SECRET_KEY: 'short', BCRYPT_ROUNDS: '4' },
    })
    expect(res.code).toBe(1)
    expect(res.stderr.trim().split('\n')).toEqual([
      'config error: JWT_SECRET_KEY: must be at least 32 characters in production',
      'config error: BCRYPT_ROUNDS: must be at least 12 in production',
    ])
  })
})
