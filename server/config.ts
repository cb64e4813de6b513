import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type Static, Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'
import type { SendingLimits } from './domains/schedules/sending-limits.js'
import { addressSet } from './lib/ip-ranges.js'

const Bool = Type.Union([Type.Literal('true'), Type.Literal('false')])

/** Every environment variable of docs/configuration.md, as strings after defaults; parsed into `Config` below. */
const EnvSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://' })),
  DATA_DIR: Type.String({ minLength: 1, default: './data' }),
  JWT_SECRET_KEY: Type.Optional(Type.String()),
  JWT_ALGORITHM: Type.String({ default: 'HS256' }),
  ACCESS_TOKEN_EXPIRE_MINUTES: Type.Integer({ minimum: 1, maximum: 60, default: 30 }),
  REFRESH_TOKEN_EXPIRE_DAYS: Type.Integer({ minimum: 1, maximum: 30, default: 7 }),
  BCRYPT_ROUNDS: Type.Integer({ minimum: 4, maximum: 15, default: 12 }),
  API_KEY_PREFIX: Type.String({ pattern: '^[a-z]{1,8}_$', default: 'mk_' }),
  CORS_ORIGINS: Type.String({ default: 'http://localhost:5173' }),
  RATE_LIMIT_AUTH_PER_MINUTE: Type.Integer({ minimum: 1, default: 5 }),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 100 }),
  RATE_LIMIT_INGEST_PER_MINUTE: Type.Integer({ minimum: 1, default: 6000 }),
  RATE_LIMIT_ALLOWLIST: Type.String({ default: '' }),
  RATE_LIMIT_IP_PER_MINUTE: Type.Integer({ minimum: 1, default: 20_000 }),
  RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE: Type.Integer({ minimum: 1, default: 60 }),
  SECURITY_EVENT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 90 }),
  REFRESH_REUSE_GRACE_SECONDS: Type.Integer({ minimum: 0, maximum: 60, default: 10 }),
  OPS_ACCESS_TOKEN: Type.Optional(Type.String({ minLength: 32, maxLength: 256 })),
  OPS_ALLOWED_NETWORKS: Type.String({ default: '' }),
  RATE_LIMIT_WINDOW_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 60 }),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'mockupAWS <no-reply@localhost>' }),
  SCHEDULER_ENABLED: Bool,
  REPORT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30 }),
  REPORT_STALE_SECONDS: Type.Integer({ minimum: 5, maximum: 43_200, default: 150 }),
  REPORT_JOB_EXPIRE_SECONDS: Type.Integer({ minimum: 5, maximum: 43_200, default: 120 }),
  TRUST_PROXY: Bool,
  WEBHOOK_ALLOWED_NETWORKS: Type.String({ default: '' }),
  SCHEDULE_MIN_INTERVAL_MINUTES: Type.Integer({ minimum: 1, maximum: 44_640, default: 60 }),
  SCHEDULE_MAX_PER_USER: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  SCHEDULE_MAX_RUNS_PER_DAY: Type.Integer({ minimum: 1, maximum: 100_000, default: 50 }),
  SCHEDULE_RUN_NOW_COOLDOWN_SECONDS: Type.Integer({ minimum: 0, maximum: 86_400, default: 300 }),
  SCHEDULE_RECIPIENT_DOMAINS: Type.String({ default: '' }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
})
type Env = Static<typeof EnvSchema>

export type Config = Readonly<{
  env: Env['NODE_ENV']
  isProduction: boolean
  port: number
  host: string
  publicUrl: string
  databaseUrl: string | undefined
  dataDir: string
  jwt: Readonly<{ secret: string; algorithm: 'HS256'; accessTtlMinutes: number; refreshTtlDays: number }>
  bcryptRounds: number
  apiKeyPrefix: string
  corsOrigins: readonly string[]
  rateLimit: Readonly<{
    authPerMinute: number
    perMinute: number
    ingestPerMinute: number
    allowlist: readonly string[]
    /** Every request of one address, counted before any credential is looked up. */
    ipPerMinute: number
    /** Rejected API keys and tokens of one address; past it, requests with credentials get 429 unchecked. */
    credentialFailuresPerMinute: number
    /** The window every limit counts over: 60 s in production (the limits are per minute). */
    windowSeconds: number
  }>
  securityEventRetentionDays: number
  /** A rotated refresh token presented again within this many seconds gets a successor, not a reuse alarm. */
  refreshReuseGraceSeconds: number
  /** Who may read /metrics and /docs in production (docs/configuration.md#operations-endpoints). */
  opsAccess: Readonly<{ protect: boolean; token: string | undefined; allowedNetworks: readonly string[] }>
  redisUrl: string | undefined
  smtpUrl: string | undefined
  mailFrom: string
  schedulerEnabled: boolean
  reportRetentionDays: number
  /** When a report left `running` by a stopped worker is taken again (docs/reports-and-schedules.md). */
  reportRecovery: Readonly<{ staleSeconds: number; jobExpireSeconds: number }>
  trustProxy: boolean
  /** Addresses and CIDR ranges webhooks may reach although they are not public (docs/budgets.md). */
  webhookAllowedNetworks: readonly string[]
  /** Limits on what report schedules may email (docs/reports-and-schedules.md). */
  scheduleLimits: SendingLimits
  logLevel: Env['LOG_LEVEL']
}>

