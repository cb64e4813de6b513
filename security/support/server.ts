import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { rememberSecret } from './secrets.js'

/** The built CLI: `npm run build:server` first (the npm scripts do). */
export const MAIN_JS = resolve('dist/server/main.js')
export const ADMIN_DATABASE_URL = process.env.TEST_DATABASE_URL
export const ENGINE: 'postgres' | 'pglite' = ADMIN_DATABASE_URL ? 'postgres' : 'pglite'
/** A migrated PGlite data dir made once per run by global-setup.ts; servers start from a copy of it. */
export const TEMPLATE_ENV = 'MOCKUPAWS_SEC_PGLITE_TEMPLATE'

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** The environment a child gets: nothing of ours (no DATABASE_URL, REDIS_URL …) leaks in by accident. */
function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of ['PATH', 'HOME', 'LANG', 'TZ']) {
    const value = process.env[name]
    if (value) env[name] = value
  }
  return env
}

/** A fresh PostgreSQL database on TEST_DATABASE_URL's server, as server/test/test-db.ts makes them. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!ADMIN_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set')
  const name = `mockupaws_sec_${randomBytes(6).toString('hex')}`
  await withPgClient(ADMIN_DATABASE_URL, (c) => c.query(`create database ${name}`))
  const url = new URL(ADMIN_DATABASE_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withPgClient(ADMIN_DATABASE_URL, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  }
}

export async function withPgClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

export type Query = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>

export type StartOptions = {
  env?: Record<string, string>
  /** An existing database URL (shared by two instances, or reached through a proxy). */
  databaseUrl?: string
  /** Reuse a data directory (PGlite) instead of a fresh one. */
  dataDir?: string
  port?: number
  /** Wait for /health (default); false for processes expected to exit at start. */
  waitHealthy?: boolean
  /** `worker` runs `mockupaws worker` (no HTTP: ready once it logs "worker started"); `serve` by default. */
  command?: 'serve' | 'worker'
}

/**
 * The built server (`node dist/server/main.js serve`) as a child process, as an operator runs it: a fresh
 * PGlite data dir, or a fresh PostgreSQL database when TEST_DATABASE_URL is set. Every byte it writes to stdout
 * and stderr is kept in `output` for the "no secret in the logs" scans.
 */
export class ServerProcess {
  child!: ChildProcess
  readonly chunks: string[] = []
  exits: Array<number | null> = []
  private ownsDatabase?: { drop(): Promise<void> }

