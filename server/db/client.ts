import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PGlite } from '@electric-sql/pglite'
import { fillPlaceholders, type SQL, sql } from 'drizzle-orm'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import pg from 'pg'
import * as schema from './schema/index.js'

/** The Drizzle handle every repo takes; the same type on PostgreSQL and PGlite. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle or the database itself: repos accept either. */
export type DbOrTx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db

export type Database = {
  db: Db
  engine: 'postgres' | 'pglite'
  /** Applies pending migrations; safe to call from several processes at once. */
  migrate(): Promise<void>
  /** Throws when the database cannot answer. */
  ping(): Promise<void>
  close(): Promise<void>
  /** node-postgres pool when on PostgreSQL (pg-boss shares it), undefined on PGlite. */
  pool?: pg.Pool
  /** The PGlite instance when embedded. */
  pglite?: PGlite
}

/** Raw SQL rows on either engine (both drivers' results carry `rows`). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

const dialect = new PgDialect()

/** A statement compiled once, at module load: its SQL text and where its named placeholders go. */
export type PreparedStatement = { name: string; text: string; params: unknown[] }

/** Compiles a statement whose values are all `sql.placeholder(name)`; `name` must be unique per text. */
export function prepareStatement(name: string, query: SQL): PreparedStatement {
  const { sql: text, params } = dialect.sqlToQuery(query)
  return { name, text, params }
}

/**
 * Runs a prepared statement with its placeholders' values. On PostgreSQL it is a named prepared statement,
 * so each pooled connection parses and plans it once instead of on every call (the ingest commit spent
 * ~0.8 ms of its ~2 ms in the database planning, and building its SQL per call cost the server ~4 % of its
 * CPU). PGlite, one in-process connection, runs the text with the values as usual.
 */
export async function queryPrepared<T extends pg.QueryResultRow>(
  db: Db,
  statement: PreparedStatement,
  values: Record<string, unknown>,
): Promise<T[]> {
  const params = fillPlaceholders(statement.params, values).map(arrayLiteral)
  const client = (db as { $client?: unknown }).$client
  if (client instanceof pg.Pool) {
    return (await client.query<T>({ name: statement.name, text: statement.text, values: params })).rows
  }
  if (client instanceof PGlite) return (await client.query<T>(statement.text, params)).rows
  throw new Error('queryPrepared needs the database handle, not a transaction')
}

/** A string needs quoting-escapes only when it holds a quote or a backslash (array_in's two specials inside "…"). */
const NEEDS_ESCAPE = /["\\]/

/**
 * A flat array of strings, numbers, booleans and nulls as PostgreSQL's array literal text, which the `$n::type[]`
 * cast parses. node-postgres builds the same text with two regex replaces per element, a third of the server's
 * CPU on a commit of thousands of rollup rows (docs/PERFORMANCE.md); anything else is left to the driver.
 */
function arrayLiteral(value: unknown): unknown {
  if (!Array.isArray(value)) return value
  const parts = new Array<string>(value.length)
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i]
    if (element === null || element === undefined) parts[i] = 'NULL'
    else if (typeof element === 'number' || typeof element === 'boolean') parts[i] = String(element)
    else if (typeof element === 'string')
      parts[i] = `"${NEEDS_ESCAPE.test(element) ? element.replace(/["\\]/g, '\\$&') : element}"`
    else return value
  }
  return `{${parts.join(',')}}`
}

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url))
/** Any constant works; it only has to be the same in every process. */
const MIGRATION_LOCK_ID = 727_001

// NUMERIC (OID 1700) and BIGINT (20) stay strings: money and quantities are exact decimals.
pg.types.setTypeParser(1700, (v) => v)

export type DatabaseOptions = {
  /** postgres://… URL; absent → PGlite. */
  url?: string
  /** PGlite data directory; absent → in memory. */
  dataDir?: string
  /** In-memory PGlite only: starts from this dumped data directory (`pglite.dumpDataDir()`) instead of initdb. */
  pgliteImage?: Blob
  poolSize?: number
  onPoolError?: (err: Error) => void
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options) : openPglite(options.dataDir, options.pgliteImage)
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  })
  // Without a listener a dropped idle connection would crash the process; the pool replaces it.
  pool.on('error', (err) => options.onPoolError?.(err))
  const db = drizzlePg(pool, { schema }) as unknown as Db
  return {
    db,
    engine: 'postgres',
    pool,
    async migrate() {
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID])
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER })
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined)
        client.release()
      }
    },
    async ping() {
      await pool.query('select 1')
    },
    async close() {
      await pool.end()
    },
  }
}

async function openPglite(dataDir: string | undefined, image: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const pglite = image ? new PGlite({ loadDataDir: image }) : new PGlite(dataDir)
  await pglite.waitReady
  const db = drizzlePglite(pglite, { schema }) as unknown as Db
  return {
    db,
    engine: 'pglite',
    pglite,
    async migrate() {
      await migratePglite(drizzlePglite(pglite, { schema }), { migrationsFolder: MIGRATIONS_FOLDER })
    },
    async ping() {
      await db.execute(sql`select 1`)
    },
    async close() {
      await pglite.close()
    },
  }
}