/** Raised with one line per bad variable; `main.ts` prints the lines and exits 1. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
  }
}

/** Lists of IP addresses and CIDR ranges, refused at start when an entry is neither. */
const ADDRESS_LIST_VARIABLES = [
  'RATE_LIMIT_ALLOWLIST',
  'WEBHOOK_ALLOWED_NETWORKS',
  'OPS_ALLOWED_NETWORKS',
] as const

const PLACEHOLDER_SECRETS = [/^change-?me/i, /^secret$/i, /^your[-_]/i, /^dev-secret-not-for-production/]
/** The value shipped in .env.example: refusing it stops a copied example file reaching production. */
export const EXAMPLE_SECRET = 'dev-secret-not-for-production-replace-me-0123456789'

function describeEnvError(path: string, message: string): string {
  return `${path.replace(/^\//, '')}: ${message}`
}

/** Parses the environment (defaults, coercion, rules of docs/configuration.md). Throws ConfigError listing every problem. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, unknown> = {}
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = source[key]
    if (value !== undefined && value !== '') raw[key] = value
  }
  raw.SCHEDULER_ENABLED ??= 'true'
  raw.TRUST_PROXY ??= 'false'
  const withDefaults = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw))
  const problems = dedupeByVariable(
    [...Value.Errors(EnvSchema, withDefaults)].map((e) => describeEnvError(e.path, e.message)),
  )
  // The rules below still run for the variables that parsed, so one start reports every bad variable.
  const malformed = new Set(problems.map((line) => line.split(':')[0]))
  const env = withDefaults as Env
  const isProduction = env.NODE_ENV === 'production'

  if (!malformed.has('JWT_ALGORITHM') && env.JWT_ALGORITHM !== 'HS256')
    problems.push('JWT_ALGORITHM: only HS256 is accepted')
  if (isProduction) {
    const secretProblem = productionSecretProblem(env.JWT_SECRET_KEY)
    if (secretProblem && !malformed.has('JWT_SECRET_KEY')) problems.push(`JWT_SECRET_KEY: ${secretProblem}`)
    if (!malformed.has('BCRYPT_ROUNDS') && env.BCRYPT_ROUNDS < 12)
      problems.push('BCRYPT_ROUNDS: must be at least 12 in production')
  }
  const opsTokenWeakness = env.OPS_ACCESS_TOKEN && lowEntropyReason(env.OPS_ACCESS_TOKEN)
  if (opsTokenWeakness && !malformed.has('OPS_ACCESS_TOKEN'))
    problems.push(
      `OPS_ACCESS_TOKEN: is too guessable (${opsTokenWeakness}); generate one with \`openssl rand -hex 32\``,
    )
  for (const name of ADDRESS_LIST_VARIABLES) {
    try {
      addressSet(splitList(env[name]), name)
    } catch (err) {
      problems.push((err as Error).message)
    }
  }
  if (problems.length > 0) throw new ConfigError(problems)

  const dataDir = resolve(env.DATA_DIR)
  return Object.freeze({
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    host: env.HOST,
    // Unset, links in e-mails and API answers point at this server on its own port.
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    jwt: Object.freeze({
      secret: env.JWT_SECRET_KEY ?? developmentSecret(dataDir),
      algorithm: 'HS256' as const,
      accessTtlMinutes: env.ACCESS_TOKEN_EXPIRE_MINUTES,
      refreshTtlDays: env.REFRESH_TOKEN_EXPIRE_DAYS,
    }),
    bcryptRounds: env.BCRYPT_ROUNDS,
    apiKeyPrefix: env.API_KEY_PREFIX,
    corsOrigins: splitList(env.CORS_ORIGINS),
    rateLimit: Object.freeze({
      authPerMinute: env.RATE_LIMIT_AUTH_PER_MINUTE,
      perMinute: env.RATE_LIMIT_PER_MINUTE,
      ingestPerMinute: env.RATE_LIMIT_INGEST_PER_MINUTE,
      allowlist: splitList(env.RATE_LIMIT_ALLOWLIST),
      ipPerMinute: env.RATE_LIMIT_IP_PER_MINUTE,
      credentialFailuresPerMinute: env.RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    }),
    securityEventRetentionDays: env.SECURITY_EVENT_RETENTION_DAYS,
    refreshReuseGraceSeconds: env.REFRESH_REUSE_GRACE_SECONDS,
    opsAccess: Object.freeze({
      protect: isProduction,
      token: env.OPS_ACCESS_TOKEN,
      allowedNetworks: splitList(env.OPS_ALLOWED_NETWORKS),
    }),
    redisUrl: env.REDIS_URL,
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    schedulerEnabled: env.SCHEDULER_ENABLED === 'true',
    reportRetentionDays: env.REPORT_RETENTION_DAYS,
    reportRecovery: Object.freeze({
      staleSeconds: env.REPORT_STALE_SECONDS,
      jobExpireSeconds: env.REPORT_JOB_EXPIRE_SECONDS,
    }),
    trustProxy: env.TRUST_PROXY === 'true',
    webhookAllowedNetworks: splitList(env.WEBHOOK_ALLOWED_NETWORKS),
    scheduleLimits: Object.freeze({
      minIntervalMinutes: env.SCHEDULE_MIN_INTERVAL_MINUTES,
      maxSchedulesPerUser: env.SCHEDULE_MAX_PER_USER,
      maxRunsPerDay: env.SCHEDULE_MAX_RUNS_PER_DAY,
      runNowCooldownSeconds: env.SCHEDULE_RUN_NOW_COOLDOWN_SECONDS,
      recipientDomains: splitList(env.SCHEDULE_RECIPIENT_DOMAINS.toLowerCase()),
    }),
    logLevel: env.LOG_LEVEL,
  })
}

/** Why a production JWT secret is refused, or undefined when it is acceptable. */
function productionSecretProblem(secret: string | undefined): string | undefined {
  if (!secret) return 'required in production'
  if (secret.length < 32) return 'must be at least 32 characters in production'
  if (PLACEHOLDER_SECRETS.some((re) => re.test(secret)))
    return 'is a placeholder value; generate one with `openssl rand -hex 32`'
  const weakness = lowEntropyReason(secret)
  if (weakness) return `is too guessable (${weakness}); generate one with \`openssl rand -hex 32\``
  return undefined
}

