import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api'
import { describe, expect, it } from 'vitest'
import * as schema from './schema/index.js'

/**
 * The Drizzle schema (server/db/schema) and the SQL migrations (server/db/migrations) must describe the same
 * database. drizzle-kit keeps a snapshot of the schema next to each migration; these tests hold the chain
 * schema → last snapshot → each migration's SQL together, offline.
 */
const folder = fileURLToPath(new URL('./migrations', import.meta.url))
type Snapshot = Parameters<typeof generateMigration>[0]
const journal = JSON.parse(readFileSync(`${folder}/meta/_journal.json`, 'utf8')) as {
  entries: { idx: number; tag: string }[]
}
const snapshotOf = (idx: number): Snapshot =>
  JSON.parse(readFileSync(`${folder}/meta/${String(idx).padStart(4, '0')}_snapshot.json`, 'utf8'))
const statementsOf = (tag: string): string[] =>
  readFileSync(`${folder}/${tag}.sql`, 'utf8')
    .split('--> statement-breakpoint')
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean)

describe('Drizzle schema and SQL migrations', () => {
  it('every SQL migration is in the journal, and the other way round', () => {
    const files = readdirSync(folder).filter((f) => f.endsWith('.sql'))
    expect(files.sort()).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort())
  })

  it('the schema is the last snapshot: `npm run db:generate` has nothing to generate', async () => {
    const last = snapshotOf(journal.entries.length - 1)
    const current = generateDrizzleJson(schema, (last as { id: string }).id)
    expect(await generateMigration(last, current)).toEqual([])
  })

  it("each migration's SQL makes every change between its snapshot and the one before", async () => {
    let previous = generateDrizzleJson({})
    for (const entry of journal.entries) {
      const snapshot = snapshotOf(entry.idx)
      const expected = (await generateMigration(previous, snapshot)).map((s) => s.replace(/\s+/g, ' ').trim())
      // A migration may add statements of its own (a data backfill); it may not miss one.
      const missing = expected.filter((statement) => !statementsOf(entry.tag).includes(statement))
      expect(missing, entry.tag).toEqual([])
      previous = snapshot
    }
  })
})
