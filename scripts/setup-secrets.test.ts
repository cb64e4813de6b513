import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseEnv } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../server/config.js'

const SCRIPT = fileURLToPath(new URL('./setup-secrets.sh', import.meta.url))
const ROOT = fileURLToPath(new URL('..', import.meta.url))

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mockupaws-setup-secrets-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

function runScript(...args: string[]) {
  return spawnSync('bash', [SCRIPT, ...args], { cwd: dir, encoding: 'utf8' })
}

/** Parsed exactly as `mockupaws` reads it (process.loadEnvFile uses the same parser). */
function readEnv(file: string): Record<string, string> {
  return parseEnv(readFileSync(file, 'utf8')) as Record<string, string>
}

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env)
    return []
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
}

const modeOf = (file: string) => statSync(file).mode & 0o777

describe('scripts/setup-secrets.sh', () => {
  it('writes a production .env readable by its owner only, with a 64-hex JWT secret', () => {
    const run = runScript('--public-url', 'https://costs.example.org')
    expect(run.status, run.stderr).toBe(0)
    const file = join(dir, '.env')
    expect(modeOf(file)).toBe(0o600)
    const env = readEnv(file)
    expect(env.NODE_ENV).toBe('production')
    expect(env.JWT_SECRET_KEY).toMatch(/^[0-9a-f]{64}$/)
    expect(env.POSTGRES_PASSWORD).toMatch(/^[0-9a-f]{48}$/)
    expect(env.DATABASE_URL).toBe(`postgres://mockupaws:${env.POSTGRES_PASSWORD}@127.0.0.1:5432/mockupaws`)
    expect(env.PUBLIC_URL).toBe('https://costs.example.org')
    expect(env.CORS_ORIGINS).toBe('https://costs.example.org')
  })

  it('generates different secrets on every machine', () => {
    expect(runScript('--output', 'a.env').status).toBe(0)
    expect(runScript('--output', 'b.env').status).toBe(0)
    const a = readEnv(join(dir, 'a.env'))
    const b = readEnv(join(dir, 'b.env'))
    expect(a.JWT_SECRET_KEY).not.toBe(b.JWT_SECRET_KEY)
    expect(a.POSTGRES_PASSWORD).not.toBe(b.POSTGRES_PASSWORD)
  })

  it('refuses to replace an existing file without --force and leaves it untouched', () => {
    expect(runScript().status).toBe(0)
    const file = join(dir, '.env')
    const before = readFileSync(file, 'utf8')

    const again = runScript()
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('--force')
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(modeOf(file)).toBe(0o600)
  })

  it('does not overwrite a hand-made .env either', () => {
    const file = join(dir, '.env')
    writeFileSync(file, 'NODE_ENV=development\n', { mode: 0o644 })
    expect(runScript().status).toBe(1)
    expect(readFileSync(file, 'utf8')).toBe('NODE_ENV=development\n')
  })

  it('replaces the file with new secrets and mode 600 when given --force', () => {
    const file = join(dir, '.env')
    writeFileSync(file, 'NODE_ENV=development\n', { mode: 0o644 })
    const run = runScript('--force')
    expect(run.status, run.stderr).toBe(0)
    expect(modeOf(file)).toBe(0o600)
    const first = readEnv(file)
    expect(first.JWT_SECRET_KEY).toMatch(/^[0-9a-f]{64}$/)

    expect(runScript('--force').status).toBe(0)
    expect(readEnv(file).JWT_SECRET_KEY).not.toBe(first.JWT_SECRET_KEY)
  })

  it('writes a file that loadConfig accepts in production', () => {
    expect(runScript('--public-url', 'https://costs.example.org/').status).toBe(0)
    const env = readEnv(join(dir, '.env'))
    const config = loadConfig(env)
    expect(config.isProduction).toBe(true)
    expect(config.jwt.secret).toBe(env.JWT_SECRET_KEY)
    expect(config.databaseUrl).toBe(env.DATABASE_URL)
    expect(config.bcryptRounds).toBeGreaterThanOrEqual(12)
    expect(config.trustProxy).toBe(true)
    expect(config.publicUrl).toBe('https://costs.example.org')
  })

  it('rejects unknown arguments without writing anything', () => {
    const run = runScript('--frobnicate')
    expect(run.status).toBe(2)
    expect(() => statSync(join(dir, '.env'))).toThrow()
  })
})

/** docs/configuration.md, every variable: both example files list each one, set or commented out. */
const DOCUMENTED_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'PUBLIC_URL',
  'DATABASE_URL',
  'DATA_DIR',
  'JWT_SECRET_KEY',
  'JWT_ALGORITHM',
  'ACCESS_TOKEN_EXPIRE_MINUTES',
  'REFRESH_TOKEN_EXPIRE_DAYS',
  'BCRYPT_ROUNDS',
  'API_KEY_PREFIX',
  'CORS_ORIGINS',
  'RATE_LIMIT_AUTH_PER_MINUTE',
  'RATE_LIMIT_PER_MINUTE',
  'RATE_LIMIT_INGEST_PER_MINUTE',
  'RATE_LIMIT_ALLOWLIST',
  'REDIS_URL',
  'SMTP_URL',
  'MAIL_FROM',
  'SCHEDULER_ENABLED',
  'REPORT_RETENTION_DAYS',
  'TRUST_PROXY',
  'LOG_LEVEL',
]

describe('example env files', () => {
  it.each(['.env.example', '.env.production.example'])('%s lists every documented variable', (name) => {
    const text = readFileSync(join(ROOT, name), 'utf8')
    const listed = new Set([...text.matchAll(/^(?:# )?([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]))
    expect(DOCUMENTED_VARIABLES.filter((v) => !listed.has(v))).toEqual([])
  })

  it('.env.production.example is refused as is in production: its secret is a placeholder', () => {
    const env = readEnv(join(ROOT, '.env.production.example'))
    expect(env.NODE_ENV).toBe('production')
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^JWT_SECRET_KEY: is a placeholder/)])
  })

  it('.env.example loads in development', () => {
    // DATA_DIR in the temp dir: without JWT_SECRET_KEY development generates its secret there.
    const env = { ...readEnv(join(ROOT, '.env.example')), DATA_DIR: dir }
    const config = loadConfig(env)
    expect(config.isProduction).toBe(false)
    expect(config.databaseUrl).toBeUndefined()
  })
})
