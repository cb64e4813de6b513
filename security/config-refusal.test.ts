import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAIN_JS } from './support/server.js'

type Result = { code: number | null; stderr: string; stdout: string }

/** Starts `serve` with exactly `env` (plus PATH) in an empty directory; production refusals exit before listening. */
function serveWith(env: Record<string, string>): Promise<Result> {
  return new Promise((done, fail) => {
    const cwd = mkdtempSync(join(tmpdir(), 'mockupaws-cfg-'))
    const child = spawn(process.execPath, [MAIN_JS, 'serve'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: cwd, PORT: '0', SCHEDULER_ENABLED: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
    })
    child.stderr.on('data', (d) => {
      stderr += d
    })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`serve did not exit: ${stdout}${stderr}`))
    }, 20_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

const GOOD_SECRET = randomBytes(32).toString('hex')
const exampleSecret = () => {
  const line = readFileSync('.env.example', 'utf8').match(/JWT_SECRET_KEY=(\S+)/)
  return line?.[1] ?? 'dev-secret-not-for-production-replace-me-0123456789'
}

describe('production configuration refusal', () => {
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['a missing JWT_SECRET_KEY', {}, ['JWT_SECRET_KEY']],
    ['a short secret', { JWT_SECRET_KEY: 'short-secret-123' }, ['JWT_SECRET_KEY']],
    ['the change-me placeholder', { JWT_SECRET_KEY: `change-me-${'x'.repeat(40)}` }, ['JWT_SECRET_KEY']],
    [
      'a your-… placeholder',
      { JWT_SECRET_KEY: `your-secret-key-here-${'x'.repeat(30)}` },
      ['JWT_SECRET_KEY'],
    ],
    ['the .env.example value', { JWT_SECRET_KEY: exampleSecret() }, ['JWT_SECRET_KEY']],
    // Long enough, but chosen rather than random: few distinct characters, a repeated word, a run.
    ['a low-entropy secret (c0ffee x 8)', { JWT_SECRET_KEY: 'c0ffee'.repeat(8) }, ['JWT_SECRET_KEY']],
    ['a repeated word', { JWT_SECRET_KEY: 'Password1!'.repeat(4) }, ['JWT_SECRET_KEY']],
    [
      'consecutive characters',
      { JWT_SECRET_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789' },
      ['JWT_SECRET_KEY'],
    ],
    [
      'bad security settings',
      {
        JWT_SECRET_KEY: GOOD_SECRET,
        RATE_LIMIT_IP_PER_MINUTE: '0',
        SECURITY_EVENT_RETENTION_DAYS: 'forever',
        REFRESH_REUSE_GRACE_SECONDS: '3600',
        OPS_ACCESS_TOKEN: 'short',
        OPS_ALLOWED_NETWORKS: '10.0.0.0/33',
      },
      [
        'OPS_ACCESS_TOKEN',
        'OPS_ALLOWED_NETWORKS',
        'RATE_LIMIT_IP_PER_MINUTE',
        'REFRESH_REUSE_GRACE_SECONDS',
        'SECURITY_EVENT_RETENTION_DAYS',
      ],
    ],
    ['bcrypt below 12', { JWT_SECRET_KEY: GOOD_SECRET, BCRYPT_ROUNDS: '10' }, ['BCRYPT_ROUNDS']],
    ['alg none', { JWT_SECRET_KEY: GOOD_SECRET, JWT_ALGORITHM: 'none' }, ['JWT_ALGORITHM']],
    [
      'several bad variables at once',
      {
        JWT_SECRET_KEY: 'secret',
        BCRYPT_ROUNDS: '4',
        JWT_ALGORITHM: 'RS256',
        ACCESS_TOKEN_EXPIRE_MINUTES: '600',
        REFRESH_TOKEN_EXPIRE_DAYS: '90',
        RATE_LIMIT_PER_MINUTE: 'lots',
      },
      [
        'ACCESS_TOKEN_EXPIRE_MINUTES',
        'BCRYPT_ROUNDS',
        'JWT_ALGORITHM',
        'JWT_SECRET_KEY',
        'RATE_LIMIT_PER_MINUTE',
        'REFRESH_TOKEN_EXPIRE_DAYS',
      ],
    ],
  ]

  for (const [name, env, variables] of cases) {
    it(`exits 1 with one line per bad variable for ${name}`, async () => {
      const result = await serveWith({ NODE_ENV: 'production', ...env })
      expect(result.code).toBe(1)
      const lines = result.stderr.trim().split('\n').filter(Boolean)
      for (const line of lines) expect(line).toMatch(/^config error: [A-Z_]+: \S/)
      const named = lines.map((l) => l.split(':')[1]?.trim()).sort()
      expect(named, result.stderr).toEqual([...variables].sort())
      // The refusal names the variable, never its value.
      if (env.JWT_SECRET_KEY && env.JWT_SECRET_KEY.length > 6)
        expect(result.stderr).not.toContain(env.JWT_SECRET_KEY)
      expect(result.stdout).not.toMatch(/listening/i)
    })
  }

  it('starts with a sound production configuration (the refusals above are not blanket)', async () => {
    const result = await serveWith({ NODE_ENV: 'production', JWT_SECRET_KEY: GOOD_SECRET, PORT: 'eighty' })
    expect(result.code).toBe(1)
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^config error: PORT: /)])
  })
})