/**
 * Why a secret looks chosen rather than random, or undefined. A cheap estimate, not a proof: fewer than 10
 * distinct characters, a repeated shorter string, mostly consecutive characters (abc…, 123…), or under 80 bits
 * by its own character frequencies. 32 random hex characters (128 bits) pass; `openssl rand -hex 32` always does.
 */
export function lowEntropyReason(secret: string): string | undefined {
  const counts = new Map<string, number>()
  for (const c of secret) counts.set(c, (counts.get(c) ?? 0) + 1)
  if (counts.size < 10) return `only ${counts.size} distinct characters`
  for (let period = 1; period <= secret.length / 2; period++)
    if (secret.slice(period) === secret.slice(0, -period)) return 'a repeated pattern'
  let consecutive = 0
  for (let i = 1; i < secret.length; i++)
    if (Math.abs(secret.charCodeAt(i) - secret.charCodeAt(i - 1)) === 1) consecutive++
  if (consecutive * 2 > secret.length) return 'mostly consecutive characters'
  let bits = 0
  for (const n of counts.values()) bits -= n * Math.log2(n / secret.length)
  if (bits < 80) return `about ${Math.floor(bits)} bits of entropy, 80 needed`
  return undefined
}

function splitList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
}

/** TypeBox reports a union failure several times for one variable; an operator needs one line per variable. */
function dedupeByVariable(lines: string[]): string[] {
  const seen = new Map<string, string>()
  for (const line of lines) {
    const name = line.split(':')[0] ?? line
    if (!seen.has(name)) seen.set(name, line)
  }
  return [...seen.values()]
}

/** Development only: a random secret generated once and kept in DATA_DIR so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, 'jwt-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(dataDir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, `${secret}\n`, { mode: 0o600 })
  chmodSync(file, 0o600)
  process.emitWarning(`JWT_SECRET_KEY is not set: generated a development secret in ${file}`)
  return secret
}

/** What client commands (`mockupaws ingest`) read from the environment; they never need server config. */
export type ClientSettings = { apiKey: string | undefined; url: string }

export function loadClientSettings(source: Record<string, string | undefined> = process.env): ClientSettings {
  return {
    apiKey: source.MOCKUPAWS_API_KEY || undefined,
    url: source.MOCKUPAWS_URL || 'http://localhost:8000',
  }
}
