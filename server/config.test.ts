import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ConfigError, EXAMPLE_SECRET, loadConfig } from './config.js'

const STRONG = 'a3f1c9e07b5d42e8a1f0c3b5d7e9f1a2b4c6d8e0f2a4b6c8'

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: '/tmp/mockupaws-config-test', ...env })
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

describe('loadConfig', () => {
  it('applies the documented defaults (docs/configuration.md)', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/mockupaws-config-test' })
    expect(config.port).toBe(8000)
    expect(config.publicUrl).toBe('http://localhost:8000')
    // Links follow the port the server listens on unless PUBLIC_URL says otherwise.
    expect(loadConfig({ DATA_DIR: '/tmp/mockupaws-config-test', PORT: '8123' }).publicUrl).toBe(
      'http://localhost:8123',
    )
    expect(config.host).toBe('127.0.0.1')
    expect(config.jwt.accessTtlMinutes).toBe(30)
    expect(config.jwt.refreshTtlDays).toBe(7)
    expect(config.bcryptRounds).toBe(12)
    expect(config.apiKeyPrefix).toBe('mk_')
    expect(config.corsOrigins).toEqual(['http://localhost:5173'])
    expect(config.rateLimit).toMatchObject({ authPerMinute: 5, perMinute: 100, ingestPerMinute: 6000 })
    expect(config.schedulerEnabled).toBe(true)
    expect(config.trustProxy).toBe(false)
    expect(Object.isFrozen(config)).toBe(true)
  })

  it('generates a development secret once and reuses it', () => {
    const dir = `/tmp/mockupaws-config-test-${process.pid}-${Date.now()}`
    const first = loadConfig({ DATA_DIR: dir })
    const second = loadConfig({ DATA_DIR: dir })
    expect(first.jwt.secret).toMatch(/^[0-9a-f]{64}$/)
    expect(second.jwt.secret).toBe(first.jwt.secret)
  })

  it('reports one line per bad variable', () => {
    const lines = problems({ PORT: 'eighty', ACCESS_TOKEN_EXPIRE_MINUTES: '90', DATABASE_URL: 'mysql://x' })
    expect(lines).toHaveLength(3)
    expect(lines.some((l) => l.startsWith('PORT:'))).toBe(true)
    expect(lines.some((l) => l.startsWith('ACCESS_TOKEN_EXPIRE_MINUTES:'))).toBe(true)
    expect(lines.some((l) => l.startsWith('DATABASE_URL:'))).toBe(true)
  })

  it('reads the report recovery thresholds, 150 s and 120 s by default, 5 s to 12 h', () => {
    const dir = '/tmp/mockupaws-config-test'
    expect(loadConfig({ DATA_DIR: dir }).reportRecovery).toEqual({ staleSeconds: 150, jobExpireSeconds: 120 })
    const short = loadConfig({ DATA_DIR: dir, REPORT_STALE_SECONDS: '12', REPORT_JOB_EXPIRE_SECONDS: '6' })
    expect(short.reportRecovery).toEqual({ staleSeconds: 12, jobExpireSeconds: 6 })
    const lines = problems({ REPORT_STALE_SECONDS: '4', REPORT_JOB_EXPIRE_SECONDS: '43201' })
    expect(lines).toHaveLength(2)
    expect(lines.some((l) => l.startsWith('REPORT_STALE_SECONDS:'))).toBe(true)
    expect(lines.some((l) => l.startsWith('REPORT_JOB_EXPIRE_SECONDS:'))).toBe(true)
    expect(problems({ REPORT_STALE_SECONDS: '2.5' })).toHaveLength(1)
  })

  it('accepts only HS256', () => {
    expect(problems({ JWT_ALGORITHM: 'RS256' })).toEqual(['JWT_ALGORITHM: only HS256 is accepted'])
    expect(problems({ JWT_ALGORITHM: 'none' })).toHaveLength(1)
  })

  describe('in production', () => {
    const prod = (env: Record<string, string>) => problems({ NODE_ENV: 'production', ...env })

    it('starts with a strong secret and default rounds', () => {
      expect(prod({ JWT_SECRET_KEY: STRONG })).toEqual([])
    })
    it('requires a secret', () => {
      expect(prod({})).toEqual(['JWT_SECRET_KEY: required in production'])
    })
    it('refuses a short secret', () => {
      expect(prod({ JWT_SECRET_KEY: 'short-secret' })[0]).toMatch(/^JWT_SECRET_KEY: must be at least 32/)
    })
    it.each([
      'change-me-change-me-change-me-change-me',
      'your-secret-key-here-0123456789abcdef',
      EXAMPLE_SECRET,
    ])('refuses the placeholder %s', (secret) => {
      expect(prod({ JWT_SECRET_KEY: secret })[0]).toMatch(/placeholder/)
    })
    it.each([
      ['few distinct characters', 'c0ffee'.repeat(8)],
      ['a repeated word', 'passwordpasswordpasswordpassword!'],
      ['a repeated pattern', 'Xy7#Qw9!'.repeat(5)],
      ['consecutive characters', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ])('refuses a low-entropy secret (%s) and says why', (_, secret) => {
      const [line] = prod({ JWT_SECRET_KEY: secret })
      expect(line).toMatch(
        /^JWT_SECRET_KEY: is too guessable \(.+\); generate one with `openssl rand -hex 32`$/,
      )
      expect(line).not.toContain(secret)
    })
    it('accepts random secrets of 32 hex characters and more', () => {
      for (let i = 0; i < 200; i++)
        expect(prod({ JWT_SECRET_KEY: randomBytes(16 + (i % 3) * 8).toString('hex') })).toEqual([])
    })
    it('refuses fewer than 12 bcrypt rounds', () => {
      expect(prod({ JWT_SECRET_KEY: STRONG, BCRYPT_ROUNDS: '10' })).toEqual([
        'BCRYPT_ROUNDS: must be at least 12 in production',
      ])
    })
    it('lists every production problem at once', () => {
      expect(prod({ JWT_SECRET_KEY: 'x', BCRYPT_ROUNDS: '4', JWT_ALGORITHM: 'HS512' })).toHaveLength(3)
    })
  })
})