  private constructor(
    readonly env: Record<string, string>,
    readonly port: number,
    readonly dataDir: string,
    readonly databaseUrl: string | undefined,
    readonly command: 'serve' | 'worker',
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get output(): string {
    return this.chunks.join('')
  }

  /** Parsed JSON log lines (pino). */
  logLines(): Array<Record<string, unknown>> {
    return parseLogLines(this.output)
  }

  get isRunning(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  static async start(options: StartOptions = {}): Promise<ServerProcess> {
    const port = options.port ?? (await freePort())
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mockupaws-sec-'))
    const template = process.env[TEMPLATE_ENV]
    if (!options.dataDir && !options.databaseUrl && !ADMIN_DATABASE_URL && template && existsSync(template)) {
      cpSync(join(template, 'pglite'), join(dataDir, 'pglite'), { recursive: true })
    }
    let databaseUrl = options.databaseUrl
    let owned: { drop(): Promise<void> } | undefined
    if (!databaseUrl && ADMIN_DATABASE_URL) {
      const created = await createPostgresDatabase()
      databaseUrl = created.url
      owned = created
    }
    const secret = options.env?.JWT_SECRET_KEY ?? `sec-suite-${randomBytes(24).toString('hex')}`
    rememberSecret(secret)
    const env: Record<string, string> = {
      ...baseEnv(),
      NODE_ENV: 'test',
      JWT_SECRET_KEY: secret,
      BCRYPT_ROUNDS: '4',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      CORS_ORIGINS: 'https://app.example.test',
      RATE_LIMIT_PER_MINUTE: '1000000',
      RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
      RATE_LIMIT_INGEST_PER_MINUTE: '1000000',
      // Every suite request comes from 127.0.0.1, and fuzzing sends many bad keys: the per-address limits
      // are the amplification test's subject and set there.
      RATE_LIMIT_IP_PER_MINUTE: '1000000',
      RATE_LIMIT_CREDENTIAL_FAILURES_PER_MINUTE: '1000000',
      // Users here are …@example.com and name colleagues there as recipients.
      SCHEDULE_RECIPIENT_DOMAINS: 'example.com',
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'info',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      ...options.env,
      PORT: String(port),
    }
    const server = new ServerProcess(env, port, dataDir, databaseUrl, options.command ?? 'serve')
    server.ownsDatabase = owned
    // A process that never got ready is not handed to the caller: nothing would stop it or drop its database.
    await server.launch(options.waitHealthy ?? true).catch(async (err: unknown) => {
      await server.dispose()
      throw err
    })
    return server
  }

  private async launch(waitHealthy: boolean): Promise<void> {
    // A temp working directory: a developer's .env in the checkout must not change what is tested.
    const from = this.chunks.length
    const child = spawn(process.execPath, [MAIN_JS, this.command], {
      env: this.env,
      cwd: this.dataDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    child.stdout?.on('data', (d: Buffer) => this.chunks.push(d.toString()))
    child.stderr?.on('data', (d: Buffer) => this.chunks.push(d.toString()))
    child.on('exit', (code) => this.exits.push(code))
    if (!waitHealthy) return
    if (this.command === 'worker') await this.waitForLog('worker started', from)
    else await this.waitHealthy()
  }

  /** Waits for a log line whose `msg` starts with `msg`, written from output chunk `from` on. */
  async waitForLog(msg: string, from = 0, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.isRunning)
        throw new Error(`${this.command} exited (${this.child.exitCode}):\n${this.output.slice(-2000)}`)
      const line = parseLogLines(this.chunks.slice(from).join('')).find((l) => String(l.msg).startsWith(msg))
      if (line) return line
      await sleep(100)
    }
    throw new Error(`no "${msg}" log line after ${timeoutMs} ms:\n${this.output.slice(-2000)}`)
  }

  async waitHealthy(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (!this.isRunning)
        throw new Error(`server exited (${this.child.exitCode}):\n${this.output.slice(-2000)}`)
      try {
        const res = await fetch(`${this.url}/health`)
        await res.arrayBuffer()
        if (res.ok) return
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    throw new Error(`server not healthy after ${timeoutMs} ms:\n${this.output.slice(-2000)}`)
  }

  /** Waits for the process to exit; resolves with its exit code. */
  waitExit(timeoutMs = 30_000): Promise<number | null> {
    if (!this.isRunning) return Promise.resolve(this.child.exitCode)
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('server did not exit')), timeoutMs)
      this.child.once('exit', (code) => {
        clearTimeout(timer)
        done(code)
      })
    })
  }

  /** SIGTERM and wait: the graceful path. */
  async stop(): Promise<number | null> {
    if (!this.isRunning) return this.child.exitCode
    const exited = this.waitExit()
    this.child.kill('SIGTERM')
    return exited
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. */
  async kill9(): Promise<void> {
    if (!this.isRunning) return
    const exited = this.waitExit()
    this.child.kill('SIGKILL')
    await exited
  }

  /** Starts the same server again: same port, data and configuration. */
  async restart(): Promise<void> {
    if (this.isRunning) await this.stop()
    await this.launch(true)
  }

  /**
   * Runs SQL against the server's database. PostgreSQL is queried live; PGlite belongs to one process, so the
   * server is stopped, the data dir opened here, and the server started again afterwards.
   */
  async withDatabase<T>(fn: (query: Query) => Promise<T>): Promise<T> {
    if (this.databaseUrl) {
      return withPgClient(this.databaseUrl, (client) =>
        fn(async (text, params) => (await client.query(text, params as unknown[])).rows),
      )
    }
    const wasRunning = this.isRunning
    if (wasRunning) await this.stop()
    const db = new PGlite(join(this.dataDir, 'pglite'))
    try {
      await db.waitReady
      return await fn(async (text, params) => (await db.query(text, params as unknown[])).rows as never)
    } finally {
      await db.close()
      if (wasRunning) await this.launch(true)
    }
  }

  /** Stops the process and removes its database and data dir. */
  async dispose(): Promise<void> {
    if (this.isRunning) await this.stop().catch(() => this.child.kill('SIGKILL'))
    await this.ownsDatabase?.drop().catch(() => undefined)
    if (existsSync(this.dataDir)) rmSync(this.dataDir, { recursive: true, force: true })
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function parseLogLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as Record<string, unknown>]
      } catch {
        return []
      }
    })
}

/** Row counts of every application table (migration bookkeeping excluded). */
export async function tableCounts(query: Query): Promise<Record<string, number>> {
  const tables = await query<{ table_name: string }>(
    `select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  )
  const counts: Record<string, number> = {}
  for (const { table_name } of tables) {
    const [row] = await query<{ n: string | number }>(`select count(*) as n from "${table_name}"`)
    counts[table_name] = Number(row?.n ?? 0)
  }
  return counts
}
